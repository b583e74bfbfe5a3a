"""The school editor's admin on a phone, in a real Chromium: the dashboard panel (editors/dashboard.py), where each
language is a card whose counts carry their labels, and the page explorer of the school's blog, whose titles keep a
line of their own (editors/static/editors/admin.css); nothing in them is cut or wider than the screen."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, open_page
from tests.browser.support import (
    allow_console_errors,
    assert_fits_width,
    assert_no_serious_axe_violations,
    assert_nothing_cut,
    save_screenshot,
    sign_in_to_admin,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PANEL = ".editors-school-panel"


def sign_in(page, url):
    from demo.editors import PASSWORD

    sign_in_to_admin(page, url, "editor-demo", PASSWORD)


def said(message, context=None):
    from django.utils import translation

    with translation.override("kk"):
        return translation.pgettext(context, message) if context else translation.gettext(message)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_school_panel_fits_the_screen(school, live_server, chromium, viewport):
    context, page = open_page(chromium, viewport)
    try:
        sign_in(page, live_server.url)
        panel = page.locator(PANEL)
        assert school["kk"].title in panel.locator("h2").inner_text()
        kazakh = panel.locator("tbody tr", has=page.get_by_role("link", name="Қазақша", exact=True))
        drafts = said("Drafts")
        if viewport == PHONE:
            # A card: the column headers are out of sight, each count says what it counts.
            assert panel.locator("thead").bounding_box()["height"] <= 1
            label = kazakh.locator(".editors-school-counts__label", has_text=drafts)
            assert label.is_visible()
            value = label.locator("xpath=following-sibling::span[1]")
            assert label.bounding_box()["y"] == pytest.approx(value.bounding_box()["y"], abs=2), "side by side"
        else:
            assert panel.get_by_role("columnheader", name=drafts).is_visible()
            assert not kazakh.locator(".editors-school-counts__label").first.is_visible()
        assert_fits_width(page)
        assert_nothing_cut(page, PANEL)
        assert_no_serious_axe_violations(page, within=PANEL)
        save_screenshot(page, f"editor-dashboard-kk-{viewport['width']}")
        # The admin's account menu asks gravatar.com for the user's picture: outside this machine, so it fails here.
        allow_console_errors(page, "ERR_NAME_NOT_RESOLVED")
        assert page.console_errors == []
    finally:
        context.close()


def test_the_explorer_keeps_each_title_on_a_line_of_its_own_on_a_phone(school, live_server, chromium):
    from network.factories import add_post

    add_post(school["blog"], "Тәлімгерлік: жас мұғалімдермен жұмыс және олардың алғашқы ашық сабақтары")
    context, page = open_page(chromium, PHONE)
    try:
        sign_in(page, live_server.url)
        page.goto(f"{live_server.url}/admin/pages/{school['blog'].pk}/")
        title = page.locator("table.listing tbody td.title").first
        # Five columns squeezed the title into a few letters' width: it broke letter by letter.
        assert title.bounding_box()["width"] >= PHONE["width"] * 0.6
        assert_fits_width(page)
        assert_nothing_cut(page, "table.listing tbody")
        # The header's landmark, a literal in Wagtail's template (editors/templates/wagtailadmin/shared/headers/).
        assert page.locator("#w-slim-header-buttons").get_attribute("aria-label") == said("Actions")
        save_screenshot(page, "editor-explorer-blog-kk-390")
        allow_console_errors(page, "ERR_NAME_NOT_RESOLVED")
        assert page.console_errors == []
    finally:
        context.close()
