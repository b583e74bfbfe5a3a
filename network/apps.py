from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    label = "network"
    verbose_name = _("Leading Schools network")

    def ready(self):
        from network import signals  # noqa: F401
