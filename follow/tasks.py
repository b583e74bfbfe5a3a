"""Background work: immediate notices after a publication, daily and weekly digests.

Each send claims its items in the sent-items table first (a unique subscriber/page pair), under a row lock on the
subscriber, so two runs of the same digest never send an item twice; a failed send releases its claims, so the
items go out with the next run (the `follow_send_digests` command re-enqueues them).
"""

import datetime
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale, Page

from .feeds import item_summary, item_title
from .identity import absolute
from .mail import digest_message
from .models import Frequency, SentItem, Subscriber, Subscription
from .sources import get_source, source_for_model

logger = logging.getLogger(__name__)

MAX_DIGEST_ITEMS = 50
# A claim older than this belongs to a worker that died while sending: its items are offered again.
CLAIM_LEASE = datetime.timedelta(minutes=30)
PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(days=7)}
# Cron does not run at the exact minute: a digest due in the next hour is sent now rather than a period late.
SCHEDULE_SLACK = datetime.timedelta(hours=1)


@task()
def notify_published(page_id):
    """Enqueue a notice for every immediate subscriber who follows what was just published."""
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is None or not page.live:
        return 0
    page = page.specific
    source = source_for_model(type(page))
    if source is None:
        return 0
    subscriptions = Subscription.objects.filter(
        frequency=Frequency.IMMEDIATE, subscriber__language=page.locale.language_code, **{source.key: True}
    )
    school = getattr(page, "school", None)
    scope = Q(school__isnull=True)
    if school is not None:
        scope |= Q(school__translation_key=school.translation_key)
    subscriber_ids = list(subscriptions.filter(scope).values_list("subscriber_id", flat=True).distinct())
    for subscriber_id in subscriber_ids:
        send_digest.enqueue(subscriber_id, Frequency.IMMEDIATE.value)
    return len(subscriber_ids)


@task()
def send_digest(subscriber_id, frequency):
    """Send one subscriber what is new for their subscriptions of this frequency; returns the number of items."""
    return deliver(subscriber_id, frequency)


def collect(subscriber, subscriptions, locale, limit=MAX_DIGEST_ITEMS):
    """{source key: (source, [item, …])} of live public items not yet sent or claimed, newest first."""
    done = (
        SentItem.objects.filter(subscriber=subscriber)
        .filter(Q(sent_at__isnull=False) | Q(claimed_at__isnull=False))
        .values("page_id")
    )
    found, seen = {}, set()
    for subscription in subscriptions:
        for topic in subscription.topics():
            source = get_source(topic)
            if source is None:
                continue
            items = source.queryset(locale).filter(first_published_at__gte=subscription.consented_at)
            if subscription.school_id:
                items = items.filter(school__translation_key=subscription.school.translation_key)
            for item in items.exclude(pk__in=done)[:limit]:
                if item.pk not in seen and len(seen) < limit:
                    seen.add(item.pk)
                    found.setdefault(source.key, (source, []))[1].append(item)
    return found


def deliver(subscriber_id, frequency, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        # The row lock serialises two runs for the same subscriber: the second sees the first one's claims.
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
        if subscriber is None:
            return 0
        subscriptions = list(subscriber.subscriptions.filter(frequency=frequency).select_related("school"))
        if not subscriptions:
            return 0
        SentItem.objects.filter(subscriber=subscriber, sent_at__isnull=True, claimed_at__lt=now - CLAIM_LEASE).update(
            claimed_at=None
        )
        locale = Locale.objects.filter(language_code=subscriber.language).first()
        found = collect(subscriber, subscriptions, locale) if locale else {}
        page_ids = [item.pk for _source, items in found.values() for item in items]
        if page_ids:
            SentItem.objects.filter(subscriber=subscriber, page_id__in=page_ids, sent_at__isnull=True).update(
                claimed_at=now
            )
            SentItem.objects.bulk_create(
                [SentItem(subscriber=subscriber, page_id=pk, claimed_at=now) for pk in page_ids], ignore_conflicts=True
            )
    if not page_ids:
        Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(last_sent_at=now)
        return 0

    with translation.override(subscriber.language):  # dates and labels in the summaries too
        sections = [
            (source, [(item, absolute(item.get_url()), item_summary(item), item_title(item)) for item in items])
            for source, items in found.values()
        ]
    message = digest_message(subscriber, sections, frequency)
    claimed = SentItem.objects.filter(subscriber=subscriber, page_id__in=page_ids, claimed_at=now, sent_at__isnull=True)
    try:
        message.send()
    except Exception:
        claimed.update(claimed_at=None)
        logger.exception("Sending a digest to subscriber %s failed; its items will be sent again", subscriber_id)
        raise
    claimed.update(sent_at=timezone.now())
    Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(last_sent_at=now)
    return len(page_ids)


def due_digests(now=None):
    """(subscriber id, frequency) pairs that should be sent now: periodic digests whose period has passed, and any
    subscriber with items left unsent by a failed send."""
    now = now or timezone.now()
    due = set()
    for frequency, period in PERIODS.items():
        cutoff = now - period + SCHEDULE_SLACK
        rows = (
            Subscription.objects.filter(frequency=frequency)
            .filter(Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=cutoff))
            .values_list("subscriber_id", flat=True)
        )
        due.update((subscriber_id, frequency.value) for subscriber_id in rows)
    unsent = (
        SentItem.objects.filter(sent_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE))
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    for subscriber_id in unsent:
        for frequency in Subscription.objects.filter(subscriber_id=subscriber_id).values_list("frequency", flat=True):
            due.add((subscriber_id, frequency))
    return sorted(due)


def enqueue_due_digests(now=None):
    pairs = due_digests(now)
    for subscriber_id, frequency in pairs:
        send_digest.enqueue(subscriber_id, frequency)
    return len(pairs)
