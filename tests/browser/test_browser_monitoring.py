"""Monitoring in a real browser: the public page and the admin overview fit a phone, and axe finds nothing serious."""

import datetime

import pytest

from tests.browser.support import (
    allow_console_errors,
    assert_fits_width,
    assert_no_serious_axe_violations,
    save_screenshot,
    sign_in_to_admin,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def small_network(request):
    """`build_small_network`'s rows, written once per test process and committed for each test (conftest.py's
    `monitoring_small_network_rows`)."""
    from tests.browser.conftest import committed_rows

    committed_rows(request, "monitoring_small_network_rows", build_small_network)


def build_small_network():
    """A Leading School over the partner ratio with a seminar three days ago, 3 of its 4 registered present. Each
    step's after-commit work runs at its end, as it runs at once in a live-server test's autocommit (making the
    school provisions its sections, which the seminar goes into)."""
    from django.test import TestCase
    from django.utils import timezone

    from demo.home import load_home
    from network.factories import make_school
    from network.models import EventIndexPage, EventPage, PartnerSchool

    with TestCase.captureOnCommitCallbacks(execute=True):
        homes = load_home()
    home = homes["kk"] if isinstance(homes, dict) else homes
    with TestCase.captureOnCommitCallbacks(execute=True):
        school = make_school(home, "Алматы облысы", "№ 1 Жетекші мектеп", region_slug="almaty", school_slug="school-1")
    with TestCase.captureOnCommitCallbacks(execute=True):
        for n in range(11):
            PartnerSchool.objects.create(leading_school=school, name=f"Серіктес {n}", locality="Алматы")
    with TestCase.captureOnCommitCallbacks(execute=True):
        events = EventIndexPage.objects.child_of(school).first() or school.add_child(
            instance=EventIndexPage(title="Іс-шаралар", slug="events", live=True)
        )
        start = timezone.now() - datetime.timedelta(days=3)
        seminar = events.add_child(
            instance=EventPage(
                title="Семинар",
                kind="seminar",
                start=start,
                end=start + datetime.timedelta(hours=2),
                venue="Зал",
                live=True,
            )
        )
    with TestCase.captureOnCommitCallbacks(execute=True):
        register_and_mark(seminar, teachers=4, present=3)
    return school


def register_and_mark(event, teachers, present):
    """Teachers register through the organisers' services (the deadline keeps the desk open after the start)."""
    from django.utils import timezone

    from attendance import services
    from network.provisioning import provision_school
    from workflows.factories import make_user

    desk = services.open_desk(event, deadline=timezone.now() + datetime.timedelta(days=1))
    registrations = [services.register(desk.pk, make_user(f"teacher-{event.pk}-{n}")) for n in range(teachers)]
    organiser = make_user(f"organiser-{event.pk}")
    organiser.groups.add(provision_school(event.school).editors)
    services.mark_attendance(desk.pk, [registration.pk for registration in registrations[:present]], by=organiser)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_network_in_numbers_on_a_desktop_in_each_language(small_network, live_server, desktop_page, language):
    desktop_page.goto(f"{live_server.url}/{language}/network-in-numbers/")
    assert desktop_page.locator("table.mon-attendance").count() == 2
    assert_fits_width(desktop_page)
    save_screenshot(desktop_page, f"monitoring-public-{language}-1280")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_network_in_numbers_fits_a_phone(small_network, live_server, phone_page, language):
    phone_page.goto(f"{live_server.url}/{language}/network-in-numbers/")
    assert phone_page.locator("html").get_attribute("lang") == language
    assert phone_page.locator("svg.mon-bar__svg").count() > 0
    assert phone_page.locator("table.mon-attendance").count() == 2
    assert_fits_width(phone_page)
    assert_no_serious_axe_violations(phone_page)
    save_screenshot(phone_page, f"monitoring-public-{language}-390")


def test_the_network_in_numbers_on_a_desktop(small_network, live_server, desktop_page):
    desktop_page.goto(f"{live_server.url}/ru/network-in-numbers/")
    assert_fits_width(desktop_page)
    assert_no_serious_axe_violations(desktop_page)
    save_screenshot(desktop_page, "monitoring-public-ru-1280")


def test_the_admin_overview_fits_a_phone(small_network, live_server, phone_page, django_user_model):
    django_user_model.objects.create_superuser("centre", "centre@example.kz", "correct horse battery")
    sign_in_to_admin(phone_page, live_server.url, "centre", "correct horse battery")
    assert phone_page.locator("#monitoring-panel-title").count() == 1
    phone_page.goto(f"{live_server.url}/admin/monitoring/")
    assert phone_page.locator("svg.mon-bar__svg").count() > 0
    assert_fits_width(phone_page)
    assert_no_serious_axe_violations(phone_page)
    save_screenshot(phone_page, "monitoring-admin-overview-390")
    # The admin's account menu asks gravatar.com for the user's picture: outside this machine, so it fails here.
    allow_console_errors(phone_page, "ERR_NAME_NOT_RESOLVED")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_admin_reports_in_each_language_and_width(small_network, live_server, chromium, language, width):
    """The overview (with the attendance tables), the events list its figures lead to, and the schools report,
    in the admin language of the signed-in Centre."""
    from monitoring.models import MonitoringRole
    from tests.browser.conftest import DESKTOP, PHONE, open_page
    from workflows.factories import make_user

    user = make_user(f"centre-{language}", language=language, password="correct horse battery")
    MonitoringRole.objects.create(user=user, role=MonitoringRole.Role.CENTRE)
    context, page = open_page(chromium, PHONE if width == "phone" else DESKTOP)
    try:
        sign_in_to_admin(page, live_server.url, user.username, "correct horse battery")
        pixels = 390 if width == "phone" else 1280
        page.goto(f"{live_server.url}/admin/monitoring/")
        assert page.locator("table.mon-attendance").count() == 2
        assert_fits_width(page)
        save_whole(page, f"monitoring-admin-overview-{language}-{pixels}")
        page.locator("table.mon-attendance a").first.click()
        page.wait_for_url("**/admin/monitoring/events/**")
        assert page.locator("table.listing tbody tr").count() == 1
        save_whole(page, f"monitoring-admin-events-{language}-{pixels}")
        page.goto(f"{live_server.url}/admin/monitoring/schools/")
        save_whole(page, f"monitoring-admin-schools-{language}-{pixels}")
        allow_console_errors(page, "ERR_NAME_NOT_RESOLVED")  # gravatar.com, outside this machine
        assert page.console_errors == []
    finally:
        context.close()


def save_whole(page, name):
    """The admin scrolls its main column, not the document: a viewport as tall as the column pictures all of it."""
    viewport = page.viewport_size
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('main, .content-wrapper, body')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": viewport["width"], "height": min(height + 100, 8000)})
    save_screenshot(page, name)
    page.set_viewport_size(viewport)
