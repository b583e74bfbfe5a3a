from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitorsConfig(AppConfig):
    """What anonymous visitors leave behind, kept honest: download counts, the search query log, popular searches."""

    name = "visitors"
    label = "visitors"
    verbose_name = _("Visitors")
    default_auto_field = "django.db.models.BigAutoField"
