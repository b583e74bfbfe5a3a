from django.urls import path

from accounts import admin_views

app_name = "accounts_admin"
urlpatterns = [
    path("", admin_views.teachers, name="teachers"),
    path("<int:request_id>/confirm/", admin_views.confirm, name="confirm"),
    path("<int:request_id>/decline/", admin_views.decline, name="decline"),
]
