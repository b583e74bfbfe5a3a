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


def summary_rows(current, previous, links):
    """The headline figures; those of the present moment (partners, teachers, overdue) have no previous value."""
    rows = [
        ("schools", _("Leading Schools"), current.school_count, None, links.schools()),
        ("partners", _("Partner schools"), current["partners"], None, links.schools()),
        ("partners_over", _("Schools over the one-to-ten ratio"), current["partners_over"], None,
         links.schools(norm="over")),
        ("partners_under", _("Schools under the one-to-ten ratio"), current["partners_under"], None,
         links.schools(norm="under")),
        ("groups", _("Creative groups"), current["groups"], None, links.schools()),
        ("group_members", _("Members of creative groups"), current["group_members"], None, links.schools()),
        ("teachers", _("Teachers affiliated"), current["teachers"], None, links.teachers()),
        ("events", _("Events held"), current["events"], previous["events"], links.events()),
        ("posts", _("Blog posts published"), current["posts"], previous["posts"], links.posts()),
        ("resources", _("Resources published"), current["resources"], previous["resources"], links.resources()),
        ("downloads", _("Downloads of these resources"), current["downloads"], previous["downloads"],
         links.resources()),
        ("submissions", _("Submissions for review"), current["submissions"], previous["submissions"],
         links.submissions()),
        ("overdue", _("Overdue review tasks"), current["overdue"], None, links.submissions(overdue="1")),
        ("approved", _("Approved experience"), current["approved"], previous["approved"],
         links.submissions(state="approved")),
        ("coverage_reached", _("Approved experience that reached its coverage"), current["coverage_reached"],
         previous["coverage_reached"], links.submissions(state="approved")),
        ("thin", _("Schools with no activity in the period"), len(current.thin_schools()),
         len(previous.thin_schools()) if previous.school_count else None, links.schools(thin="1")),
    ]
    return [Row(label, now, before, url, slug) for slug, label, now, before, url in rows]


def breakdown_chart(slug, current, previous, links):
    prefix, dimension, choices, title = BREAKDOWNS[slug]
    rows = [Row(label, current[key(prefix, dimension, value)],
                None if prefix in ("groups", "overdue") else previous[key(prefix, dimension, value)],
                links.breakdown(prefix, dimension, value))
            for value, label in choices]
    return Chart(title, [row for row in rows if row.current or row.previous], slug)


def month_chart(current, previous, period, links):
    from django.utils import formats
    import datetime

    rows = []
    for this, before in zip(period.months(), period.previous.months()):
        year, month = map(int, this.split("-"))
        label = formats.date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")
        rows.append(Row(label, current[key("events", "month", this)], previous[key("events", "month", before)],
                        links.events(month=this)))
    return Chart(_("Events held by month"), rows, "events_by_month")


def review_time_chart(current, previous):
    rows = [Row(label, average_days(current, stage), average_days(previous, stage))
            for stage, label in review_rules.Stage.choices]
    return Chart(_("Average days spent at each stage"), [row for row in rows if row.current or row.previous],
                 "review_days")


def comparison(current, names, field_names, links, by="region"):
    """One row per region (or school) with its headline figures, for the side-by-side table and chart."""
    units = current.regions if by == "region" else current.schools
    rows = []
    for unit_id, figures in units.items():
        rows.append({
            "id": unit_id, "name": names.get(unit_id, "—"),
            "url": links.region(unit_id) if by == "region" else links.school(unit_id),
            "figures": [figures[name] for name in field_names],
            "thin": not any(figures[name] for name in ("events", "posts", "resources", "submissions")),
        })
    return sorted(rows, key=lambda row: str(row["name"]))


COMPARISON_FIELDS = [
    ("partners", _("Partner schools")),
    ("groups", _("Creative groups")),
    ("teachers", _("Teachers affiliated")),
    ("events", _("Events held")),
    ("posts", _("Blog posts published")),
    ("resources", _("Resources published")),
    ("submissions", _("Submissions for review")),
    ("approved", _("Approved experience")),
]

RATIO = network_rules.PARTNER_SCHOOLS_PER_LEADING_SCHOOL
