"""Public URLs, inside the language prefix: /<lang>/registrations/... and /<lang>/verify/..."""

from django.urls import path

from attendance import views

app_name = "attendance"

urlpatterns = [
    path("registrations/mine/", views.mine, name="mine"),
    path("registrations/event/<int:desk_id>/register/", views.register, name="register"),
    path("registrations/<int:registration_id>/cancel/", views.cancel, name="cancel"),
    path("registrations/certificate/<str:number>.pdf", views.certificate_pdf, name="certificate"),
    path("verify/", views.verify, name="verify_form"),
    path("verify/<str:number>/", views.verify, name="verify"),
]
