"""What a visitor does, in a real Chromium: subscribe by e-mail and confirm from the message, change the settings,
unsubscribe; switch languages on a school page; narrow a search with a facet. Each step is also checked for fit,
axe and the console, and photographed."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection

from follow.models import Frequency, Subscriber
from tests.browser.support import assert_fits_width, assert_no_serious_axe_violations, click_and_load, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def looks_right(page, name):
    assert_fits_width(page)
    assert_no_serious_axe_violations(page)
    save_screenshot(page, name)


@pytest.fixture
def home_pages(django_capture_on_commit_callbacks):
    from demo.home import load_home

    with django_capture_on_commit_callbacks(execute=True):
        return load_home()


def test_subscribe_confirm_change_settings_and_unsubscribe_on_a_phone(home_pages, live_server, phone_page, mailoutbox):
    page = phone_page
    page.goto(f"{live_server.url}/ru/follow/subscribe/")
    looks_right(page, "journey-subscribe-ru-390")
    page.get_by_label("Ваш адрес электронной почты").fill("parent@example.kz")
    page.get_by_role("button", name="Подписаться").click()
    page.wait_for_url(f"{live_server.url}/ru/follow/subscribe/sent/")
    looks_right(page, "journey-subscribe-sent-ru-390")
    assert not Subscriber.objects.exists(), "nothing is stored before the confirmation"

    (message,) = mailoutbox
    assert message.to == ["parent@example.kz"]
    confirm_url = re.search(r"https?://\S+/ru/follow/confirm/\S+/", message.body).group(0)
    page.goto(confirm_url)
    looks_right(page, "journey-confirm-ru-390")
    page.get_by_role("button", name="Подтвердить подписку").click()
    page.get_by_role("heading", name="Подписка подтверждена").wait_for()
    looks_right(page, "journey-confirmed-ru-390")
    subscriber = Subscriber.objects.get(email="parent@example.kz")
    assert subscriber.language == "ru"

    # The settings: a form POST from the browser itself (a test client never sends the Origin header a browser does).
    page.get_by_role("link", name="Изменить настройки").click()
    page.wait_for_url(re.compile(r"/ru/follow/manage/"))
    looks_right(page, "journey-manage-ru-390")
    manage_url = page.url
    page.get_by_label("Ежедневный дайджест").check()
    page.get_by_role("button", name="Сохранить настройки").click()
    page.get_by_role("status").wait_for()
    assert "Ваши настройки сохранены." in page.get_by_role("status").inner_text()
    assert subscriber.subscriptions.get().frequency == Frequency.DAILY

    page.goto(manage_url.replace("/manage/", "/unsubscribe/"))
    looks_right(page, "journey-unsubscribe-ru-390")
    click_and_load(page, page.get_by_role("button", name="Отписаться"))
    looks_right(page, "journey-unsubscribed-ru-390")
    assert not Subscriber.objects.filter(email="parent@example.kz").exists()


@pytest.fixture
def one_school(request):
    """`load_demo --schools 1`: its rows written once per test process and committed for each test (conftest.py's
    `one_school_demo_rows`)."""
    from tests.browser.conftest import committed_rows

    committed_rows(request, "one_school_demo_rows", lambda: call_command("load_demo", schools=1, stdout=io.StringIO()))


def test_the_language_switcher_keeps_the_school_and_search_narrows_by_a_facet(
    one_school, live_server, desktop_page, phone_page
):
    from network.models import LeadingSchoolPage

    school = LeadingSchoolPage.objects.get(locale__language_code="kk")
    russian = school.get_translation(LeadingSchoolPage.objects.get(locale__language_code="ru").locale)
    page = phone_page
    page.goto(live_server.url + school.url)
    page.locator(".language-switcher a[hreflang=ru]").click()
    page.wait_for_url(live_server.url + russian.url)
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text().strip() == russian.title
    assert page.locator(".language-switcher a[aria-current]").get_attribute("hreflang") == "ru"
    looks_right(page, "journey-switcher-school-ru-390")

    if connection.vendor != "postgresql":
        return  # facets come from the PostgreSQL index; SQLite searches through Wagtail's backend, without them
    page = desktop_page
    page.goto(f"{live_server.url}/ru/search/?query=школа")
    everything = int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group(0))
    facet = page.locator(".facet__value").first
    label = facet.locator("span").first.inner_text()
    count = int(facet.locator(".facet__count").inner_text())
    facet.click()
    page.locator(".facet__value--selected").wait_for()
    assert page.locator(".facet__value--selected span").first.inner_text() == label
    assert len(page.locator(".search-result").all()) == min(count, 10)
    assert count <= everything
    looks_right(page, "journey-search-facet-ru-1280")
