from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorsConfig(AppConfig):
    """A school's editors and moderators in the admin: their accounts, translation and moderation."""

    name = "editors"
    label = "editors"
    verbose_name = _("School editors")
