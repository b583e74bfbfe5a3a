from django.urls import path

import config.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "follow"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:kind>.rss", views.feed, {"fmt": "rss"}, name="rss"),
    path("<slug:kind>.atom", views.feed, {"fmt": "atom"}, name="atom"),
    path("schools/<id:school_id>/<slug:kind>.rss", views.feed, {"fmt": "rss"}, name="school_rss"),
    path("schools/<id:school_id>/<slug:kind>.atom", views.feed, {"fmt": "atom"}, name="school_atom"),
    path("events.ics", views.calendar, name="calendar"),
    path("schools/<id:school_id>/events.ics", views.calendar, name="school_calendar"),
    path("events/<id:event_id>.ics", views.event_ics, name="event_ics"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/sent/", views.subscribe_sent, name="subscribe_sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("delete/<str:token>/", views.delete, name="delete"),
]
