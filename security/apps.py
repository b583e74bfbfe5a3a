from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """What keeps the site standing in production: the client's address behind the proxy, rate limits in the shared
    cache, the sign-in lock-out (django-axes), refusal of malformed input, and the checks that refuse to start a
    production server without them."""

    name = "security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from . import checks, privacy  # noqa: F401  (registers the system checks and the signal receivers)
