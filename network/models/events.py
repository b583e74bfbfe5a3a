import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from network.blocks import BodyBlock
from network.vocabulary import EventKind

from .base import ListingCopyMixin, SchoolContentMixin, choice_display, parse_int
from .blog import paginate

EVENTS_PER_PAGE = 20
# No network event lasts longer. The bound lets "upcoming" read a narrow slice of the start index instead of
# every event that ended after now.
MAX_EVENT_DURATION = datetime.timedelta(days=31)


# What an event card (network/includes/event_card.html) and the month view show, and what its link and its school's
# link need (Wagtail builds a page's URL from url_path): reading only these keeps each row small (no description, no
# materials, none of the school's texts) and saves building ~100 fields a row.
EVENT_CARD_FIELDS = (
    *("title", "url_path", "depth", "kind", "start", "end", "venue", "online_url", "is_cancelled"),
    *("school", "school__title", "school__url_path", "school__depth"),
)


def event_listing(queryset):
    """Live public events with what a card shows. Live is read from the event's own copy (ListingCopyMixin)."""
    return queryset.filter(listing_live=True).public().select_related("school").only(*EVENT_CARD_FIELDS)


class EventFilter:
    """Upcoming/past, region, school, kind and month: the same filters on a school's and the network's events."""

    def __init__(self, request):
        self.when = request.GET.get("when") if request.GET.get("when") in {"upcoming", "past"} else "upcoming"
        self.kind = request.GET.get("kind") if request.GET.get("kind") in EventKind.values else ""
        self.region = parse_int(request.GET.get("region"))
        self.school = parse_int(request.GET.get("school"))
        self.month = _month(request.GET.get("month"))
        self.registration_open = request.GET.get("registration") == "open"

    def apply(self, events):
        now = timezone.now()
        if self.kind:
            events = events.filter(kind=self.kind)
        if self.region:
            events = events.filter(region_id=self.region)
        if self.school:
            events = events.filter(school_id=self.school)
        if self.registration_open:
            from attendance.queries import open_event_keys

            events = events.filter(translation_key__in=open_event_keys(now))
        if self.month:
            start, end = month_bounds(self.month)
            # The lower bound on start says what MAX_EVENT_DURATION guarantees, so that the start index is read
            # from the month's first events, not from the first event ever.
            return events.filter(start__lt=end, end__gte=start, start__gte=start - MAX_EVENT_DURATION).order_by(
                "start", "pk"
            )
        if self.when == "past":
            return events.filter(end__lt=now).order_by("-start", "-pk")
        return upcoming(events, now)


def upcoming(events, now=None):
    """Events not yet over, soonest first."""
    now = now or timezone.now()
    return events.filter(end__gte=now, start__gte=now - MAX_EVENT_DURATION).order_by("start", "pk")


def _month(value):
    try:
        return datetime.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None


def month_bounds(first_day):
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(first_day.replace(day=1), datetime.time.min, tzinfo=tz)
    days = calendar.monthrange(first_day.year, first_day.month)[1]
    return start, start + datetime.timedelta(days=days)


def month_grid(first_day, events):
    """Weeks of (date, [events]) for a month view, Monday first."""
    by_day = {}
    for event in events:
        day = timezone.localtime(event.start).date()
        last = timezone.localtime(event.end).date()
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first_day.year, first_day.month)
    return [[(day, by_day.get(day, []), day.month == first_day.month) for day in week] for week in weeks]


class EventIndexPage(Page):
    """A Leading School's events."""

    per_page = EVENTS_PER_PAGE
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["network.LeadingSchoolPage"]
    subpage_types = ["network.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events")
        verbose_name_plural = _("event sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = EventFilter(request)
        events = filters.apply(event_listing(EventPage.objects.child_of(self)))
        context.update(filters=filters, events=paginate(request, events, self.per_page), kinds=EventKind.choices)
        if filters.month:
            context["month_grid"] = month_grid(filters.month, events)
        return context


class EventPage(SchoolContentMixin, ListingCopyMixin, Page):
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    start = models.DateTimeField(_("starts"), help_text=_("Kazakhstan time (UTC+5)."))
    end = models.DateTimeField(_("ends"), help_text=_("Kazakhstan time (UTC+5)."))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    audience = models.CharField(_("audience"), max_length=255, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    intro = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    materials = StreamField(
        BodyBlock(),
        verbose_name=_("materials"),
        blank=True,
        help_text=_("Presentations, recordings and reports added after the event."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("online_url")], heading=_("Where")),
        FieldPanel("organiser"),
        FieldPanel("audience"),
        FieldPanel("registration_url"),
        FieldPanel("is_cancelled"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("materials"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("school"),
        index.FilterField("region"),
    ]
    parent_page_types = ["network.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["start", "page_ptr"], name="network_event_start_idx"),
            models.Index(fields=["end"], name="network_event_end_idx"),
            # The network's events of one language in date order. The filtered columns follow as keys, so that
            # the filters are checked in the index (no table read for an event they leave out) and the capped count
            # is an index-only scan: 71 -> 1 ms for the upcoming events' count (bench/README.md, issue 15).
            models.Index(
                fields=["listing_locale", "start", "page_ptr", "end", "kind", "region", "school"],
                condition=models.Q(listing_live=True),
                name="network_event_listed_idx",
            ),
            # The same with a region chosen: its count reads the region's events only (7.5 -> 0.2 ms).
            models.Index(
                fields=["listing_locale", "region", "start", "end", "kind"],
                condition=models.Q(listing_live=True),
                name="network_event_region_idx",
            ),
        ]

    get_kind_display = choice_display("kind")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if self.start and self.end and self.end - self.start > MAX_EVENT_DURATION:
            raise ValidationError(
                {
                    "end": _("An event can last at most %(days)d days; split a longer programme into several events.")
                    % {"days": MAX_EVENT_DURATION.days}
                }
            )
        if not self.venue and not self.online_url:
            raise ValidationError({"venue": _("Give a venue, an online link, or both.")})

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def upcoming_until(self):
        """When `upcoming()` stops listing this event: at its end, or MAX_EVENT_DURATION after its start."""
        return min(self.end, self.start + MAX_EVENT_DURATION)
