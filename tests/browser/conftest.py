"""Real-browser tests: Playwright driving Debian's Chromium (no browser download), at phone and desktop width.

Every page a test opens collects its console errors and uncaught exceptions; a test that leaves any fails at teardown
(allow an expected one with `support.allow_console_errors`). Tests here run against pytest-django's `live_server`,
so they use `@pytest.mark.django_db(transaction=True, serialized_rollback=True)`.
"""

import io
import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test's thread; the ORM calls a test makes between browser steps are
# still synchronous and safe, so Django's async guard is lifted for this package only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    missing = not os.path.exists(CHROMIUM)
    for item in items:
        if "tests/browser/" in item.nodeid.replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if missing:
                item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (./run test installs it as root)"))


@pytest.fixture(scope="session")
def chromium():
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API gives the test's greenlet a context of its own, and Django keeps its connections per
    # context: without this, every later test would get new connection objects, which have lost the serialized
    # database that `serialized_rollback` restores (Wagtail's root page, seen as a flaky "no root" elsewhere).
    ours = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in ours.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        yield browser
        browser.close()


def open_page(browser, viewport, **context_options):
    """A page failing its test on a console error; context_options go to Playwright (has_touch=True for tap())."""
    context = browser.new_context(viewport=viewport, **context_options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return context, page


def checked_page(browser, viewport):
    """A page that fails its test at teardown if it logged a console error or an uncaught exception."""
    context, page = open_page(browser, viewport)
    yield page
    errors = list(page.console_errors)
    context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.fixture
def phone_page(chromium):
    yield from checked_page(chromium, PHONE)


@pytest.fixture
def desktop_page(chromium):
    yield from checked_page(chromium, DESKTOP)


@pytest.fixture
def school():
    """A Leading School in kk and ru, provisioned (sections, groups, workflow), with the demo editor and moderator
    (demo/editors.py: editor-demo, moderator-demo)."""
    from wagtail.models import Locale

    from demo.editors import load_editors_demo
    from demo.home import load_home
    from network.factories import make_school, translate_page
    from network.models import BlogIndexPage

    homes = load_home()
    kk = make_school(homes["kk"], "Астана қаласы", "№ 54 мектеп-лицей", "astana", "school-54")
    russian = Locale.objects.get(language_code="ru")
    translate_page(kk.get_parent().specific, russian, {"title": "Город Астана"})
    translate_page(kk, russian, {"title": "Школа-лицей № 54"})
    load_editors_demo(stdout=io.StringIO())
    return {"kk": kk, "blog": BlogIndexPage.objects.child_of(kk).get()}


@pytest.fixture(scope="session")
def one_school_demo_rows(django_db_setup, django_db_blocker):
    """The rows `load_demo --schools 1` writes, its after-commit work run, built once per test process
    (tests/db_snapshot.py); None where a transactional test has just flushed the database. Ask for it in a test with
    `request.getfixturevalue`, after the test's serialized rollback has written back what migrations left."""
    import io

    from django.core.management import call_command
    from django.test import TestCase

    from tests import db_snapshot

    def build():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", schools=1, stdout=io.StringIO())

    return db_snapshot.session_rows(django_db_blocker, build)


def committed_rows(request, rows_fixture, build):
    """For a live-server test: the rows of a session `*_rows` fixture written and committed, for the server's own
    connection; `build()` instead where the database does not hold what the build started from."""
    from django.core.cache import cache
    from django.db import transaction

    from tests import db_snapshot

    rows = request.getfixturevalue(rows_fixture) if db_snapshot.pristine() else None
    try:
        if rows is None:
            raise db_snapshot.NotAsBuilt("the database was flushed")
        with transaction.atomic():
            db_snapshot.restore(rows[0])
    except db_snapshot.NotAsBuilt:
        build()
    cache.clear()  # nothing cached by an earlier test is about these rows


@pytest.fixture(scope="session")
def monitoring_small_network_rows(django_db_setup, django_db_blocker):
    """The rows of test_browser_monitoring.py's `build_small_network`, built once per test process (see
    `one_school_demo_rows`)."""
    from tests import db_snapshot
    from tests.browser.test_browser_monitoring import build_small_network

    return db_snapshot.session_rows(django_db_blocker, build_small_network)
