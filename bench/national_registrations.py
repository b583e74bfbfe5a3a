#!/usr/bin/env python
"""Give a copy of the national database realistic event registrations and attendance, in bulk, then time the
monitoring indicator that counts them.

The national data (`load_demo --scale national`) has events but nobody registered for them. This script opens a
registration desk on most events of this academic year and the year before (the version in the default language,
as `attendance.services.open_desk` does) and registers teachers on them (the national data has a dozen accounts:
`--teachers` 6,000 teacher accounts are made, with unusable passwords), with the mix a year of real use gives:

- 70 % of the events take registrations on the site; each has 5–60 seats taken (capacity by kind), so a year
  counts about 150,000 registrations; about 4 % of a desk's teachers are on its waiting list, 6 % cancelled;
- attendance was marked for 85 % of the events already begun (the desk's `attendance_marked_at`, a day after the
  event), with 80 % of the confirmed teachers present; the other 15 % were never marked;
- the registrations copy their event's school, region, kind and start, as the services do, and each desk's
  `seats_taken` is its confirmed count.

It is all SQL (INSERT … SELECT over generate_series), rather than bulk_create's model objects, and seeded
(`--seed`) so that two copies get the same rows. Never on `ls_national_base` itself:

    createdb -h 127.0.0.1 -U postgres -T ls_national_base <you>_nat
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<you>_nat .venv/bin/python bench/national_registrations.py

Options: --share 0.7 (events with a desk), --marked 0.85, --present 0.8, --seed 0.42, --repeat 5 (timing runs),
--reset (delete every desk and registration first: the national data has none of its own), --no-time.
Then it runs the Registrations indicator over the network for both years `--repeat` times, prints the median and
the query count, and recounts the stored figures (`refresh_monitoring`'s work) so that the reports show them.
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

# Seats a desk of each kind offers (the rest of the kinds: 30).
CAPACITY = {"seminar": 40, "master_class": 25, "conference": 60, "webinar": 60, "open_lesson": 15, "round_table": 20}

DESKS = """
INSERT INTO attendance_registrationdesk
    (event_key, event_id, school_id, region_id, event_kind, event_start, is_open, capacity, deadline, hours,
     seats_taken, issue_total, issue_done, attendance_marked_at, attendance_marked_by_id)
SELECT p.translation_key, e.page_ptr_id, e.school_id, e.region_id, e.kind, e.start, e.start > now(),
       COALESCE((%(capacity)s::jsonb ->> e.kind)::int, 30), NULL,
       GREATEST(1, LEAST(8, round(extract(epoch FROM e."end" - e.start) / 3600)::int)), 0, 0, 0,
       CASE WHEN e.start < now() AND random() < %(marked)s THEN e."end" + interval '1 day' END, NULL
FROM network_eventpage e
JOIN wagtailcore_page p ON p.id = e.page_ptr_id
WHERE p.locale_id = %(locale)s AND p.live AND NOT e.is_cancelled AND e.school_id IS NOT NULL
  AND e.start >= %(start)s AND e.start < %(end)s
  AND NOT EXISTS (SELECT 1 FROM attendance_registrationdesk d WHERE d.event_key = p.translation_key)
  AND random() < %(share)s
"""

# Each desk takes between 5 seats and its capacity, from the teachers in a window of the list starting at a random
# place (distinct teachers within a desk); the status and presence drawn per registration.
REGISTRATIONS = """
WITH teachers AS (
    SELECT id AS user_id, row_number() OVER (ORDER BY id) - 1 AS n FROM auth_user
    WHERE NOT is_staff AND NOT is_superuser
), total AS (SELECT count(*) AS n FROM teachers),
desks AS MATERIALIZED (
    SELECT d.id, d.school_id, d.region_id, d.event_kind, d.event_start, d.attendance_marked_at,
           LEAST((SELECT n FROM total), 5 + floor(random() * (d.capacity - 4)))::int AS taken,
           floor(random() * (SELECT n FROM total))::int AS first
    FROM attendance_registrationdesk d
    WHERE d.event_start >= %(start)s AND d.event_start < %(end)s
      AND NOT EXISTS (SELECT 1 FROM attendance_registration r WHERE r.desk_id = d.id)
), drawn AS MATERIALIZED (
    SELECT desks.*, g.i, random() AS status_draw, random() AS presence_draw,
           random() * 20 AS days_before
    FROM desks, generate_series(0, desks.taken - 1) AS g(i)
)
INSERT INTO attendance_registration
    (school_id, region_id, event_kind, event_start, desk_id, user_id, status, attended, created_at, queued_at,
     status_changed_at, reminded_at)
SELECT drawn.school_id, drawn.region_id, drawn.event_kind, drawn.event_start, drawn.id, teachers.user_id,
       CASE WHEN drawn.status_draw < 0.06 THEN 'cancelled' WHEN drawn.status_draw < 0.10 THEN 'waiting'
            ELSE 'confirmed' END,
       drawn.attendance_marked_at IS NOT NULL AND drawn.status_draw >= 0.10 AND drawn.presence_draw < %(present)s,
       drawn.event_start - make_interval(days => drawn.days_before::int + 1),
       drawn.event_start - make_interval(days => drawn.days_before::int + 1),
       drawn.event_start - make_interval(days => drawn.days_before::int),
       CASE WHEN drawn.event_start < now() THEN drawn.event_start - interval '1 day' END
FROM drawn
JOIN teachers ON teachers.n = (drawn.first + drawn.i) %% (SELECT n FROM total)
"""

TEACHERS = """
INSERT INTO auth_user (username, password, first_name, last_name, email, is_staff, is_superuser, is_active, date_joined)
SELECT 'bench-teacher-' || g, '!', 'Мұғалім', '№ ' || g, 'bench-teacher-' || g || '@example.kz',
       false, false, true, now()
FROM generate_series(1, %(teachers)s) AS g
WHERE NOT EXISTS (SELECT 1 FROM auth_user WHERE username = 'bench-teacher-' || g)
"""

SEATS = """
UPDATE attendance_registrationdesk d SET seats_taken = c.n
FROM (SELECT desk_id, count(*) AS n FROM attendance_registration WHERE status = 'confirmed' GROUP BY desk_id) c
WHERE c.desk_id = d.id
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--share", type=float, default=0.7)
    parser.add_argument("--teachers", type=int, default=6000)
    parser.add_argument("--marked", type=float, default=0.85)
    parser.add_argument("--present", type=float, default=0.8)
    parser.add_argument("--seed", type=float, default=0.42)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--no-time", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    import json

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from attendance.models import Registration, RegistrationDesk
    from monitoring import figures
    from monitoring.indicators import Registrations, Schools
    from monitoring.periods import Period

    call_command("migrate", verbosity=0, interactive=False)
    print(f"database: {connection.settings_dict['NAME']}")
    periods = (Period.current().previous, Period.current())
    start, end = periods[0].bounds()[0], periods[1].bounds()[1]
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if args.reset:
            cursor.execute(
                "DELETE FROM attendance_certificate WHERE registration_id IS NOT NULL;"
                "DELETE FROM attendance_registration; DELETE FROM attendance_registrationdesk"
            )
        cursor.execute("SELECT setseed(%s)", [args.seed])
        # The national data has a dozen user accounts: its 6,000 teachers are made here, with unusable passwords.
        cursor.execute(TEACHERS, {"teachers": args.teachers})
        params = {
            "capacity": json.dumps(CAPACITY),
            "marked": args.marked,
            "present": args.present,
            "share": args.share,
            "locale": Locale.get_default().pk,
            "start": start,
            "end": end,
        }
        cursor.execute(DESKS, params)
        desks = cursor.rowcount
        cursor.execute(REGISTRATIONS, params)
        registrations = cursor.rowcount
        cursor.execute(SEATS)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE attendance_registrationdesk; ANALYZE attendance_registration")
    print(
        f"inserted {desks} desks and {registrations} registrations in {time.perf_counter() - started:.1f} s; "
        f"now {RegistrationDesk.objects.count()} desks, {Registration.objects.count()} registrations "
        f"({Registration.objects.filter(status='confirmed').count()} confirmed, "
        f"{Registration.objects.filter(attended=True).count()} present)"
    )
    if args.no_time:
        return

    schools = Schools()
    indicator = Registrations()
    for period in periods:
        times = []
        for _run in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                counts = indicator.count(period, schools)
                times.append(1000 * (time.perf_counter() - began))
        total = sum(counter["registrations"] for counter in counts.values())
        unmarked = sum(counter["events_unmarked"] for counter in counts.values())
        print(
            f"Registrations indicator, {period.label}, the whole network: median {statistics.median(times):.0f} ms, "
            f"max {max(times):.0f} ms, {len(queries)} queries; {total} registrations, "
            f"{unmarked} events begun and not marked"
        )
        began = time.perf_counter()
        figures.refresh(period)
        print(f"recount of {period.label} (every indicator, stored): {1000 * (time.perf_counter() - began):.0f} ms")


if __name__ == "__main__":
    main()
