#!/usr/bin/env python
"""Finding a school at national scale: a region, then a name, among 750 Leading Schools and 7,500 partner schools.

For every region of the database of DATABASE_URL (use a copy of ls_national) and each language, runs
`accounts.schools.search` with no name, a school number and a word that matches nothing, and prints the number of
SQL queries and the p50/p95/max time per search; then the whole "My school" page through the test client.
A benchmark, not a test: it never fails on a figure.

    psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE ls_teachers_nat TEMPLATE ls_national'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_teachers_nat .venv/bin/python bench/accounts_school_search.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from accounts import schools
    from network.models import LeadingSchoolPage, PartnerSchool

    print(
        f"database: {connection.settings_dict['NAME']} ({connection.vendor}); "
        f"{LeadingSchoolPage.objects.count()} Leading School pages, {PartnerSchool.objects.count()} partner rows"
    )
    for language in ("kk", "ru", "en"):
        with translation.override(language):
            regions = schools.regions()
            for label, query in (("whole region", ""), ("a number", "7"), ("no match", "zzzz")):
                times, counts, found = [], set(), []
                for region in regions:
                    with CaptureQueriesContext(connection) as queries:
                        start = time.perf_counter()
                        results = schools.search(region, query)
                        times.append((time.perf_counter() - start) * 1000)
                    counts.add(len(queries))
                    found.append(len(results))
                print(
                    f"{language} {label:<13} {len(regions):>3} regions  queries/search {sorted(counts)}  "
                    f"results avg {statistics.mean(found):5.1f}  "
                    f"p50 {statistics.median(times):6.1f} ms  p95 {percentile(times, 0.95):6.1f} ms  "
                    f"max {max(times):6.1f} ms"
                )

    from workflows.factories import UserFactory

    user = UserFactory(username="bench-teacher", email="b@b.kz")
    client = Client()
    client.force_login(user)
    with translation.override("ru"):
        region = schools.regions()[0]
    times = []
    for _round in range(10):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get("/ru/account/school/", {"region": region.pk, "school_name": "7"})
            times.append((time.perf_counter() - start) * 1000)
    print(
        f"page /ru/account/school/?region&school_name=7: HTTP {response.status_code}, {len(queries)} queries, "
        f"p50 {statistics.median(times):.1f} ms, max {max(times):.1f} ms"
    )
    user.delete()


if __name__ == "__main__":
    main()
