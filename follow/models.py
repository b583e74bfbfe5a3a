"""E-mail subscribers, what they follow, what they have been sent; and the version stamp of the feeds.

A subscriber is stored only once the address is confirmed (the confirmation link itself carries the request), and
only with the address, the preferences and the consent time; deleting the subscriber deletes everything else.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FeedState(models.Model):
    """One row whose generation changes whenever published content changes.

    Feeds and calendars derive their ETag and cache key from it, so a publish in one web process invalidates the
    cached feeds of every process (a local-memory cache is per process) at the price of one small query a request.
    """

    generation = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feed state")
        verbose_name_plural = _("feed state")

    def __str__(self):
        return f"#{self.generation} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    @classmethod
    def current(cls):
        state = cls.objects.filter(pk=1).first()
        if state is None:
            state, _created = cls.objects.get_or_create(pk=1)
        return state

    @classmethod
    def bump(cls):
        now = timezone.now()
        if not cls.objects.filter(pk=1).update(generation=F("generation") + 1, changed_at=now):
            cls.objects.get_or_create(pk=1, defaults={"generation": 1, "changed_at": now})
        # The page cache's copy of the generation in the shared cache (read there without a query).
        from pagecache.generation import renew

        renew()


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as something is published")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest")


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    consented_at = models.DateTimeField(_("consent given"))

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @staticmethod
    def normalise(email):
        return email.strip().lower()


class Subscription(models.Model):
    """What one subscriber follows of the whole network (no school) or of one Leading School, and how often."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    school = models.ForeignKey(
        "network.LeadingSchoolPage",
        verbose_name=_("Leading School"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: the whole network."),
    )
    news = models.BooleanField(_("news and blog posts"), default=True)
    events = models.BooleanField(_("events"), default=True)
    resources = models.BooleanField(_("resources"), default=False)
    experience = models.BooleanField(_("approved pedagogical experience"), default=False)
    frequency = models.CharField(_("how often"), max_length=16, choices=Frequency.choices, default=Frequency.WEEKLY)
    consented_at = models.DateTimeField(_("consent given"))
    # When the last digest of this subscription went out: decides which digests are due.
    last_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    TOPICS = ("news", "events", "resources", "experience")

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "school"], name="follow_one_subscription_per_school"),
            models.UniqueConstraint(
                fields=["subscriber"], condition=Q(school__isnull=True), name="follow_one_network_subscription"
            ),
        ]

    def __str__(self):
        followed = self.school if self.school_id else _("The whole network")
        return f"{self.subscriber}: {followed} ({self.get_frequency_display()})"

    def topics(self):
        return [topic for topic in self.TOPICS if getattr(self, topic)]


class SentItem(models.Model):
    """An item claimed for, then sent to, a subscriber: the unique pair makes a second send impossible.

    A digest first claims its items (sent_at empty, claimed_at set), sends, then stamps sent_at. A failed send
    releases the claim so the next run picks the same items up again; a claim older than the lease (a worker that
    died mid-send) is released the same way.
    """

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="sent_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sent item")
        verbose_name_plural = _("sent items")
        constraints = [models.UniqueConstraint(fields=["subscriber", "page"], name="follow_send_an_item_once")]
        indexes = [models.Index(fields=["subscriber", "sent_at"])]

    def __str__(self):
        return f"{self.page} → {self.subscriber}"
