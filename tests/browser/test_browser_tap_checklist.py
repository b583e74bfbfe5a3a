"""The demo school editor chooses a post's author and category by tapping, on a phone, and saves the draft."""

import io
import re

import pytest
from django.core.management import call_command

from network.models import BlogCategory, BlogPostPage, Teacher
from tests.browser.conftest import DESKTOP, PHONE, open_page
from tests.browser.support import (
    SCREENSHOTS,
    allow_console_errors,
    assert_fits_width,
    assert_no_serious_axe_violations,
    click_and_load,
    save_screenshot,
    sign_in_to_admin,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_editor(request):
    """`load_demo --schools 1` (its rows written once per test process and committed for each test: conftest.py's
    `one_school_demo_rows`), and its school editor's sign-in."""
    from demo.editors import PASSWORD
    from tests.browser.conftest import committed_rows

    committed_rows(request, "one_school_demo_rows", lambda: call_command("load_demo", schools=1, stdout=io.StringIO()))
    return "editor-demo", PASSWORD


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_editor_ticks_an_author_and_a_category_by_tapping(demo_editor, live_server, chromium, viewport):
    from network.models import LeadingSchoolPage, SchoolWorkspace

    workspace = SchoolWorkspace.objects.get(editors__user__username=demo_editor[0])
    school = LeadingSchoolPage.objects.get(translation_key=workspace.translation_key, locale__language_code="kk")
    post = BlogPostPage.objects.filter(school=school).first()
    # A real school has dozens of teachers: enough for the list to scroll and offer its filter box.
    Teacher.objects.bulk_create(Teacher(full_name=f"Мұғалім {n:02}", school=school) for n in range(1, 13))
    teacher = (
        Teacher.objects.of_school(post.school).exclude(posts=post).exclude(full_name__startswith="Мұғалім").first()
    )
    category = BlogCategory.objects.exclude(posts=post).first()
    assert teacher is not None and category is not None

    # A touch screen: tap() needs one.
    context, page = open_page(chromium, viewport, has_touch=True, is_mobile=viewport == PHONE)
    try:
        sign_in_to_admin(page, live_server.url, *demo_editor)
        page.goto(f"{live_server.url}/admin/pages/{post.pk}/edit/")
        authors = page.locator(".tap-checklist").filter(has=page.locator("input[name=authors]"))
        categories = page.locator(".tap-checklist").filter(has=page.locator("input[name=categories]"))
        assert page.locator("select[name=authors], select[name=categories]").count() == 0

        author_row = authors.locator("label.tap-checklist__item", has_text=teacher.full_name)
        filter_box = authors.get_by_role("searchbox", name="Тізімнен іздеу")
        filter_box.fill(teacher.full_name.split()[0][:4].lower())
        assert authors.locator("label.tap-checklist__item:visible").count() < Teacher.objects.of_school(school).count()
        assert author_row.is_visible()
        author_row.scroll_into_view_if_needed()
        box = author_row.bounding_box()
        assert box["height"] >= 44, "a row is a thumb's target"
        author_row.tap()
        category_row = categories.locator("label.tap-checklist__item", has_text=category.name_kk)
        category_row.tap()
        assert author_row.locator("input").is_checked() and category_row.locator("input").is_checked()

        name = f"tap-checklist-post-editor-kk-{viewport['width']}"
        assert_fits_width(page)
        # axe on the checklists only: the rest of Wagtail 8's page editor has violations of its own (its rich-text
        # editors and the tag field's autocomplete have no accessible name), which are not this widget's.
        assert_no_serious_axe_violations(page, within=".tap-checklist")
        save_screenshot(page, name)
        authors.locator("xpath=ancestor::section[1]").screenshot(path=str(SCREENSHOTS / f"{name}-panel.png"))

        click_and_load(page, page.get_by_role("button", name=re.compile("^Нобайды сақтау")).first)
        assert re.search(rf"/admin/pages/{post.pk}/edit/", page.url)
        draft = BlogPostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
        assert teacher in draft.authors.all() and category in draft.categories.all()
        # The saved choice comes back ticked, at the top of its list.
        assert authors.locator("input:checked").first.is_visible()
        assert authors.locator(f"input[value='{teacher.pk}']").is_checked()
        save_screenshot(page, name + "-saved")
        # The admin's account menu asks gravatar.com for the user's picture: outside this machine, so it fails here.
        allow_console_errors(page, "ERR_NAME_NOT_RESOLVED")
        assert page.console_errors == []
    finally:
        context.close()
