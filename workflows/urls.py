"""The review's admin URLs, mounted under /admin/reviews/ by wagtail_hooks (Wagtail requires admin access)."""

from django.urls import path

from workflows import views

app_name = "workflows"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("task/<int:task_id>/", views.task_detail, name="task"),
    path("task/<int:task_id>/claim/", views.task_claim, name="claim"),
    path("task/<int:task_id>/release/", views.task_release, name="release"),
    path("submission/<int:submission_id>/", views.submission_detail, name="submission"),
    path("submission/<int:submission_id>/conclusion/", views.conclusion, name="conclusion"),
    path("file/<int:file_id>/", views.file_download, name="file"),
    path("evidence/<int:event_id>/", views.evidence_download, name="evidence"),
]
