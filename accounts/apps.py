from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "accounts"
    verbose_name = _("Teachers' accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts import notifications  # noqa: F401  (connects the e-mail receiver to accounts/events.py)
