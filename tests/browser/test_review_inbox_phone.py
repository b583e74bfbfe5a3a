"""A reviewer's inbox in a real Chromium (workflows/templates/workflows/admin/inbox.html): on a phone each task is a
card, its submission first and every other column a labelled line; on a desktop, the table. Nothing is cut or wider
than the screen, in the reviewer's own language."""

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

INBOX = "table.review-inbox"
TITLE = "Бастауыш сыныптағы Lesson Study"


@pytest.fixture
def waiting(django_capture_on_commit_callbacks):
    """A submission at the school stage, waiting for its school's head (head-demo), made as the review demo makes
    its own (demo/workflows.py) on one school rather than the whole demo."""
    from demo.home import load_home
    from demo.workflows import load_submission, load_users
    from network.factories import make_school
    from workflows import rules

    with django_capture_on_commit_callbacks(execute=True):
        homes = load_home()
    school = make_school(homes["kk"], "Абай облысы", "Семей қаласының № 7 мектеп-лицейі", "abai", "school-7")
    return load_submission(load_users([school]), TITLE, "kk", rules.Category.TEACHER_EXPERT, "school")


def said(message):
    from django.utils import translation

    with translation.override("kk"):
        return translation.gettext(message)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_a_reviewer_reads_the_inbox_on_a_phone_and_a_desktop(waiting, live_server, chromium, viewport):
    from demo.workflows import PASSWORD

    context, page = open_page(chromium, viewport)
    try:
        sign_in_to_admin(page, live_server.url, "head-demo", PASSWORD)
        page.goto(f"{live_server.url}/admin/reviews/")
        task = page.locator(f"{INBOX} tbody tr", has=page.get_by_role("link", name=waiting.title))
        stage = task.locator(".review-inbox__label", has_text=said("Stage"))
        if viewport == PHONE:
            # A card: the column headers are out of sight, each line says what it is, above its value.
            assert page.locator(f"{INBOX} thead").bounding_box()["height"] <= 1
            assert stage.is_visible()
            title, school = task.get_by_role("link", name=waiting.title), task.get_by_text(waiting.school.title)
            assert title.bounding_box()["y"] < stage.bounding_box()["y"] < school.bounding_box()["y"]
            assert task.bounding_box()["width"] <= viewport["width"]
        else:
            assert page.get_by_role("columnheader", name=said("Stage")).is_visible()
            assert not stage.is_visible()
        assert_fits_width(page)
        assert_nothing_cut(page, INBOX)
        assert_no_serious_axe_violations(page, within=INBOX)
        save_screenshot(page, f"review-inbox-kk-{viewport['width']}")
        # The admin's account menu asks gravatar.com for the user's picture: outside this machine, so it fails here.
        allow_console_errors(page, "ERR_NAME_NOT_RESOLVED")
        assert page.console_errors == []
    finally:
        context.close()
