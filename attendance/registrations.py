"""What a page shows about registrations: one event's state for a visitor, and a teacher's own list."""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import timezone

from attendance.models import Registration, RegistrationDesk
from network.models import EventPage

Status = Registration.Status


@dataclass
class EventRegistration:
    """An event page's registration box, for one visitor."""

    desk: RegistrationDesk | None
    registration: Registration | None
    login_url: str

    @property
    def takes_registrations(self):
        return self.desk is not None

    @property
    def is_registered(self):
        return self.registration is not None and self.registration.status == Status.CONFIRMED

    @property
    def is_waiting(self):
        return self.registration is not None and self.registration.status == Status.WAITING

    @property
    def accepts(self):
        return self.desk is not None and self.desk.accepts_registrations()

    @property
    def shows_online_link(self):
        """An event that takes registrations gives its joining link to registered teachers only."""
        return self.desk is None or self.is_registered


def event_registration(page, request):
    desk = RegistrationDesk.objects.select_related("event").filter(event_key=page.translation_key).first()
    registration = None
    if desk is not None and request.user.is_authenticated:
        registration = Registration.objects.filter(desk=desk, user=request.user).first()
    login_url = f"{resolve_url(settings.LOGIN_URL)}?next={request.get_full_path()}"
    return EventRegistration(desk, registration, login_url)


def _titled(registrations, language):
    """Each registration's event page in the reader's language (one query), else the desk's version."""
    keys = {registration.desk.event_key for registration in registrations}
    pages = {
        page.translation_key: page
        for page in EventPage.objects.filter(translation_key__in=keys, locale__language_code=language)
    }
    for registration in registrations:
        registration.page = pages.get(registration.desk.event_key, registration.desk.event)
    return registrations


def registrations_of(user, language):
    """The teacher's registrations (upcoming, waiting, past) and certificates, in a fixed number of queries."""
    now = timezone.now()
    registrations = _titled(
        list(
            Registration.objects.filter(user=user)
            .exclude(status=Status.CANCELLED)
            .select_related("desk__event", "certificate")
            .order_by("event_start", "pk")
        ),
        language,
    )
    certificates = [
        registration.certificate
        for registration in registrations
        if hasattr(registration, "certificate") and registration.certificate is not None
    ]
    for certificate in certificates:
        certificate.page = certificate.registration.page
    return {
        "upcoming": [r for r in registrations if r.status == Status.CONFIRMED and r.desk.event.end >= now],
        "waiting": [r for r in registrations if r.status == Status.WAITING and r.desk.event.end >= now],
        "past": [r for r in registrations if r.status == Status.CONFIRMED and r.desk.event.end < now][::-1],
        "certificates": [c for c in certificates if not c.is_revoked],
    }
