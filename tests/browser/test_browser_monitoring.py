"""Monitoring in a real browser: the public page and the admin overview fit a phone, and axe finds nothing serious."""

import datetime

import pytest

from tests.browser.support import allow_console_errors, assert_fits_width, assert_no_serious_axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def small_network(django_capture_on_commit_callbacks):
    from django.utils import timezone

    from home.demo import load_home
    from network.models import EventIndexPage, EventPage, PartnerSchool
    from workflows.testing import make_school

    with django_capture_on_commit_callbacks(execute=True):
        homes = load_home()
    home = homes["kk"] if isinstance(homes, dict) else homes
    school = make_school(home, "Алматы облысы", "№ 1 Жетекші мектеп", region_slug="almaty", school_slug="school-1")
    for n in range(11):
        PartnerSchool.objects.create(leading_school=school, name=f"Серіктес {n}", locality="Алматы")
    events = EventIndexPage.objects.child_of(school).first() or school.add_child(
        instance=EventIndexPage(title="Іс-шаралар", slug="events", live=True))
    start = timezone.now() - datetime.timedelta(days=3)
    events.add_child(instance=EventPage(title="Семинар", kind="seminar", start=start,
                                        end=start + datetime.timedelta(hours=2), venue="Зал", live=True))
    return school


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_network_in_numbers_fits_a_phone(small_network, live_server, phone_page, language):
    phone_page.goto(f"{live_server.url}/{language}/network-in-numbers/")
    assert phone_page.locator("html").get_attribute("lang") == language
    assert phone_page.locator("svg.mon-bar__svg").count() > 0
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
    phone_page.goto(f"{live_server.url}/admin/login/")
    phone_page.fill("input[name=username]", "centre")
    phone_page.fill("input[name=password]", "correct horse battery")
    phone_page.click("button[type=submit]")
    phone_page.wait_for_url(f"{live_server.url}/admin/")
    assert phone_page.locator("#monitoring-panel-title").count() == 1
    phone_page.goto(f"{live_server.url}/admin/monitoring/")
    assert phone_page.locator("svg.mon-bar__svg").count() > 0
    assert_fits_width(phone_page)
    assert_no_serious_axe_violations(phone_page)
    save_screenshot(phone_page, "monitoring-admin-overview-390")
    # The admin's account menu asks gravatar.com for the user's picture: outside this machine, so it fails here.
    allow_console_errors(phone_page, "ERR_NAME_NOT_RESOLVED")
