"""The reporting period: the academic year, 1 September to 31 August, with the year before it beside it."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 2020
ACADEMIC_YEAR_START = (9, 1)  # 1 September


@dataclass(frozen=True)
class Period:
    start: datetime.date  # inclusive
    end: datetime.date  # exclusive: 1 September of the next year

    @classmethod
    def academic_year(cls, year):
        month, day = ACADEMIC_YEAR_START
        return cls(datetime.date(year, month, day), datetime.date(year + 1, month, day))

    @classmethod
    def current(cls, today=None):
        today = today or timezone.localdate()
        return cls.academic_year(today.year if (today.month, today.day) >= ACADEMIC_YEAR_START else today.year - 1)

    @classmethod
    def from_param(cls, value):
        """The period a query string names (`2025` for 2025–2026), or the current one when absent or invalid."""
        current = cls.current()
        try:
            year = int(value)
        except (TypeError, ValueError):
            return current
        return cls.academic_year(year) if FIRST_YEAR <= year <= current.start.year else current

    @property
    def year(self):
        return self.start.year

    @property
    def previous(self):
        return Period.academic_year(self.year - 1)

    @property
    def label(self):
        return f"{self.start.year}–{self.end.year}"

    def bounds(self):
        """Aware datetimes (Kazakhstan time) of the period's first and past-the-last instants."""
        tz = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(self.start, datetime.time.min, tzinfo=tz),
            datetime.datetime.combine(self.end, datetime.time.min, tzinfo=tz),
        )

    def months(self):
        """'YYYY-MM' of the twelve months, September first."""
        return [f"{self.year + (m < 9)}-{m:02d}" for m in (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)]


def period_choices():
    current = Period.current()
    return [(str(year), Period.academic_year(year).label) for year in range(current.year, FIRST_YEAR - 1, -1)]


PERIOD_HELP = _("Academic year, 1 September to 31 August.")
