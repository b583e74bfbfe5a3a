"""What other apps ask about registrations, without knowing the models."""

from django.db.models import Q
from django.utils import timezone

from attendance.models import RegistrationDesk


def open_event_keys(now=None):
    """The translation keys of the events that take registrations now (seats or waiting list): a subquery."""
    now = now or timezone.now()
    return (RegistrationDesk.objects.filter(is_open=True, event__is_cancelled=False)
            .filter(Q(deadline__gt=now) | Q(deadline__isnull=True, event_start__gt=now))
            .values("event_key"))


def events_with_registration(events):
    """Which of these event pages take registrations (their joining link is for registered teachers only)."""
    keys = {event.translation_key for event in events if event.online_url}
    if not keys:
        return set()
    return set(RegistrationDesk.objects.filter(event_key__in=keys).values_list("event_key", flat=True))
