from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    """Registrations for events, attendance, and documents anyone can verify (certificates, conclusions)."""

    name = "attendance"
    label = "attendance"
    verbose_name = _("Event registrations and certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import attendance.notifications  # noqa: F401  (connects the e-mail receiver to attendance/events.py)
        import attendance.signals  # noqa: F401  (keeps the copied event facts in step with the event page)
