"""wagtail-localize's "translate" and "sync" URLs, answered by the school-scoped views of editors.translation.

Included in config/urls.py before the Wagtail admin, so these paths resolve here first; the names that
wagtail-localize reverses (wagtail_localize:submit_page_translation, :update_translations) still give the same
paths. Wagtail wraps its own admin URLs in require_admin_access; these are wrapped the same way.
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from editors import translation

urlpatterns = [
    path(
        "admin/localize/submit/page/<int:page_id>/",
        require_admin_access(translation.SchoolPageTranslationView.as_view()),
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        require_admin_access(translation.SchoolUpdateTranslationsView.as_view()),
    ),
]
