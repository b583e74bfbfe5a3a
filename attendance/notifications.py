"""E-mail about registrations, in the teacher's language, and the certificate issue: background tasks (django-tasks).

Tasks take primary keys: the database queue stores their arguments as JSON, and the worker reads the state as it
is when the task runs (a registration cancelled meanwhile gets no reminder).
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from attendance import events
from attendance.models import Registration
from follow.calendars import build_calendar
from workflows.notifications import absolute, language_of, notifies_on, schedule

Status = Registration.Status
# The reminder goes out the day before: to confirmed registrations whose event starts within this window.
REMINDER_WINDOW = datetime.timedelta(days=1)


@notifies_on(events.registration_changed)
def _on_registration_changed(sender, registration_id, what, **kwargs):
    schedule(registration_changed, registration_id, what)


def site_request():
    """A request for the public site's address, for absolute links built outside a request (in the worker)."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    scheme, _sep, host = base.partition("://")
    return RequestFactory().get("/", HTTP_HOST=host, secure=scheme == "https")


def event_in(desk, language):
    """The event's page in the given language, else the desk's own version."""
    from network.models import EventPage

    return (
        EventPage.objects.filter(translation_key=desk.event_key, locale__language_code=language)
        .select_related("school")
        .first()
        or desk.event
    )


SUBJECTS = {
    Status.CONFIRMED: lambda: _("You are registered: %(title)s"),
    Status.WAITING: lambda: _("You are on the waiting list: %(title)s"),
    "promoted": lambda: _("A seat has freed up, you are registered: %(title)s"),
    Status.CANCELLED: lambda: _("Registration cancelled: %(title)s"),
    "reminder": lambda: _("Tomorrow: %(title)s"),
}


def _send(registration, what):
    user = registration.user
    if not user.email:
        return 0
    language = language_of(user)
    with translation.override(language):
        request = site_request()
        event = event_in(registration.desk, language)
        context = {
            "recipient": user,
            "event": event,
            "what": what,
            "desk": registration.desk,
            "url": request.build_absolute_uri(event.get_url(request=request)),
            "mine_url": absolute(reverse("attendance:mine")),
        }
        message = EmailMessage(
            SUBJECTS[what]() % {"title": event.title},
            render_to_string("attendance/email/registration.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
            headers={"Content-Language": language},
        )
        if what in (Status.CONFIRMED, "promoted", "reminder"):
            calendar = build_calendar(event.title, [event], request, private_links=True)
            message.attach("event.ics", calendar, "text/calendar")
        message.send()
    return 1


@task()
def registration_changed(registration_id, what):
    registration = Registration.objects.select_related("user", "desk__event").filter(pk=registration_id).first()
    if registration is None:
        return 0
    # The state may have moved on since the task was queued: tell only what is still true.
    still = {"promoted": Status.CONFIRMED}.get(what, what)
    if registration.status != still:
        return 0
    return _send(registration, what)


@task()
def reminder(registration_id):
    registration = Registration.objects.select_related("user", "desk__event").filter(pk=registration_id).first()
    if registration is None or registration.status != Status.CONFIRMED or registration.desk.event.is_cancelled:
        return 0
    return _send(registration, "reminder")


def send_due_reminders(now=None):
    """Queue the day-before reminders, once per registration. Returns how many were queued."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Status.CONFIRMED, reminded_at__isnull=True, event_start__gt=now, event_start__lte=now + REMINDER_WINDOW
    )
    ids = list(due.values_list("pk", flat=True))
    Registration.objects.filter(pk__in=ids).update(reminded_at=now)
    for pk in ids:
        reminder.enqueue(pk)
    return len(ids)
