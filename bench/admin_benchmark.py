#!/usr/bin/env python
"""Editors at national scale: the admin pages issue 15 budgets at p95 <= 1 s, timed in this process through the
Django test client as a signed-in superuser (the widest explorer and chooser) on the database of DATABASE_URL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_<you>_nat .venv/bin/python bench/admin_benchmark.py

Never on ls_national itself: "save draft" and "publish" write revisions (to the busiest school's newest post):
they POST the page editor's form as its JavaScript would (the post's fields, a one-paragraph body); publishing is the
school's moderator's with --as editor. What the request queues for the worker (search indexing, reference index,
notifications) is timed on its own line, as production runs it after the response (TASKS_BACKEND, below).
For every target: one warm-up request, then --repeat timed ones; prints p50, p95 (nearest rank), max, the p95 of
this process's CPU time ("cpu p95": Python, views and templates; PostgreSQL's work is in its own processes, so on a
loaded machine the wall time grows far more than this), the SQL queries of one request and the status.
With --as editor it then translates --repeat + 1 new posts into Russian as the school's editor (issue 18: open the
translation editor, save a segment, submit) and has the moderator approve each, which publishes it (the first one is
the warm-up). The reviewers' inbox (a superuser's with --as editor, who reviews nothing) at 20,000 processes has its
own seeding benchmark (bench/workflow_benchmark.py).
--provision-all gives every school its admin workspace first (groups, workflow, moderation task), as a national
deployment has: the dashboard and the moderation views then see 750 moderation tasks, not one.
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
# As in production (README, site/deploy/compose.yaml): what a request hands to the worker (search indexing, the
# reference index, notifications, figures) is queued, not run while the editor waits. The benchmark then runs the
# queue itself and prints that time on its own line. TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend
# puts it back into the request.
os.environ.setdefault("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")


def edit_form(post, action=None):
    """The POST of a post's page editor (what its JavaScript assembles): its fields, a one-paragraph body."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = {
        "title": post.title,
        "slug": post.slug,
        "date": post.date.isoformat(),
        "intro": post.intro,
        "body": streamfield([("paragraph", rich_text("<p>bench</p>"))]),
        "authors": [],
        "categories": [],
        "tags": "",
        "comments": inline_formset([]),
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def provision_all():
    """Every Leading School (each language version) with its workspace, as a school made in the admin gets it."""
    from network.models import LeadingSchoolPage, SchoolWorkspace
    from network.provisioning import provision_school

    started = time.perf_counter()
    done = set(SchoolWorkspace.objects.values_list("translation_key", flat=True))
    todo = LeadingSchoolPage.objects.exclude(translation_key__in=done).order_by("path")
    count = 0
    for school in todo.iterator():
        provision_school(school)
        count += 1
    print(f"provisioned {count} school versions in {time.perf_counter() - started:.0f} s", flush=True)


def index_school(school):
    """The admin search index (Wagtail's database backend) for the school's pages, every language version: what its
    editor's searches can find (Wagtail filters them to the pages one may explore). The national database has no admin
    index, and `manage.py update_index` for all 380,000 pages takes far longer than the benchmark; so a superuser's
    searches below run against the demo pages plus this school only, a lower bound (search is not among issue 15's
    budgets)."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from network.models import LeadingSchoolPage

    started = time.perf_counter()
    backend = get_search_backend()
    count = 0
    for version in LeadingSchoolPage.objects.filter(translation_key=school.translation_key):
        by_model = {}
        for page in Page.objects.descendant_of(version, inclusive=True).specific().iterator(chunk_size=500):
            by_model.setdefault(type(page), []).append(page)
        for model, pages in by_model.items():
            backend.add_bulk(model, pages)
            count += len(pages)
    print(f"admin search index: {count} pages of {school.title} in {time.perf_counter() - started:.0f} s", flush=True)


def drain_tasks():
    """Run what the request queued for the worker (as `manage.py db_worker` does in production)."""
    from django.core.management import call_command

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


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
    parser.add_argument(
        "--provision-all",
        action="store_true",
        help="provision every school's admin workspace first (network.provisioning), as a national deployment has",
    )
    parser.add_argument(
        "--index-school",
        action="store_true",
        help="index the busiest school's pages for the admin search first (the national data has no admin index)",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a copy of the national database (never ls_national itself).")
    if os.environ["DATABASE_URL"].rstrip("/").endswith("/ls_national"):
        raise SystemExit("This benchmark writes revisions: run it on a copy (see /work/wt/_notes/PREAMBLE.md).")

    import django

    django.setup()
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the workflow's e-mails, kept in memory
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from network.models import BlogIndexPage, BlogPostPage
    from workflows.factories import UserFactory

    if args.provision_all:
        provision_all()
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

        user, moderator, admin = people(LeadingSchoolPage.objects.get(pk=busiest["school_id"]))
    if args.index_school:
        from network.models import LeadingSchoolPage

        index_school(LeadingSchoolPage.objects.get(pk=busiest["school_id"]))
    publisher = moderator if args.who == "editor" else user  # an editor submits; the school's moderator publishes
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    as_publisher = Client(HTTP_HOST="127.0.0.1")
    as_publisher.force_login(publisher)
    blog = BlogIndexPage.objects.get(
        path__startswith=BlogPostPage.objects.filter(school_id=busiest["school_id"]).first().path[:16], depth=5
    )
    post = BlogPostPage.objects.child_of(blog).live().order_by("-date", "-pk").first()
    edit = reverse("wagtailadmin_pages:edit", args=[post.pk])
    inbox_client = client
    if args.who == "editor":  # an editor reviews no teacher's submission: the inbox is measured as the superuser's
        inbox_client = Client(HTTP_HOST="127.0.0.1")
        inbox_client.force_login(admin)

    def get(url, as_client=None):
        return lambda: (as_client or client).get(url).status_code

    def post_edit(action, as_client):
        def send():
            fresh = BlogPostPage.objects.get(pk=post.pk)
            return as_client.post(edit, edit_form(fresh, action)).status_code

        return send

    # (name, request, what the worker then runs or None)
    targets = [
        ("dashboard", get(reverse("wagtailadmin_home")), None),
        (f"explorer of a blog ({blog.numchild} posts)", get(reverse("wagtailadmin_explore", args=[blog.pk])), None),
        ("page editor of a post", get(edit), None),
        ("save draft (POST the editor)", post_edit(None, client), drain_tasks),
        (f"publish (POST the editor, as {publisher.username})", post_edit("action-publish", as_publisher), drain_tasks),
        ("page chooser", get(reverse("wagtailadmin_choose_page")), None),
        ("page chooser search", get(reverse("wagtailadmin_choose_page_search") + "?q=мектеп"), None),
        ("admin page search", get(reverse("wagtailadmin_pages:search") + "?q=мектеп"), None),
        ("reviewers' inbox", get(reverse("workflows:inbox"), inbox_client), None),
    ]
    backend = settings.TASKS["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(
        f"{args.who} ({user.username}), in-process, {args.repeat} timed requests after one warm-up; "
        f"background tasks: {backend}\n"
    )
    header = f"{'target':48} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p95':>8} {'queries':>8}"
    print(header)
    print("-" * len(header))

    def row(name, runs, status, queries):
        """runs: (wall ms, this process's CPU ms) per timed run."""
        times = sorted(wall for wall, _cpu in runs)
        cpu = sorted(cpu for _wall, cpu in runs)
        p95 = times[max(0, math.ceil(0.95 * len(times)) - 1)]
        cpu95 = cpu[max(0, math.ceil(0.95 * len(cpu)) - 1)]
        print(
            f"{name:48} {status!s:>6} {statistics.median(times):8.0f} {p95:8.0f} {times[-1]:8.0f} {cpu95:8.0f} "
            f"{queries:8d}",
            flush=True,
        )

    def measure(action):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            status = action()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        return (elapsed * 1000, cpu * 1000), status, len(captured)

    for name, request, worker in targets:
        times, worker_times, status, queries, worker_queries = [], [], None, 0, 0
        for attempt in range(args.repeat + 1):
            elapsed, status, queries = measure(request)
            if attempt:
                times.append(elapsed)
            if worker is not None:
                worker_elapsed, _status, worker_queries = measure(worker)
                if attempt:
                    worker_times.append(worker_elapsed)
        row(name, times, status, queries)
        if worker is not None and backend == "DatabaseBackend":
            row("  then the worker's tasks (not waited for)", worker_times, "-", worker_queries)
        if args.profile and name.startswith(args.profile):
            from pyinstrument import Profiler

            with Profiler() as profiler:
                request()
            print(profiler.output_text(unicode=True, color=False, short_mode=True), flush=True)
    if args.who == "editor":
        translation_steps(args.repeat, user, moderator, blog, row, measure)


def translation_steps(repeat, editor, moderator, blog, row, measure):
    """Issue 18: each time on a new Kazakh post of the blog, as the school's editor: "Translate this page" into
    Russian, open the translation editor, save a segment, submit the translation for moderation; then the
    moderator approves it, which publishes it (its after-commit work queued for the worker)."""
    from django.test import Client
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, Translation

    from network.models import BlogPostPage

    ru = Locale.objects.get(language_code="ru")
    as_editor, as_moderator = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    as_editor.force_login(editor)
    as_moderator.force_login(moderator)
    untranslated = (
        BlogPostPage.objects.child_of(blog)
        .filter(live=True)
        .exclude(translation_key__in=BlogPostPage.objects.filter(locale=ru).values("translation_key"))
        .order_by("-date", "-pk")
    )
    steps = {}

    def step(name, action):
        elapsed, status, queries = measure(action)
        steps.setdefault(name, []).append((elapsed, status, queries))
        return status

    for post in list(untranslated[: repeat + 1]):
        step(
            "translate a post into ru (editor)",
            lambda post=post: (
                as_editor.post(f"/admin/localize/submit/page/{post.pk}/", {"locales": [ru.pk]}).status_code
            ),
        )
        ru_post = BlogPostPage.objects.get(translation_key=post.translation_key, locale=ru)
        step(
            "open the translation editor",
            lambda ru_post=ru_post: as_editor.get(f"/admin/pages/{ru_post.pk}/edit/").status_code,
        )
        translation = Translation.objects.get(source__object_id=post.translation_key, target_locale=ru)
        segments = list(StringSegment.objects.filter(source=translation.source).order_by("order"))
        for number, segment in enumerate(segments):
            url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"

            def save(url=url, number=number):
                return as_editor.put(
                    url, f"value=bench-ru-{number}", content_type="application/x-www-form-urlencoded"
                ).status_code

            if number == 0:
                step("save a translated segment", save)
            else:
                save()
        step(
            "submit the translation for moderation",
            lambda translation=translation: (
                as_editor.post(f"/admin/editors/translations/{translation.pk}/submit/").status_code
            ),
        )
        state = BlogPostPage.objects.get(pk=ru_post.pk).current_workflow_state
        if state is None:
            print(f"  (post {post.pk}: the translation was not submitted; skipped)")
            continue
        approve = f"/admin/pages/workflow/action/{ru_post.pk}/approve/{state.current_task_state.pk}/"
        step(
            "approve = publish the translation (moderator)",
            lambda approve=approve: as_moderator.post(approve, {"comment": ""}).status_code,
        )
        step("  then the worker's tasks (not waited for)", lambda: drain_tasks() or "-")
    for name, runs in steps.items():
        runs = runs[1:] if len(runs) > 1 else runs  # the first post is the warm-up
        row(name, [timing for timing, _status, _queries in runs], runs[-1][1], runs[-1][2])


if __name__ == "__main__":
    main()
