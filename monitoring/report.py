"""What a report shows: rows of (label, this period, the previous one, the list it counts), and charts.

Shared by the admin overview and the public page "the network in numbers"; the links differ (admin lists for
the admin, public listings for everybody), so they are made by a `Links` object handed in.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from monitoring.indicators import BREAKDOWNS, key
from network import rules as network_rules
from workflows import rules as review_rules


@dataclass
class Row:
    label: str
    current: float
    previous: float | None = None
    url: str = ""
    slug: str = ""
    percent: bool = False  # a rate, shown with its sign, not a count

    @property
    def current_shown(self):
        return self._shown(self.current)

    @property
    def previous_shown(self):
        return self._shown(self.previous)

    def _shown(self, value):
        """The figure as the reader's language writes it; a rate with its per cent sign, "—" when there is none."""
        from django.utils.formats import number_format

        if value is None:
            return "—"
        return f"{number_format(value)} %" if self.percent else number_format(value)

    @property
    def change(self):
        if self.previous is None:
            return None
        return self.current - self.previous


@dataclass
class Chart:
    """A bar chart drawn as SVG on the server (monitoring/includes/bar_chart.html), its table beside it."""

    title: str
    rows: list = field(default_factory=list)
    slug: str = ""

    @property
    def maximum(self):
        return max([row.current for row in self.rows] + [row.previous or 0 for row in self.rows] + [1])

    def bars(self):
        """Rows with their bars' widths as percentages of the largest value."""
        top = self.maximum
        return [(row, 100 * row.current / top, 100 * (row.previous or 0) / top) for row in self.rows]

    @property
    def height(self):
        return 8 + 28 * len(self.rows)


def average_days(figures, stage):
    tasks = figures.get(key("review_tasks", "stage", stage))
    return round(figures.get(key("review_days", "stage", stage)) / tasks, 1) if tasks else 0


def attendance_rate(figures, dimension=None, value=None):
    """Present / registered at events whose attendance was marked, in per cent (None when there were none): an event
    never marked says nothing about who came, so it is left out rather than counted absent."""
    marked = figures.get(key("registrations_marked", dimension, value))
    return round(100 * figures.get(key("attended", dimension, value)) / marked, 1) if marked else None


def summary_rows(current, previous, links):
    """The headline figures; those of the present moment (partners, teachers, overdue) have no previous value."""
    rows = [
        ("schools", _("Leading Schools"), current.school_count, None, links.schools()),
        ("partners", _("Partner schools"), current["partners"], None, links.schools()),
        (
            "partners_over",
            _("Schools over the one-to-ten ratio"),
            current["partners_over"],
            None,
            links.schools(norm="over"),
        ),
        (
            "partners_under",
            _("Schools under the one-to-ten ratio"),
            current["partners_under"],
            None,
            links.schools(norm="under"),
        ),
        ("groups", _("Creative groups"), current["groups"], None, links.schools()),
        ("group_members", _("Members of creative groups"), current["group_members"], None, links.schools()),
        ("teachers", _("Teachers affiliated"), current["teachers"], None, links.teachers()),
        ("events", _("Events held"), current["events"], previous["events"], links.events()),
        (
            "registrations",
            _("Registrations for events"),
            current["registrations"],
            previous["registrations"],
            links.registrations(),
        ),
        (
            "attended",
            _("Registered teachers present"),
            current["attended"],
            previous["attended"],
            links.registrations(presence="present"),
        ),
        (
            "no_shows",
            _("Registered teachers absent"),
            current["no_shows"],
            previous["no_shows"],
            links.registrations(presence="absent"),
        ),
        (
            "events_unmarked",
            _("Events held whose attendance was not marked"),
            current["events_unmarked"],
            previous["events_unmarked"],
            links.registrations(presence="unmarked"),
        ),
        ("posts", _("Blog posts published"), current["posts"], previous["posts"], links.posts()),
        ("resources", _("Resources published"), current["resources"], previous["resources"], links.resources()),
        (
            "downloads",
            _("Downloads of these resources"),
            current["downloads"],
            previous["downloads"],
            links.resources(),
        ),
        (
            "submissions",
            _("Submissions for review"),
            current["submissions"],
            previous["submissions"],
            links.submissions(),
        ),
        ("overdue", _("Overdue review tasks"), current["overdue"], None, links.submissions(overdue="1")),
        (
            "approved",
            _("Approved experience"),
            current["approved"],
            previous["approved"],
            links.submissions(state="approved"),
        ),
        (
            "coverage_reached",
            _("Approved experience that reached its coverage"),
            current["coverage_reached"],
            previous["coverage_reached"],
            links.submissions(state="approved", coverage="reached"),
        ),
        (
            "thin",
            _("Schools with no activity in the period"),
            len(current.thin_schools()),
            len(previous.thin_schools()) if previous.school_count else None,
            links.schools(thin="1"),
        ),
    ]
    result = [Row(label, now, before, url, slug) for slug, label, now, before, url in rows]
    rate = Row(
        _("Attendance rate"),
        attendance_rate(current),
        attendance_rate(previous),
        links.registrations(presence="marked"),
        "attendance_rate",
        percent=True,
    )
    result.insert(next(i for i, row in enumerate(result) if row.slug == "no_shows") + 1, rate)
    return result


def breakdown_chart(slug, current, previous, links):
    prefix, dimension, choices, title = BREAKDOWNS[slug]
    rows = [
        Row(
            label,
            current[key(prefix, dimension, value)],
            None if prefix in ("groups", "overdue") else previous[key(prefix, dimension, value)],
            links.breakdown(prefix, dimension, value),
        )
        for value, label in choices
    ]
    return Chart(title, [row for row in rows if row.current or row.previous], slug)


def month_label(month):
    import datetime

    from django.utils import formats

    year, number = map(int, month.split("-"))
    return formats.date_format(datetime.date(year, number, 1), "YEAR_MONTH_FORMAT")


def month_chart(current, previous, period, links):
    rows = [
        Row(
            month_label(this),
            current[key("events", "month", this)],
            previous[key("events", "month", before)],
            links.events(month=this),
        )
        for this, before in zip(period.months(), period.previous.months(), strict=True)
    ]
    return Chart(_("Events held by month"), rows, "events_by_month")


def registrations_month_chart(current, previous, period, links):
    rows = [
        Row(
            month_label(this),
            current[key("registrations", "month", this)],
            previous[key("registrations", "month", before)],
            links.registrations(month=this),
        )
        for this, before in zip(period.months(), period.previous.months(), strict=True)
    ]
    return Chart(_("Registrations by month of the event"), rows, "registrations_by_month")


@dataclass
class AttendanceRow:
    value: str  # the kind of event, or the month as YYYY-MM
    label: str
    registrations: int
    held: int
    attended: int
    no_shows: int
    unmarked: int  # registered at events begun whose attendance was not marked: neither present nor absent
    rate: float | None
    previous_rate: float | None
    links: dict


def attendance_table(current, previous, period, links, dimension):
    """Registrations, present, absent, not marked and the rate per kind of event or per month, the previous year's
    rate beside."""
    from network.vocabulary import EventKind

    if dimension == "kind":
        units = [(value, label, value) for value, label in EventKind.choices]
    else:
        units = [
            (this, month_label(this), before)
            for this, before in zip(period.months(), period.previous.months(), strict=True)
        ]
    rows = []
    for value, label, before in units:
        registrations = current[key("registrations", dimension, value)]
        if not registrations and not previous[key("registrations", dimension, before)]:
            continue
        filters = {dimension: value}
        rows.append(
            AttendanceRow(
                value,
                label,
                registrations,
                current[key("registrations_held", dimension, value)],
                current[key("attended", dimension, value)],
                current[key("no_shows", dimension, value)],
                current[key("registrations_unmarked", dimension, value)],
                attendance_rate(current, dimension, value),
                attendance_rate(previous, dimension, before),
                {
                    "registrations": links.registrations(**filters),
                    "held": links.registrations(presence="held", **filters),
                    "attended": links.registrations(presence="present", **filters),
                    "no_shows": links.registrations(presence="absent", **filters),
                    "unmarked": links.registrations(presence="unmarked", **filters),
                },
            )
        )
    return rows


def review_time_chart(current, previous):
    rows = [
        Row(label, average_days(current, stage), average_days(previous, stage))
        for stage, label in review_rules.Stage.choices
    ]
    return Chart(
        _("Average days spent at each stage"), [row for row in rows if row.current or row.previous], "review_days"
    )


# The list each column of the side-by-side table counts, asked of the row's own links (its region or school).
COLUMN_LISTS = {
    "partners": lambda links: links.schools(),
    "groups": lambda links: links.schools(),
    "teachers": lambda links: links.teachers(),
    "events": lambda links: links.events(),
    "registrations": lambda links: links.registrations(),
    "attended": lambda links: links.registrations(presence="present"),
    "posts": lambda links: links.posts(),
    "resources": lambda links: links.resources(),
    "submissions": lambda links: links.submissions(),
    "approved": lambda links: links.submissions(state="approved"),
}


def comparison(current, names, field_names, links, by="region"):
    """One row per region (or school) with its headline figures, each linked to its list, for the side-by-side
    table and chart."""
    units = current.regions if by == "region" else current.schools
    rows = []
    for unit_id, figures in units.items():
        unit_links = links.for_unit(by, unit_id)
        rows.append(
            {
                "id": unit_id,
                "name": names.get(unit_id, "—"),
                "url": links.region(unit_id) if by == "region" else links.school(unit_id),
                "figures": [figures[name] for name in field_names],
                "cells": [
                    (figures[name], COLUMN_LISTS[name](unit_links) if name in COLUMN_LISTS else "")
                    for name in field_names
                ],
                "thin": not any(figures[name] for name in ("events", "posts", "resources", "submissions")),
            }
        )
    return sorted(rows, key=lambda row: str(row["name"]))


COMPARISON_FIELDS = [
    ("partners", _("Partner schools")),
    ("groups", _("Creative groups")),
    ("teachers", _("Teachers affiliated")),
    ("events", _("Events held")),
    ("registrations", _("Registrations for events")),
    ("attended", _("Registered teachers present")),
    ("posts", _("Blog posts published")),
    ("resources", _("Resources published")),
    ("submissions", _("Submissions for review")),
    ("approved", _("Approved experience")),
]

RATIO = network_rules.PARTNER_SCHOOLS_PER_LEADING_SCHOOL
