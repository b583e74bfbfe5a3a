"""The indicators: one small class each, with its own query, registered in INDICATORS.

Each indicator counts per Leading School (`count`), returning {school id: {figure key: number}} for a period; the
school id is that of the school's page in the default language (`Schools.canonical`), so that a post written in
Russian and its Kazakh translation count once, for one school. A region's and the network's figures are the sums
(`monitoring.figures`). A figure key is the indicator's slug, or `slug:dimension:value` for a breakdown.

A new indicator is a class with `slug`, `label` and `count`, decorated with `@register`.
"""

import datetime
from collections import Counter, defaultdict

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from network import rules as network_rules
from network.models import (
    BlogPostPage,
    CreativeGroup,
    EventPage,
    LeadingSchoolPage,
    PartnerSchool,
    ResourcePage,
)
from network.vocabulary import ContentLanguage, CreativeGroupKind, EventKind, ResourceKind, Subject
from workflows import rules as review_rules
from workflows.models import SchoolMembership, Submission

INDICATORS = []


def register(cls):
    INDICATORS.append(cls())
    return cls


def key(slug, dimension=None, value=None):
    return slug if dimension is None else f"{slug}:{dimension}:{value}"


class Schools:
    """Every Leading School page of every language, mapped to its page in the default language."""

    def __init__(self):
        default = Locale.get_default().pk
        rows = list(LeadingSchoolPage.objects.values_list("id", "translation_key", "locale_id", "region_id"))
        by_key = {}
        for pk, translation_key, _locale_id, region_id in sorted(rows, key=lambda r: (r[2] != default, r[0])):
            by_key.setdefault(translation_key, (pk, region_id))
        self.canonical = {pk: by_key[translation_key][0] for pk, translation_key, _l, _r in rows}
        self.region_of = {pk: region_id for pk, region_id in by_key.values()}

    def ids(self):
        return set(self.region_of)


class Indicator:
    slug = ""
    label = ""
    # A figure of the present moment (how many partner schools a school has now), not of the period.
    current_state = False

    def count(self, period, schools, only=None):
        """{canonical school id: Counter of figure keys} for the period; `only`: limit to these canonical ids."""
        raise NotImplementedError

    @staticmethod
    def _restrict(queryset, field, schools, only):
        if only is None:
            return queryset
        return queryset.filter(
            **{f"{field}__in": [pk for pk, canonical in schools.canonical.items() if canonical in only]}
        )


def distinct_by_school(rows, schools, dimensions=()):
    """Counts of distinct translation keys per canonical school (and per dimension value) from value rows."""
    seen = defaultdict(set)
    for row in rows:
        school = schools.canonical.get(row["school_id"])
        if school is None:
            continue
        seen[(school, None, None)].add(row["translation_key"])
        for dimension in dimensions:
            seen[(school, dimension, row[dimension])].add(row["translation_key"])
    return seen


@register
class PartnerSchools(Indicator):
    slug = "partners"
    label = _("Partner schools")
    current_state = True

    def count(self, period, schools, only=None):
        counts = defaultdict(Counter)
        canonical_ids = schools.ids() if only is None else only
        rows = (
            PartnerSchool.objects.filter(leading_school_id__in=canonical_ids)
            .values("leading_school_id")
            .annotate(n=Count("id"))
        )
        for row in rows:
            counts[row["leading_school_id"]]["partners"] = row["n"]
        for school in canonical_ids:
            partners = counts[school]["partners"]
            counts[school]["partners_over"] = int(network_rules.partner_schools_over_limit(partners) > 0)
            counts[school]["partners_under"] = int(network_rules.partner_schools_below_ratio(partners) > 0)
        return counts


@register
class CreativeGroups(Indicator):
    slug = "groups"
    label = _("Creative groups")
    current_state = True

    def count(self, period, schools, only=None):
        counts = defaultdict(Counter)
        canonical_ids = schools.ids() if only is None else only
        for school, kind, members in CreativeGroup.objects.filter(school_id__in=canonical_ids).values_list(
            "school_id", "kind", "members"
        ):
            counts[school]["groups"] += 1
            counts[school][key("groups", "kind", kind)] += 1
            counts[school]["group_members"] += sum(1 for line in members.splitlines() if line.strip())
        return counts


@register
class EventsHeld(Indicator):
    slug = "events"
    label = _("Events held")

    def count(self, period, schools, only=None):
        start, end = period.bounds()
        # Held: begun by now; the events planned for the rest of the year are not counted yet.
        events = EventPage.objects.live().filter(
            start__gte=start, start__lt=min(end, timezone.now()), is_cancelled=False
        )
        events = self._restrict(events, "school_id", schools, only)
        rows = events.annotate(month=TruncMonth("start")).values("school_id", "translation_key", "kind", "month")
        rows = [
            dict(
                row,
                month=timezone.localtime(row["month"]).strftime("%Y-%m")
                if isinstance(row["month"], datetime.datetime)
                else row["month"].strftime("%Y-%m"),
            )
            for row in rows
        ]
        counts = defaultdict(Counter)
        for (school, dimension, value), keys in distinct_by_school(rows, schools, ("kind", "month")).items():
            counts[school][key("events", dimension, value) if dimension else "events"] = len(keys)
        return counts


@register
class Registrations(Indicator):
    """Seats taken at the events of the period (attendance.Registration, confirmed), and of those at events already
    begun: at events whose attendance the organiser marked (the desk's `attendance_marked_at`), present and not
    (no-shows); at events begun but never marked, "not marked" (nobody knows who came: not counted absent). The
    rate is present / registered at marked events (monitoring.report). `events_unmarked` counts those events.

    A registration copies its event's school, kind and start (indexed): no walk of the page tree. Registrations of
    a cancelled or unpublished event are left out, as the event is from "events held"; the waiting list is not a
    registration (it had no seat)."""

    slug = "registrations"
    label = _("Registrations for events")

    def count(self, period, schools, only=None):
        from attendance.models import Registration

        start, end = period.bounds()
        registrations = Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            event_start__gte=start,
            event_start__lt=end,
            desk__event__live=True,
            desk__event__is_cancelled=False,
        )
        registrations = self._restrict(registrations, "school_id", schools, only)
        now = timezone.now()
        held = Case(When(event_start__lt=now, then=Value(True)), default=Value(False), output_field=BooleanField())
        marked = Case(
            When(desk__attendance_marked_at__isnull=False, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        rows = (
            registrations.annotate(month=TruncMonth("event_start"), held=held, marked=marked)
            .values("school_id", "event_kind", "month", "held", "marked", "attended")
            .annotate(n=Count("pk"))
        )
        counts = defaultdict(Counter)
        for row in rows:
            names = ["registrations"]
            if row["held"]:  # begun: the organiser could mark who came
                names.append("registrations_held")
                if row["marked"]:
                    names += ["registrations_marked", "attended" if row["attended"] else "no_shows"]
                else:
                    names.append("registrations_unmarked")
            self._add(counts, schools, row, row["n"], names)
        for row in self._unmarked_events(period, schools, only, now):
            self._add(counts, schools, row, row["n"], ["events_unmarked"])
        return counts

    def _unmarked_events(self, period, schools, only, now):
        """Events begun with a confirmed registration whose attendance was never marked, per school, kind, month."""
        from attendance.models import Registration, RegistrationDesk

        start, end = period.bounds()
        desks = RegistrationDesk.objects.filter(
            Exists(Registration.objects.filter(desk=OuterRef("pk"), status=Registration.Status.CONFIRMED)),
            event_start__gte=start,
            event_start__lt=min(end, now),
            attendance_marked_at__isnull=True,
            event__live=True,
            event__is_cancelled=False,
        )
        desks = self._restrict(desks, "school_id", schools, only)
        return (
            desks.annotate(month=TruncMonth("event_start"))
            .values("school_id", "event_kind", "month")
            .annotate(n=Count("pk"))
            .order_by()
        )

    @staticmethod
    def _add(counts, schools, row, n, names):
        school = schools.canonical.get(row["school_id"])
        if school is None:
            return
        month = timezone.localtime(row["month"]) if isinstance(row["month"], datetime.datetime) else row["month"]
        figures = counts[school]
        for name in names:
            figures[name] += n
            figures[key(name, "kind", row["event_kind"])] += n
            figures[key(name, "month", month.strftime("%Y-%m"))] += n


@register
class PostsPublished(Indicator):
    slug = "posts"
    label = _("Blog posts published")

    def count(self, period, schools, only=None):
        # A post dated in the future is not out yet.
        posts = BlogPostPage.objects.live().filter(
            date__gte=period.start, date__lt=period.end, date__lte=timezone.localdate()
        )
        posts = self._restrict(posts, "school_id", schools, only)
        rows = posts.values("school_id", "translation_key", language=F("locale__language_code"))
        counts = defaultdict(Counter)
        for (school, dimension, value), keys in distinct_by_school(rows, schools, ("language",)).items():
            counts[school][key("posts", dimension, value) if dimension else "posts"] = len(keys)
        return counts


@register
class ResourcesPublished(Indicator):
    slug = "resources"
    label = _("Resources published")

    def count(self, period, schools, only=None):
        start, end = period.bounds()
        resources = ResourcePage.objects.live().filter(published_at__gte=start, published_at__lt=end)
        resources = self._restrict(resources, "school_id", schools, only)
        rows = list(resources.values("school_id", "translation_key", "kind", "subject", "language", "download_count"))
        counts = defaultdict(Counter)
        for (school, dimension, value), keys in distinct_by_school(
            rows, schools, ("kind", "subject", "language")
        ).items():
            counts[school][key("resources", dimension, value) if dimension else "resources"] = len(keys)
        for row in rows:  # every language version has a file and a counter of its own
            school = schools.canonical.get(row["school_id"])
            if school is not None:
                counts[school]["downloads"] += row["download_count"]
        return counts


@register
class TeachersAffiliated(Indicator):
    slug = "teachers"
    label = _("Teachers affiliated")
    current_state = True

    def count(self, period, schools, only=None):
        memberships = self._restrict(SchoolMembership.objects.all(), "school_id", schools, only)
        counts = defaultdict(Counter)
        for row in memberships.values("school_id").annotate(n=Count("id")):
            school = schools.canonical.get(row["school_id"])
            if school is not None:
                counts[school]["teachers"] += row["n"]
        return counts


@register
class Submissions(Indicator):
    """Submissions sent for review in the period, by the stage they are at, category and outcome (state)."""

    slug = "submissions"
    label = _("Submissions for review")

    def count(self, period, schools, only=None):
        start, end = period.bounds()
        submissions = Submission.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
        submissions = self._restrict(submissions, "school_id", schools, only)
        counts = defaultdict(Counter)
        rows = submissions.values("school_id", "stage", "category", "state").annotate(n=Count("pk"))
        for row in rows:
            school = schools.canonical.get(row["school_id"])
            if school is None:
                continue
            figures = counts[school]
            figures["submissions"] += row["n"]
            figures[key("submissions", "category", row["category"])] += row["n"]
            figures[key("submissions", "outcome", row["state"])] += row["n"]
            if row["state"] in Submission.OPEN_STATES and row["stage"]:
                figures[key("submissions", "stage", row["stage"])] += row["n"]
        return counts


@register
class ReviewTime(Indicator):
    """Time spent at each stage: review tasks finished in the period, their total and count (average = ratio)."""

    slug = "review_days"
    label = _("Time spent at each stage")

    def count(self, period, schools, only=None):
        from viewflow.workflow.models import Task

        from workflows.flows import SubmissionFlow

        start, end = period.bounds()
        counts = defaultdict(Counter)
        for stage in review_rules.Stage:
            tasks = Task.objects.filter(
                flow_task=SubmissionFlow.review_node(stage), finished__gte=start, finished__lt=end
            )
            tasks = self._restrict(tasks, "process__submission__school_id", schools, only)
            rows = tasks.values(school_id=F("process__submission__school_id")).annotate(
                n=Count("pk"), spent=Sum(ExpressionWrapper(F("finished") - F("created"), output_field=DurationField()))
            )
            for row in rows:
                school = schools.canonical.get(row["school_id"])
                if school is None:
                    continue
                counts[school][key("review_tasks", "stage", stage)] += row["n"]
                counts[school][key("review_days", "stage", stage)] += round(
                    (row["spent"] or datetime.timedelta()).total_seconds() / 86400, 2
                )
        return counts


@register
class OverdueTasks(Indicator):
    slug = "overdue"
    label = _("Overdue review tasks")
    current_state = True

    def count(self, period, schools, only=None):
        overdue = Submission.objects.filter(state=Submission.State.IN_REVIEW, stage_due__lt=timezone.now())
        overdue = self._restrict(overdue, "school_id", schools, only)
        counts = defaultdict(Counter)
        for row in overdue.values("school_id", "stage").annotate(n=Count("pk")):
            school = schools.canonical.get(row["school_id"])
            if school is not None:
                counts[school]["overdue"] += row["n"]
                counts[school][key("overdue", "stage", row["stage"])] += row["n"]
        return counts


@register
class ApprovedExperience(Indicator):
    """Experience approved for dissemination in the period, by level, and how many reached their coverage."""

    slug = "approved"
    label = _("Approved experience")

    def count(self, period, schools, only=None):
        start, end = period.bounds()
        approved = Submission.objects.filter(state=Submission.State.APPROVED, decided_at__gte=start, decided_at__lt=end)
        approved = self._restrict(approved, "school_id", schools, only)
        rows = list(approved.values("pk", "school_id", "level", "required_coverage", "coverage_unit"))
        covered = defaultdict(set)
        from workflows.models import DisseminationEvent

        for submission, district, region in DisseminationEvent.objects.filter(
            submission_id__in=[row["pk"] for row in rows]
        ).values_list("submission_id", "district", "region_name"):
            covered[submission].add((district.strip().lower(), region.strip().lower()))
        counts = defaultdict(Counter)
        for row in rows:
            school = schools.canonical.get(row["school_id"])
            if school is None:
                continue
            # The same distinct places as Submission.coverage_done counts: regions or districts/cities.
            index = 1 if row["coverage_unit"] == review_rules.CoverageUnit.REGION else 0
            done = len({place[index] for place in covered[row["pk"]] if place[index]})
            counts[school]["approved"] += 1
            counts[school][key("approved", "level", row["level"])] += 1
            if row["required_coverage"] is not None and done >= row["required_coverage"]:
                counts[school]["coverage_reached"] += 1
        return counts


# What makes a school active in a period: a school with none of these is where the network is thin.
ACTIVITY_KEYS = ("events", "posts", "resources", "submissions")

# Breakdowns shown in the reports: (figure prefix, dimension, choices, heading).
BREAKDOWNS = {
    "groups_by_kind": ("groups", "kind", CreativeGroupKind.choices, _("Creative groups by kind")),
    "events_by_kind": ("events", "kind", EventKind.choices, _("Events held by kind")),
    "posts_by_language": ("posts", "language", ContentLanguage.choices, _("Blog posts by language")),
    "registrations_by_kind": ("registrations", "kind", EventKind.choices, _("Registrations by kind of event")),
    "resources_by_kind": ("resources", "kind", ResourceKind.choices, _("Resources by kind")),
    "resources_by_subject": ("resources", "subject", Subject.choices, _("Resources by subject")),
    "resources_by_language": ("resources", "language", ContentLanguage.choices, _("Resources by language")),
    "submissions_by_stage": (
        "submissions",
        "stage",
        review_rules.Stage.choices,
        _("Submissions under review by stage"),
    ),
    "submissions_by_category": ("submissions", "category", review_rules.Category.choices, _("Submissions by category")),
    "submissions_by_outcome": ("submissions", "outcome", Submission.State.choices, _("Submissions by outcome")),
    "overdue_by_stage": ("overdue", "stage", review_rules.Stage.choices, _("Overdue tasks by stage")),
    "approved_by_level": (
        "approved",
        "level",
        review_rules.DisseminationLevel.choices,
        _("Approved experience by level"),
    ),
}


def count_all(period, schools=None, only=None):
    """Every indicator's figures per canonical school for the period."""
    schools = schools or Schools()
    canonical_ids = schools.ids() if only is None else set(only)
    figures = {school: Counter() for school in canonical_ids}
    for indicator in INDICATORS:
        for school, counter in indicator.count(
            period, schools, only=canonical_ids if only is not None else None
        ).items():
            if school in figures:
                figures[school].update(counter)
    return figures, schools
