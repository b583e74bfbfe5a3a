from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CabinetConfig(AppConfig):
    name = "cabinet"
    label = "cabinet"
    verbose_name = _("Teacher's cabinet")
