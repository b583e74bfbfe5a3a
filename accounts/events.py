"""What happens to a teacher's affiliation, announced as Django signals (`accounts/notifications.py` listens,
connected in `AccountsConfig.ready`), so that the services need not import the e-mail code."""

from django.dispatch import Signal

# A school confirmed or declined a request to join it; sent with request_id, inside the decision's transaction.
affiliation_decided = Signal()
