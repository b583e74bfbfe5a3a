#!/usr/bin/env python
"""Monitoring at national scale: the admin overview and reports for each role, the public page, the recount.

Run it on a copy of the national database (never on ls_national itself):

    createdb -h 127.0.0.1 -U postgres -T ls_national_base monitoring_nat
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/monitoring_nat .venv/bin/python bench/national_registrations.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/monitoring_nat .venv/bin/python bench/monitoring_benchmark.py

It migrates the copy, times `refresh_monitoring` (the nightly recount of this year and the year before), then
requests every report through the Django test client as the Centre (the network), a Coordination Centre trainer
(one region) and a school's head (one school), and the public page in kk/ru/en, `--repeat` times each after one
warm-up, and prints p50/p95 in milliseconds and the number of SQL queries. A benchmark, not a test: it never fails
on a figure. The bench users it makes are deleted at the end.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--skip-refresh", action="store_true")
    parser.add_argument("--only", default="", help="only the cases whose URL contains this")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from monitoring import figures
    from monitoring.models import MonitoringRole
    from monitoring.periods import Period
    from network.models import LeadingSchoolPage, RegionPage
    from workflows.factories import UserFactory, reviewer
    from workflows.models import ReviewerRole

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0, interactive=False)
    default = Locale.get_default()
    print(
        f"database: {connection.settings_dict['NAME']} — {LeadingSchoolPage.objects.filter(locale=default).count()} "
        f"schools, {RegionPage.objects.filter(locale=default).count()} regions"
    )

    if not args.skip_refresh:
        for period in (Period.current(), Period.current().previous):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                count = figures.refresh(period)
            print(
                f"recount {period.label}: {count} schools, {1000 * (time.perf_counter() - started):.0f} ms, "
                f"{len(queries)} queries"
            )

    User = get_user_model()
    region = RegionPage.objects.filter(locale=default).order_by("pk").first()
    school = LeadingSchoolPage.objects.filter(locale=default, region=region).order_by("pk").first()
    centre = UserFactory(username="bench-monitoring-centre", password="x")
    trainer = UserFactory(username="bench-monitoring-trainer", password="x")
    MonitoringRole.objects.create(user=centre, role=MonitoringRole.Role.CENTRE)
    MonitoringRole.objects.create(user=trainer, role=MonitoringRole.Role.TRAINER, region=region)
    # A reviewer in the reviewers' group, which gives the admin (workflows/factories.py).
    head = reviewer("bench-monitoring-head", ReviewerRole.Role.SCHOOL_HEAD, school=school)
    year = Period.current().year
    cases = [
        ("centre", centre, f"/admin/monitoring/?period={year}"),
        ("centre", centre, f"/admin/monitoring/?period={year}&region={region.pk}"),
        ("centre", centre, f"/admin/monitoring/schools/?period={year}"),
        ("centre", centre, f"/admin/monitoring/schools/?period={year}&norm=over"),
        ("centre", centre, f"/admin/monitoring/schools/?period={year}&thin=1"),
        ("centre", centre, f"/admin/monitoring/schools/?period={year}&export=xlsx"),
        ("centre", centre, f"/admin/monitoring/submissions/?period={year}"),
        ("centre", centre, f"/admin/monitoring/teachers/?period={year}"),
        ("centre", centre, f"/admin/monitoring/events/?period={year}&held=1"),
        ("centre", centre, f"/admin/monitoring/events/?period={year}&registrations=absent&kind=seminar"),
        ("centre", centre, f"/admin/monitoring/events/?period={year}&registrations=unmarked"),
        ("centre", centre, f"/admin/monitoring/events/?period={year}&registrations=any&export=xlsx"),
        ("centre", centre, f"/admin/monitoring/posts/?period={year}&language=ru"),
        ("centre", centre, f"/admin/monitoring/resources/?period={year}"),
        ("centre", centre, f"/admin/monitoring/submissions/?period={year}&state=approved&coverage=reached"),
        ("centre", centre, "/admin/"),
        ("trainer", trainer, f"/admin/monitoring/?period={year}"),
        ("trainer", trainer, f"/admin/monitoring/schools/?period={year}&export=csv"),
        ("trainer", trainer, f"/admin/monitoring/events/?period={year}&registrations=any"),
        ("trainer", trainer, f"/admin/monitoring/resources/?period={year}&export=xlsx"),
        ("head", head, f"/admin/monitoring/?period={year}"),
        ("head", head, "/admin/"),
        ("public", None, "/kk/network-in-numbers/"),
        ("public", None, "/ru/network-in-numbers/"),
        ("public", None, f"/en/network-in-numbers/?period={year - 1}"),
    ]
    try:
        print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        print(f"{'who':8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  url")
        for who, user, url in cases:
            if args.only not in url:
                continue
            client = Client()
            if user is not None:
                client.force_login(user)
            response = client.get(url)  # warm-up
            assert response.status_code == 200, (url, response.status_code)
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
                    if response.streaming:  # a CSV is written as it is read: read it all
                        b"".join(response.streaming_content)
                times.append(1000 * (time.perf_counter() - started))
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
            print(f"{who:8} {statistics.median(times):8.0f} {p95:8.0f} {len(queries):8d}  {url}", flush=True)
        print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    finally:
        User.objects.filter(username__startswith="bench-monitoring-").delete()


if __name__ == "__main__":
    main()
