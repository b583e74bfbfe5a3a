"""Counting ahead of time and reading back: the figures of a school, a region or the network for a period.

`refresh(period)` counts every school (a few grouped queries, seconds at national scale) and stores one
SchoolFigures row per school; it runs nightly (`manage.py refresh_monitoring`) and, for one school, after each
publication in it (monitoring.signals → monitoring.tasks). Reports read the rows and add them up.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from monitoring.indicators import ACTIVITY_KEYS, count_all
from monitoring.models import AreaFigures, FiguresRefresh, SchoolFigures


def is_thin(counter):
    return not any(counter.get(name, 0) for name in ACTIVITY_KEYS)


@transaction.atomic
def refresh(period, only=None):
    """Count the period again for every school (or for the canonical school ids in `only`) and store it."""
    now = timezone.now()
    figures, schools = count_all(period, only=only)
    rows = [
        SchoolFigures(
            period_start=period.start,
            school_id=school,
            region_id=schools.region_of.get(school),
            figures=dict(counter),
            computed_at=now,
        )
        for school, counter in figures.items()
    ]
    SchoolFigures.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["period_start", "school"],
        update_fields=["region", "figures", "computed_at"],
    )
    if only is None:
        SchoolFigures.objects.filter(period_start=period.start).exclude(school_id__in=figures).delete()
        FiguresRefresh.objects.update_or_create(period_start=period.start, defaults={"computed_at": now})
    add_up(period, now)
    return len(rows)


def add_up(period, now):
    """Store each region's and the network's sums of the period's school rows."""
    areas = {AreaFigures.NETWORK: (Counter(), [], [0])}
    for school_id, region_id, counter in SchoolFigures.objects.filter(period_start=period.start).values_list(
        "school_id", "region_id", "figures"
    ):
        for area in (AreaFigures.NETWORK, str(region_id)):
            totals, thin, count = areas.setdefault(area, (Counter(), [], [0]))
            totals.update(counter)
            count[0] += 1
            if is_thin(counter):
                thin.append(school_id)
    AreaFigures.objects.filter(period_start=period.start).exclude(area__in=list(areas)).delete()
    AreaFigures.objects.bulk_create(
        [
            AreaFigures(
                period_start=period.start,
                area=area,
                figures=dict(totals),
                schools=count[0],
                thin_schools=sorted(thin),
                computed_at=now,
            )
            for area, (totals, thin, count) in areas.items()
        ],
        update_conflicts=True,
        unique_fields=["period_start", "area"],
        update_fields=["figures", "schools", "thin_schools", "computed_at"],
    )


@dataclass
class Figures:
    """The sum of a set of schools' figures, with the per-school rows it was made from."""

    totals: Counter = field(default_factory=Counter)
    schools: dict = field(default_factory=dict)  # school id → Counter (not read for the network: see `read`)
    regions: dict = field(default_factory=dict)  # region id → Counter
    region_of: dict = field(default_factory=dict)  # school id → region id
    computed_at: object = None
    school_count: int = 0
    thin: list = None  # the ids of the schools with no activity, when read from the stored sums

    def __getitem__(self, name):
        return self.totals[name]

    def get(self, name, default=0):
        return self.totals.get(name, default)

    def thin_schools(self):
        if self.thin is not None:
            return self.thin
        return sorted(school for school, counter in self.schools.items() if is_thin(counter))

    def thin_regions(self):
        return sorted(region for region, counter in self.regions.items() if is_thin(counter))


def read(period, scope):
    """The figures of a scope (monitoring.scopes.Scope) for the period, counted first if they never were."""
    if not FiguresRefresh.objects.filter(period_start=period.start).exists():
        refresh(period)
    if scope.is_network:
        return read_network(period)
    rows = SchoolFigures.objects.filter(period_start=period.start)
    if scope.school_id:
        rows = rows.filter(school_id=scope.school_id)
    elif scope.region_id:
        rows = rows.filter(region_id=scope.region_id)
    result = Figures()
    for school_id, region_id, figures, computed_at in rows.values_list(
        "school_id", "region_id", "figures", "computed_at"
    ):
        counter = Counter(figures)
        result.schools[school_id] = counter
        result.region_of[school_id] = region_id
        result.regions.setdefault(region_id, Counter()).update(counter)
        result.totals.update(counter)
        result.computed_at = max(result.computed_at or computed_at, computed_at)
    result.school_count = len(result.schools)
    return result


def read_network(period):
    """The network's sums and each region's, as `add_up` stored them: 21 rows, whatever the number of schools."""
    result = Figures()
    for area, figures, schools, thin, computed_at in AreaFigures.objects.filter(period_start=period.start).values_list(
        "area", "figures", "schools", "thin_schools", "computed_at"
    ):
        if area == AreaFigures.NETWORK:
            result.totals, result.school_count, result.thin = Counter(figures), schools, thin
        else:
            result.regions[int(area) if area.isdigit() else None] = Counter(figures)
        result.computed_at = max(result.computed_at or computed_at, computed_at)
    return result


def last_refresh(period):
    row = FiguresRefresh.objects.filter(period_start=period.start).first()
    return row.computed_at if row else None
