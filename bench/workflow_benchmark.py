#!/usr/bin/env python
"""The review at scale: 20,000 submission processes, then the reviewers' inbox and the teachers' cabinet.

Seeds the database of DATABASE_URL (migrating it first) with N processes spread over Leading Schools, each with its
viewflow task and history, in bulk; then, for several page sizes, renders the inbox, the dashboard and the
cabinet's pages (home, a later page of it, a submission) through the Django test client and prints the number of
SQL queries and the time per request (p50 and p95 over --repeat requests).
Query counts must not grow with the page size; times are figures, not assertions.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_workflows .venv/bin/python bench/workflow_benchmark.py

Options: --processes 20000, --repeat 20, --keep (leave the seeded rows; by default they are deleted at the end).
A benchmark, not a test: it never fails on a figure.
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

BENCH_TAG = "[bench]"


def setup():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def seed(processes):
    """N submissions in review at the school stage, half of them by one author, spread over 20 schools."""
    from django.db import connection, transaction
    from django.utils import timezone
    from viewflow.workflow.models import Process, Task

    from home.factories import make_home
    from network.factories import make_school
    from workflows import rules
    from workflows.factories import reviewer, teacher
    from workflows.flows import SubmissionFlow
    from workflows.models import ReviewerRole, Submission, SubmissionAuthor, SubmissionEvent

    with transaction.atomic():
        home = make_home()
        schools = [
            make_school(
                home,
                f"Bench region {n % 5}",
                f"Bench school {n}",
                region_slug=f"bench-region-{n % 5}",
                school_slug=f"bench-school-{n}",
            )
            for n in range(20)
        ]
        author = teacher("bench-author", schools[0])
        others = [teacher(f"bench-teacher-{n}", school) for n, school in enumerate(schools)]
        head = reviewer("bench-head", ReviewerRole.Role.SCHOOL_HEAD, school=schools[0])
        council = reviewer("bench-council", ReviewerRole.Role.REGIONAL_COUNCIL, region=schools[0].region)
    existing = Submission.objects.filter(title__startswith=BENCH_TAG).count()
    now = timezone.now()
    batch = 2000
    started = time.perf_counter()
    for offset in range(existing, processes, batch):
        size = min(batch, processes - offset)
        with transaction.atomic():
            parents = Process.objects.bulk_create(
                [Process(flow_class=SubmissionFlow, status="NEW", created=now) for _ in range(size)]
            )
            rows = []
            for number, parent in enumerate(parents, start=offset):
                school = schools[number % len(schools)]
                user = author if number % 2 == 0 else others[number % len(others)]
                rows.append(
                    Submission(
                        process_ptr_id=parent.pk,
                        flow_class=SubmissionFlow,
                        author=user,
                        school=school,
                        region_id=school.region_id,
                        title=f"{BENCH_TAG} submission {number}",
                        abstract="",
                        language="kk",
                        category=rules.Category.TEACHER_RESEARCHER,
                        result_kind=rules.ResultKind.TALK,
                        state=Submission.State.IN_REVIEW,
                        stage=rules.Stage.SCHOOL,
                        round=1,
                        reached=0,
                        stage_due=now + rules.stage_deadline(rules.Stage.SCHOOL),
                        submitted_at=now,
                        updated_at=now,
                    )
                )
            _insert_children(connection, rows)
            Task.objects.bulk_create(
                [
                    Task(
                        process_id=row.pk,
                        flow_task=SubmissionFlow.school_review,
                        flow_task_type="HUMAN",
                        status="NEW",
                        created=now,
                    )
                    for row in rows
                ]
            )
            SubmissionAuthor.objects.bulk_create(
                [
                    SubmissionAuthor(submission_id=row.pk, user_id=row.author_id, full_name="Bench", sort_order=0)
                    for row in rows
                ]
            )
            SubmissionEvent.objects.bulk_create(
                [
                    SubmissionEvent(submission_id=row.pk, action="submitted", stage="school", actor_id=row.author_id)
                    for row in rows
                ]
            )
    if connection.vendor == "postgresql":
        # Fresh planner statistics, as autovacuum would gather them after a bulk load in production.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"author": author, "head": head, "council": council, "seconds": time.perf_counter() - started}


def _insert_children(connection, rows):
    """Multi-table inheritance has no bulk_create: insert the child rows ourselves, parents already exist."""
    from workflows.models import Submission

    fields = [field for field in Submission._meta.local_concrete_fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(Submission._meta.db_table)
    values = [[field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", values)


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return len(queries), statistics.median(timings), statistics.quantiles(timings, n=20)[18]


def cleanup():
    from django.db import transaction
    from viewflow.workflow.models import Process

    from workflows.models import Submission

    with transaction.atomic():
        ids = list(Submission.objects.filter(title__startswith=BENCH_TAG).values_list("pk", flat=True))
        Process.objects.filter(pk__in=ids).delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the seeded rows")
    args = parser.parse_args()

    setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from cabinet import views as cabinet_views
    from workflows import views
    from workflows.models import Submission

    settings.ALLOWED_HOSTS = ["*"]
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    seeded = seed(args.processes)
    total = Submission.objects.count()
    print(f"seeded: {args.processes} processes in {seeded['seconds']:.1f} s; submissions in the database: {total}")
    mine = Submission.objects.filter(author=seeded["author"]).count()
    print(
        f"bench-author's submissions: {mine}; bench-head's school stage tasks: "
        f"{Submission.objects.filter(school__title='Bench school 0').count()}"
    )

    client = Client()
    rows = []
    one = Submission.objects.filter(author=seeded["author"]).order_by("pk").first()
    for page_size in (10, 25, 100):
        views.PAGE_SIZE = cabinet_views.PAGE_SIZE = page_size
        for label, user, url in (
            ("inbox (school head)", seeded["head"], reverse("workflows:inbox")),
            ("inbox, page 40", seeded["head"], reverse("workflows:inbox") + "?p=40"),
            ("cabinet home", seeded["author"], reverse("cabinet:home")),
            ("cabinet home, page 100", seeded["author"], reverse("cabinet:home") + "?page=100"),
            ("cabinet submission", seeded["author"], reverse("cabinet:submission", args=[one.pk])),
            ("dashboard (school head)", seeded["head"], reverse("wagtailadmin_home")),
        ):
            client.force_login(user)
            queries, median, worst = measure(client, url, args.repeat)
            rows.append((page_size, label, queries, median, worst))
    print(f"\n{'page size':>9}  {'view':<26} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for page_size, label, queries, median, p95 in rows:
        print(f"{page_size:>9}  {label:<26} {queries:>7} {median:>8.1f} {p95:>8.1f}")
    if not args.keep:
        cleanup()
        print("\nseeded rows deleted (use --keep to keep them)")


if __name__ == "__main__":
    main()
