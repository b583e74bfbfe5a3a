"""The browser harness itself: a real Chromium opens the home page, follows the language switcher, and is checked."""

import pytest

from tests.browser.support import assert_fits_width, assert_no_serious_axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def home_pages(django_capture_on_commit_callbacks):
    from demo.home import load_home

    with django_capture_on_commit_callbacks(execute=True):
        return load_home()


def test_the_language_switcher_leads_to_the_same_page_in_russian(home_pages, live_server, desktop_page):
    desktop_page.goto(f"{live_server.url}/kk/")
    assert desktop_page.locator("html").get_attribute("lang") == "kk"
    assert desktop_page.locator("h1").first.inner_text().strip() == "Жетекші мектептер желісі"

    desktop_page.locator(".language-switcher a[hreflang=ru]").click()

    desktop_page.wait_for_url(f"{live_server.url}/ru/")
    assert desktop_page.locator("html").get_attribute("lang") == "ru"
    assert "Сеть Ведущих школ" in desktop_page.title()
    assert_fits_width(desktop_page)
    assert_no_serious_axe_violations(desktop_page)
    assert save_screenshot(desktop_page, "smoke-home-ru-1280").stat().st_size > 0
