"""Real-browser tests: Playwright driving Debian's Chromium (no browser download), at phone and desktop width.

Every page a test opens collects its console errors and uncaught exceptions; a test that leaves any fails at teardown
(allow an expected one with `support.allow_console_errors`). Tests here run against pytest-django's `live_server`,
so they use `@pytest.mark.django_db(transaction=True, serialized_rollback=True)`.
"""

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


@pytest.fixture(scope="session", autouse=True)
def serialized_rollback_in_every_context(django_db_setup):
    """Restore the migrations' rows (Wagtail's root page) in every transactional browser test, not only the first.

    Playwright's sync API runs the test in a greenlet with contextvars of its own, so Django's `connections` hands the
    test a second connection object, which lacks the `_test_serialized_contents` that serialized_rollback restores
    from: the first test's flush then left every later test without a root page (seen on PostgreSQL when plain tests
    ran first). The contents are given to the connection class, so that every connection object has them."""
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            type(connections[alias])._test_serialized_contents = contents


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        yield browser
        browser.close()


def open_page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return context, page


@pytest.fixture
def phone_page(chromium):
    context, page = open_page(chromium, PHONE)
    yield page
    errors = list(page.console_errors)
    context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.fixture
def desktop_page(chromium):
    context, page = open_page(chromium, DESKTOP)
    yield page
    errors = list(page.console_errors)
    context.close()
    assert errors == [], f"console errors: {errors}"
