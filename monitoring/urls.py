"""Monitoring's admin URLs, mounted under /admin/monitoring/ by wagtail_hooks (Wagtail requires admin access)."""

from django.urls import path

from monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("schools/", views.SchoolsReport.as_view(), name="schools"),
    path("schools/results/", views.SchoolsReport.as_view(results_only=True), name="schools_results"),
    path("submissions/", views.SubmissionsReport.as_view(), name="submissions"),
    path("submissions/results/", views.SubmissionsReport.as_view(results_only=True), name="submissions_results"),
    path("events/", views.EventsReport.as_view(), name="events"),
    path("events/results/", views.EventsReport.as_view(results_only=True), name="events_results"),
    path("posts/", views.PostsReport.as_view(), name="posts"),
    path("posts/results/", views.PostsReport.as_view(results_only=True), name="posts_results"),
    path("resources/", views.ResourcesReport.as_view(), name="resources"),
    path("resources/results/", views.ResourcesReport.as_view(results_only=True), name="resources_results"),
    path("teachers/", views.TeachersReport.as_view(), name="teachers"),
    path("teachers/results/", views.TeachersReport.as_view(results_only=True), name="teachers_results"),
]
