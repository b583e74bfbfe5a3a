"""wagtail-localize's "translate" and "sync" URLs, answered by the school-scoped views of editors.translation, and
Wagtail's workflow action, answered by editors.approval (the same action, then a message saying what it did).

Included in config/urls.py before the Wagtail admin, so these paths resolve here first; the names that
wagtail-localize reverses (wagtail_localize:submit_page_translation, :update_translations) still give the same
paths. Wagtail wraps its own admin URLs in require_admin_access; these are wrapped the same way.
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from editors import approval, translation

urlpatterns = [
    path(
        "admin/localize/submit/page/<int:page_id>/",
        require_admin_access(translation.SchoolPageTranslationView.as_view()),
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        require_admin_access(translation.SchoolUpdateTranslationsView.as_view()),
    ),
    # Wagtail's workflow action (approve / request changes from the dashboard), then a message saying what it did.
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        require_admin_access(approval.WorkflowActionWithMessage.as_view()),
    ),
]
