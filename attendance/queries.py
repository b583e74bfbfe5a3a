"""What other apps ask about registrations, without knowing the models."""

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from attendance.models import RegistrationDesk


def open_event_keys(now=None):
    """The translation keys of the events that take registrations now (seats or waiting list): a subquery."""
    now = now or timezone.now()
    return (
        RegistrationDesk.objects.filter(is_open=True, event__is_cancelled=False)
        .filter(Q(deadline__gt=now) | Q(deadline__isnull=True, event_start__gt=now))
        .values("event_key")
    )


DESK_KEYS_CACHE = "attendance:desk-event-keys"
# Another process's new desk is seen within this time even on a per-process cache (locmem); Redis sees it at once.
DESK_KEYS_TTL = 60


def desk_event_keys():
    """The translation keys of every event that takes registrations, from the cache (one query on a miss): feeds
    and calendars ask it for each item, at no cost per item."""
    keys = cache.get(DESK_KEYS_CACHE)
    if keys is None:
        keys = {str(key) for key in RegistrationDesk.objects.values_list("event_key", flat=True)}
        cache.set(DESK_KEYS_CACHE, keys, DESK_KEYS_TTL)
    return keys


def forget_desk_keys():
    cache.delete(DESK_KEYS_CACHE)


def link_is_private(event):
    """Does this event give its joining link to registered teachers only?"""
    return bool(getattr(event, "online_url", "")) and str(event.translation_key) in desk_event_keys()


def events_with_registration(events):
    """Which of these event pages take registrations (their joining link is for registered teachers only)."""
    return {event.translation_key for event in events if link_is_private(event)}
