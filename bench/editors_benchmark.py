#!/usr/bin/env python
"""A school's editor and moderator at national scale: dashboard, blog explorer, translating and publishing.

On a COPY of the national database (never ls_national itself: this script provisions the biggest school's admin
workspace, creates two users and translates posts):

    psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE ls_editors_nat TEMPLATE ls_national'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_editors_nat .venv/bin/python bench/editors_benchmark.py

It takes the Leading School whose Kazakh blog has the most posts, provisions it (network.provisioning), makes a
bench editor and moderator of it, then through the Django test client (in-process, the real URLs and templates)
measures, each --repeat times: the editor's dashboard; the school's blog in the page explorer, for the editor and
a superuser; and, each time on a new Kazakh post, the editor's "Translate this page" into Russian, opening the
translation editor, saving one segment, submitting the translation for moderation, and the moderator's approval
(which publishes it). Prints p50/p95/max per step and the query count of the last run. A benchmark, not a test.
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


def setup():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def biggest_school():
    from django.db.models import Count

    from network.models import BlogPostPage, LeadingSchoolPage

    row = (
        BlogPostPage.objects.filter(locale__language_code="kk")
        .values("school_id")
        .annotate(posts=Count("pk"))
        .order_by("-posts")
        .first()
    )
    return LeadingSchoolPage.objects.get(pk=row["school_id"]), row["posts"]


def people(school):

    from network.models import LeadingSchoolPage
    from network.provisioning import provision_school

    for version in LeadingSchoolPage.objects.filter(translation_key=school.translation_key):
        workspace = provision_school(version)
    from workflows.factories import UserFactory

    editor = UserFactory(username="bench-editor")
    moderator = UserFactory(username="bench-moderator")
    admin = UserFactory(username="bench-admin", email="bench-admin@example.kz", is_superuser=True, is_staff=True)
    editor.groups.add(workspace.editors)
    moderator.groups.add(workspace.moderators)
    return editor, moderator, admin


def timed(client, method, url, **kwargs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()  # a bounded deque: once full, the context would count nothing
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = getattr(client, method)(url, **kwargs)
        elapsed = time.perf_counter() - started
    assert response.status_code in (200, 201, 302), (url, response.status_code)
    return elapsed, len(queries), response


def report(name, runs):
    times = sorted(ms for ms, _ in runs)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(
        f"{name:<44} p50 {statistics.median(times):7.0f} ms   p95 {p95:7.0f} ms   max {times[-1]:7.0f} ms"
        f"   queries {runs[-1][1]:4d}   n={len(times)}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    setup()

    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, Translation

    from network.models import BlogIndexPage, BlogPostPage

    setup_test_environment()
    # As Django's TestCase does: keep one connection (closing it after each request would also reset the count).
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    school, posts = biggest_school()
    editor, moderator, admin = people(school)
    blog = BlogIndexPage.objects.child_of(school).first()
    ru = Locale.objects.get(language_code="ru")
    print(f"School: {school.title} (page {school.pk}), its Kazakh blog: {posts} posts")

    as_editor, as_moderator, as_admin = Client(), Client(), Client()
    as_editor.force_login(editor)
    as_moderator.force_login(moderator)
    as_admin.force_login(admin)
    for client in (as_editor, as_admin):
        client.get("/admin/")  # warm up: first imports, caches

    steps = {
        name: []
        for name in (
            "editor's dashboard",
            "blog explorer (editor)",
            "blog explorer (superuser)",
            "translate a post into ru (editor)",
            "open the translation editor",
            "save a segment",
            "submit the translation for moderation",
            "moderator approves = publishes the translation",
        )
    }
    untranslated = (
        BlogPostPage.objects.child_of(blog)
        .filter(locale__language_code="kk", live=True)
        .exclude(translation_key__in=BlogPostPage.objects.filter(locale=ru).values("translation_key"))
        .order_by("-date")
    )
    candidates = list(untranslated[: args.repeat])
    for post in candidates:
        elapsed, queries, _ = timed(as_editor, "get", "/admin/")
        steps["editor's dashboard"].append((elapsed * 1000, queries))
        elapsed, queries, _ = timed(as_editor, "get", f"/admin/pages/{blog.pk}/")
        steps["blog explorer (editor)"].append((elapsed * 1000, queries))
        elapsed, queries, _ = timed(as_admin, "get", f"/admin/pages/{blog.pk}/")
        steps["blog explorer (superuser)"].append((elapsed * 1000, queries))

        elapsed, queries, _ = timed(
            as_editor, "post", f"/admin/localize/submit/page/{post.pk}/", data={"locales": [ru.pk]}
        )
        steps["translate a post into ru (editor)"].append((elapsed * 1000, queries))
        ru_post = BlogPostPage.objects.get(translation_key=post.translation_key, locale=ru)
        elapsed, queries, _ = timed(as_editor, "get", f"/admin/pages/{ru_post.pk}/edit/")
        steps["open the translation editor"].append((elapsed * 1000, queries))

        translation = Translation.objects.get(source__object_id=post.translation_key, target_locale=ru)
        segments = list(StringSegment.objects.filter(source=translation.source))
        for number, segment in enumerate(segments):
            elapsed, queries, _ = timed(
                as_editor,
                "put",
                f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
                data=f"value=bench-ru-{number}",
                content_type="application/x-www-form-urlencoded",
            )
            if number == 0:
                steps["save a segment"].append((elapsed * 1000, queries))
        elapsed, queries, _ = timed(as_editor, "post", f"/admin/editors/translations/{translation.pk}/submit/")
        steps["submit the translation for moderation"].append((elapsed * 1000, queries))
        ru_post = BlogPostPage.objects.get(pk=ru_post.pk)
        state = ru_post.current_workflow_state
        if state is None:
            print(f"  (post {post.pk}: not submitted, skipped)")
            continue
        elapsed, queries, _ = timed(
            as_moderator,
            "post",
            f"/admin/pages/workflow/action/{ru_post.pk}/approve/{state.current_task_state.pk}/",
            data={"comment": ""},
        )
        steps["moderator approves = publishes the translation"].append((elapsed * 1000, queries))
        assert BlogPostPage.objects.get(pk=ru_post.pk).live

    for name, runs in steps.items():
        if runs:
            report(name, runs)


if __name__ == "__main__":
    main()
