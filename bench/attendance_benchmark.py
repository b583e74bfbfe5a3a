#!/usr/bin/env python
"""Registrations at national scale: the monitoring counts, a registration under the row lock, the "open for
registration" filter, certificate PDFs and the bulk issue.

Seeds the database of DATABASE_URL (a copy of ls_national; migrated first) with registration desks on existing
kk events and N registrations spread over them (their school, region, kind and start copied, as the app does), in
bulk; then prints query counts and times. Bench rows are deleted at the end unless --keep.

    psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE ls_events_nat TEMPLATE ls_national'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_events_nat .venv/bin/python bench/attendance_benchmark.py

Options: --desks 5000, --registrations 200000, --repeat 5, --keep.
A benchmark, not a test: it never fails on a figure.
"""

import argparse
import os
import random
import statistics
import sys
import time
from functools import partial
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

USER_PREFIX = "bench-attendance-"


def setup():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def timed(call, repeat):
    """(median ms, queries of one run, last result)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, result, queries = [], None, 0
    for _run in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            result = call()
            times.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    return statistics.median(times), queries, result


def seed(desk_count, registration_count):
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from attendance.models import Registration, RegistrationDesk
    from network.models import EventPage

    user_model = get_user_model()
    started = time.perf_counter()
    with transaction.atomic():
        taken = RegistrationDesk.objects.values("event_key")
        events = list(
            EventPage.objects.filter(locale__language_code="kk")
            .exclude(translation_key__in=taken)
            .order_by("?")
            .values("pk", "translation_key", "school_id", "region_id", "kind", "start")[:desk_count]
        )
        desks = RegistrationDesk.objects.bulk_create(
            [
                RegistrationDesk(
                    event_id=e["pk"],
                    event_key=e["translation_key"],
                    school_id=e["school_id"],
                    region_id=e["region_id"],
                    event_kind=e["kind"],
                    event_start=e["start"],
                    capacity=60,
                )
                for e in events
            ],
            batch_size=2000,
        )
        users = user_model.objects.bulk_create(
            [
                user_model(
                    username=f"{USER_PREFIX}{n}",
                    first_name="Мұғалім",
                    last_name=f"№{n}",
                    email=f"{USER_PREFIX}{n}@example.kz",
                )
                for n in range(5000)
            ],
            batch_size=2000,
        )
        per_desk = max(1, registration_count // max(len(desks), 1))
        rows, chosen = [], random.Random(7)
        for desk in desks:
            for user in chosen.sample(users, min(per_desk, 60)):
                rows.append(
                    Registration(
                        desk=desk,
                        user=user,
                        status="confirmed",
                        attended=chosen.random() < 0.8,
                        school_id=desk.school_id,
                        region_id=desk.region_id,
                        event_kind=desk.event_kind,
                        event_start=desk.event_start,
                    )
                )
        Registration.objects.bulk_create(rows, batch_size=5000)
        for desk in desks:
            desk.seats_taken = min(per_desk, 60)
        RegistrationDesk.objects.bulk_update(desks, ["seats_taken"], batch_size=2000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE attendance_registration; ANALYZE attendance_registrationdesk")
    print(f"seeded {len(desks)} desks, {len(rows)} registrations in {time.perf_counter() - started:.1f} s")
    return desks, users


def monitoring(repeat):
    from django.db import connection
    from django.db.models import Count, Q
    from django.db.models.functions import TruncMonth
    from django.utils import timezone

    from attendance.models import Registration

    year_ago = timezone.now() - timezone.timedelta(days=365)
    school_id = Registration.objects.values_list("school_id", flat=True).first()
    queries = {
        "per region and month, last 12 months": lambda: list(
            Registration.objects.filter(event_start__gte=year_ago, status="confirmed")
            .annotate(month=TruncMonth("event_start"))
            .values("region_id", "month")
            .annotate(registered=Count("pk"), present=Count("pk", filter=Q(attended=True)))
        ),
        "per kind and month, last 12 months": lambda: list(
            Registration.objects.filter(event_start__gte=year_ago, status="confirmed")
            .annotate(month=TruncMonth("event_start"))
            .values("event_kind", "month")
            .annotate(n=Count("pk"))
        ),
        "one school, per month, last 12 months": lambda: list(
            Registration.objects.filter(school_id=school_id, event_start__gte=year_ago)
            .annotate(month=TruncMonth("event_start"))
            .values("month")
            .annotate(n=Count("pk"))
        ),
    }
    for label, query in queries.items():
        ms, count, rows = timed(query, repeat)
        print(f"monitoring {label}: {ms:.1f} ms, {count} query, {len(rows)} rows")
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN SELECT count(*) FROM attendance_registration WHERE school_id = %s AND event_start >= %s",
            [school_id, year_ago],
        )
        plan = " / ".join(row[0].strip() for row in cursor.fetchall()[:3])
    print(f"  plan (one school): {plan}")


def registering(desks, users, repeat):
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from attendance import services

    desk = next(d for d in desks if d.event_start > timezone.now() and not d.event.is_cancelled)
    user_model = get_user_model()
    newcomers = iter(
        user_model.objects.bulk_create(
            [
                user_model(username=f"{USER_PREFIX}new-{n}", email=f"{USER_PREFIX}new-{n}@example.kz")
                for n in range(repeat)
            ]
        )
    )

    def once():
        with transaction.atomic():
            registration = services.register(desk.pk, next(newcomers))
            transaction.set_rollback(True)
        return registration

    ms, count, registration = timed(once, repeat)
    print(f"register one teacher on a busy event (row lock): {ms:.1f} ms, {count} queries -> {registration.status}")


def listing(repeat):
    from django.test import Client

    from network.models import NetworkEventsPage

    page = NetworkEventsPage.objects.filter(locale__language_code="kk").live().first()
    if page is None:
        print("no network events page: skipped")
        return
    client = Client()
    url = page.url
    for query in ("", "?registration=open"):
        ms, count, response = timed(partial(client.get, url + query), repeat)
        print(
            f"network events page{query or ' (all upcoming)'}: {ms:.1f} ms, {count} queries, "
            f"HTTP {response.status_code}"
        )


def documents(desks, repeat):
    from django.db import transaction
    from django.utils import timezone, translation

    from attendance import documents as pdfs
    from attendance import services
    from attendance.models import Certificate, Registration

    desk = next(d for d in desks if d.event_start < timezone.now())
    with transaction.atomic():
        Registration.objects.filter(desk=desk).update(attended=True)
        ms, count, issued = timed(lambda: services.issue_batch(desk.pk), 1)
        print(f"issue one batch of certificates ({issued}): {ms:.1f} ms, {count} queries")
        certificate = Certificate.objects.filter(registration__desk=desk).first()
        for language in ("kk", "ru", "en"):
            with translation.override(language):
                ms, _count, content = timed(lambda: pdfs.certificate_pdf(certificate, desk.event), repeat)
            print(f"certificate PDF ({language}): {ms:.1f} ms, {len(content) // 1024} KB")
        transaction.set_rollback(True)


def cleanup(desks):
    from django.contrib.auth import get_user_model

    from attendance.models import Certificate, Registration, RegistrationDesk

    Certificate.objects.filter(registration__desk__in=desks).delete()
    Registration.objects.filter(desk__in=desks).delete()
    RegistrationDesk.objects.filter(pk__in=[desk.pk for desk in desks]).delete()
    get_user_model().objects.filter(username__startswith=USER_PREFIX).delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--desks", type=int, default=5000)
    parser.add_argument("--registrations", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    desks, users = seed(args.desks, args.registrations)
    try:
        monitoring(args.repeat)
        registering(desks, users, args.repeat)
        listing(args.repeat)
        documents(desks, args.repeat)
    finally:
        if not args.keep:
            cleanup(desks)


if __name__ == "__main__":
    main()
