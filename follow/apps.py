from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowConfig(AppConfig):
    """Feeds, calendars and e-mail subscriptions: following the network without visiting it every day."""

    name = "follow"
    label = "follow"
    verbose_name = _("Following the network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the publish/unpublish receivers)
