"""The organisers' admin URLs, mounted under /admin/event-registrations/ by wagtail_hooks."""

from django.urls import path

from attendance import admin_views

app_name = "attendance_admin"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("event/<int:event_id>/", admin_views.event_desk, name="event"),
    path("event/<int:event_id>/open/", admin_views.open_registration, name="open"),
    path("event/<int:event_id>/settings/", admin_views.save_settings, name="settings"),
    path("event/<int:event_id>/attendance/", admin_views.mark_attendance, name="attendance"),
    path("event/<int:event_id>/issue/", admin_views.issue, name="issue"),
    path("event/<int:event_id>/report/", admin_views.RegistrationsReport.as_view(), name="report"),
    path(
        "event/<int:event_id>/report/results/",
        admin_views.RegistrationsReport.as_view(results_only=True),
        name="report_results",
    ),
    path("certificate/<int:certificate_id>/revoke/", admin_views.revoke, name="revoke"),
]
