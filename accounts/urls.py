from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("school/", views.school, name="school"),
    path("school/join/", views.join, name="join"),
    path("close/", views.close, name="close"),
]
