"""Counting once per visitor and day, in the shared cache (Redis in production; security.checks insists).

A cache key rather than a table of (visitor, day) rows: the key expires by itself after the day, the database
holds no trace of visitors, and `cache.add` is atomic, so two simultaneous requests of one visitor count once.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from security.limits import over_limit

from .identity import is_bot, visitor_key

DAY = 60 * 60 * 25  # a day and an hour: the key outlives the day it stands for


def first_time_today(request, what):
    """True the first time today this (non-bot) visitor does `what`; False for a repeat or a bot."""
    if is_bot(request):
        return False
    digest = hashlib.sha256(f"{what}|{visitor_key(request)}".encode()).hexdigest()[:40]
    key = f"visitors:once:{digest}"  # hashed: a search term may hold any character
    return cache.add(key, 1, DAY)


def query_log_limits():
    """Per visitor: at most this many logged searches an hour; for the site: at most this many new terms a day."""
    return getattr(settings, "SEARCH_LOG_LIMITS", {"visitor": (30, 3600), "new_terms_per_day": 500})


def may_log_query(request, normalised, is_new_term):
    # is_new_term: a callable, asked (one query) only when the other conditions pass
    """Whether one search may add a hit to the query log.

    A bot never; a visitor once per term and day (so a term's hits are distinct visitor-days), at most
    `visitor` searches an hour; and a term the log has never seen only while today's cap of new terms lasts,
    so that a flood of random queries cannot grow the table without end.
    """
    if not normalised or not first_time_today(request, f"search:{normalised}"):
        return False
    limits = query_log_limits()
    if over_limit("search-log", visitor_key(request), *limits["visitor"]):
        return False
    return not (
        is_new_term()
        and over_limit(
            "search-new-terms",
            timezone.localdate().isoformat(),
            limits["new_terms_per_day"],
            int(datetime.timedelta(days=1).total_seconds()),
        )
    )
