"""Nightly (cron): count the figures of this academic year and the one before it for every school."""

import time

from django.core.management.base import BaseCommand

from monitoring import figures
from monitoring.periods import Period


class Command(BaseCommand):
    help = "Count the monitoring figures of the current and the previous academic year."

    def add_arguments(self, parser):
        parser.add_argument(
            "--year", type=int, action="append", help="An academic year to count (its first calendar year); repeatable."
        )

    def handle(self, *args, year=None, **options):
        current = Period.current()
        periods = [Period.academic_year(y) for y in year] if year else [current, current.previous]
        for period in periods:
            started = time.perf_counter()
            schools = figures.refresh(period)
            self.stdout.write(f"{period.label}: {schools} schools counted in {time.perf_counter() - started:.1f} s")
