#!/usr/bin/env python
"""Editors at national scale: the admin pages issue 15 budgets at p95 <= 1 s, timed in this process through the
Django test client as a signed-in superuser (the widest explorer and chooser) on the database of DATABASE_URL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_<you>_nat .venv/bin/python bench/admin_benchmark.py

Never on ls_national itself: "save draft" and "publish" write revisions (to the busiest school's newest post);
they are measured at the model level (what the editor's view calls once its form is valid: `save_revision`,
`publish` and the after-commit callbacks), since the editor's StreamField form is assembled by JavaScript.
For every target: one warm-up request, then --repeat timed ones; prints p50, p95 (nearest rank), the SQL
queries of one request and the status. The reviewers' inbox at 20,000 processes has its own seeding benchmark
(bench/workflow_benchmark.py); here it is measured on whatever the database holds.
A benchmark, not a test: it never fails on a figure.
"""

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")


def publish(page, user):
    """What the editor's "Publish" does once the form is valid: a revision, published, and the callbacks that
    run after the commit (wagtail-localize's synchronisation of the translations, search indexing)."""
    from django.db import transaction
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
        page.save_revision(user=user).publish(user=user)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--as",
        dest="who",
        choices=("superuser", "editor"),
        default="superuser",
        help="editor: a provisioned editor of the busiest school (bench/editors_benchmark.py)",
    )
    parser.add_argument(
        "--profile",
        metavar="TARGET",
        default=None,
        help="print a pyinstrument profile of one more request of the target whose name starts so",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a copy of the national database (never ls_national itself).")
    if os.environ["DATABASE_URL"].rstrip("/").endswith("/ls_national"):
        raise SystemExit("This benchmark writes revisions: run it on a copy (see /work/wt/_notes/PREAMBLE.md).")

    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from network.models import BlogIndexPage, BlogPostPage
    from workflows.factories import UserFactory

    user = UserFactory(username="bench-admin", is_superuser=True, is_staff=True, email="bench@example.kz")
    busiest = (
        BlogPostPage.objects.filter(locale__language_code="kk")
        .values("school_id")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if args.who == "editor":
        from editors_benchmark import people

        from network.models import LeadingSchoolPage

        user, moderator, _admin = people(LeadingSchoolPage.objects.get(pk=busiest["school_id"]))
    publisher = moderator if args.who == "editor" else user  # an editor submits; the school's moderator publishes
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    blog = BlogIndexPage.objects.get(
        path__startswith=BlogPostPage.objects.filter(school_id=busiest["school_id"]).first().path[:16], depth=5
    )
    post = BlogPostPage.objects.child_of(blog).live().order_by("-date", "-pk").first()
    edit = reverse("wagtailadmin_pages:edit", args=[post.pk])
    targets = [
        ("dashboard", "get", reverse("wagtailadmin_home"), None),
        (f"explorer of a blog ({blog.numchild} posts)", "get", reverse("wagtailadmin_explore", args=[blog.pk]), None),
        ("page editor of a post", "get", edit, None),
        ("save draft (save_revision)", "call", lambda: post.save_revision(user=user), None),
        ("publish (revision.publish + on_commit)", "call", lambda: publish(post, publisher), None),
        ("page chooser", "get", reverse("wagtailadmin_choose_page"), None),
        ("page chooser search", "get", reverse("wagtailadmin_choose_page_search") + "?q=мектеп", None),
        ("admin page search", "get", reverse("wagtailadmin_pages:search") + "?q=мектеп", None),
        ("reviewers' inbox", "get", reverse("workflows:inbox"), None),
    ]
    print(f"{args.who} ({user.username}), in-process, {args.repeat} timed requests after one warm-up\n")
    header = f"{'target':40} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}"
    print(header)
    print("-" * len(header))
    for name, method, url, _action in targets:
        times, status, queries = [], None, 0
        for attempt in range(args.repeat + 1):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                if method == "call":
                    url()
                    code = "-"
                else:
                    code = client.get(url).status_code
                elapsed = time.perf_counter() - started
            if attempt:
                times.append(elapsed * 1000)
            status, queries = code, len(captured)
        times.sort()
        p95 = times[max(0, math.ceil(0.95 * len(times)) - 1)]
        print(f"{name:40} {status:>6} {statistics.median(times):8.0f} {p95:8.0f} {queries:8d}", flush=True)
        if args.profile and name.startswith(args.profile):
            from pyinstrument import Profiler

            with Profiler() as profiler:
                url() if method == "call" else client.get(url)
            print(profiler.output_text(unicode=True, color=False, short_mode=True), flush=True)


if __name__ == "__main__":
    main()
