from django.urls import path

from cabinet import views

app_name = "cabinet"

urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.edit, name="new"),
    path("<int:submission_id>/", views.submission_detail, name="submission"),
    path("<int:submission_id>/edit/", views.edit, name="edit"),
    path("<int:submission_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:submission_id>/conclusion/", views.conclusion, name="conclusion"),
    path("files/<int:file_id>/", views.file_download, name="file"),
]

# The teacher's old admin pages (/admin/reviews/mine/…), mounted before the admin so that a teacher, who has no
# admin access any more, is sent to the cabinet instead of the admin's sign-in.
legacy_urlpatterns = [
    path("admin/reviews/mine/", views.legacy_admin_redirect),
    path("admin/reviews/mine/new/", views.legacy_admin_redirect),
    path("admin/reviews/mine/<int:submission_id>/", views.legacy_admin_redirect),
    path("admin/reviews/mine/<int:submission_id>/edit/", views.legacy_admin_redirect),
    path("admin/reviews/mine/<int:submission_id>/withdraw/", views.legacy_admin_redirect),
]
