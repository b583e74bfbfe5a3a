"""What happens to a registration, announced as a Django signal (`attendance/notifications.py` listens, connected
in `AttendanceConfig.ready`), so that the services need not import the e-mail code."""

from django.dispatch import Signal

# A registration changed; sent with registration_id and what (a Registration.Status, or "promoted" when a seat
# freed up for someone waiting), inside the desk's transaction.
registration_changed = Signal()
