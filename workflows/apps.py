from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    label = "workflows"
    verbose_name = _("Review of innovative pedagogical experience")

    def ready(self):
        from workflows import notifications  # noqa: F401  (connects the e-mail receivers to workflows/events.py)
