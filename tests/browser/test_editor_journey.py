"""A school editor's whole journey in a real Chromium (issue 18), in the Wagtail admin at 1280 px, in Kazakh: a post
with an image, submitted to the school's moderation, changes requested with a comment, the comment seen on the page
and the post resubmitted, approved and published; then its Russian translation made segment by segment with
wagtail-localize and submitted for moderation, not public until the moderator approves it, and then reached from the
Kazakh page's language switcher. The public pages are checked at 390 px.

The editor and the moderator are load_demo's (demo/editors.py), in browsers of their own.
"""

import json
import re

import pytest

from tests.browser.conftest import DESKTOP, open_page
from tests.browser.support import assert_fits_width, assert_no_serious_axe_violations, save_screenshot, sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE_KK = "Жазғы лагерь: зерттеу жобалары"
INTRO_KK = "Оқушылар жазғы лагерьде зерттеу жобаларын қорғады."
TITLE_RU = "Летний лагерь: исследовательские проекты"
INTRO_RU = "Ученики защитили исследовательские проекты в летнем лагере."
SLUG_RU = "letnij-lager"
REQUEST = "Суретке оқушылардың жобалары туралы бір сөйлем қосыңыз."


def image_file(tmp_path):
    from PIL import Image

    path = tmp_path / "lager.png"
    Image.new("RGB", (640, 400), (24, 110, 140)).save(path)
    return path


class Admin:
    """One person in the admin, in a desktop browser of their own."""

    def __init__(self, chromium, url, username):
        from demo.editors import PASSWORD

        self.context, self.page = open_page(chromium, DESKTOP)
        self.errors = []
        # The console's refusals, with the address that refused: Wagtail's autosave posts the form in the
        # background and is told 400 when a submission has meanwhile made its revision stale.
        self.page.on("console", lambda m: m.type == "error" and self.errors.append((m.text, m.location.get("url", ""))))
        self.url = url
        sign_in_to_admin(self.page, url, username, PASSWORD)

    def __repr__(self):
        return f"<Admin {self.page.url} console={self.errors}>"

    def messages(self):
        return self.page.locator(".messages").inner_text()

    def more_actions(self):
        self.page.locator("footer .w-dropdown__toggle").click()

    def close(self):
        autosave = re.compile(r"/admin/pages/(add/[\w/]+|\d+/edit)/$")
        others = [
            (text, where) for text, where in self.errors if not ("status of 400" in text and autosave.search(where))
        ]
        self.context.close()
        assert others == [], f"console errors in the admin: {others}"


def translate_segment(page, button, text):
    """wagtail-localize's segment editor: the next untranslated segment, its text, saved."""
    editor = page.locator(".js-translation-editor")
    editor.get_by_role("button", name=button, exact=True).first.click()
    editor.locator("textarea").fill(text)
    editor.get_by_role("button", name=said_in_script("kk", "Save")).click()
    editor.locator("textarea").wait_for(state="detached")


def said(language, message):
    from django.utils import translation

    with translation.override(language):
        return str(translation.gettext(message))


def said_in_script(language, message):
    """What the admin's scripts (wagtail-localize's segment editor) say, from the JavaScript catalogues."""
    from django.utils.translation.trans_real import DjangoTranslation

    return DjangoTranslation(language, domain="djangojs").gettext(message)


def test_an_editor_publishes_a_post_through_moderation_and_translates_it(
    school, live_server, chromium, phone_page, tmp_path
):
    from wagtail.models import WorkflowState

    from network.models import BlogPostPage

    url = live_server.url
    editor = Admin(chromium, url, "editor-demo")
    page = editor.page

    # A Kazakh post with an image uploaded from the chooser.
    page.goto(f"{url}/admin/pages/{school['blog'].pk}/add_subpage/")
    page.wait_for_url(re.compile(r"/admin/pages/add/network/blogpostpage/\d+/$"))
    page.fill("#id_title", TITLE_KK)
    page.fill("#id_intro", INTRO_KK)
    page.locator("button.chooser__choose-button").first.click()
    page.locator(".modal-dialog a[role=tab][href='#tab-upload']").click()
    page.fill("#id_image-chooser-upload-title", "Жазғы лагерь")
    page.set_input_files("#id_image-chooser-upload-file", str(image_file(tmp_path)))
    page.fill("#id_image-chooser-upload-description", "Оқушылар жобаларын көрсетіп тұр")
    page.locator(".modal-dialog form button[type=submit]").click()
    page.locator(".modal-dialog").wait_for(state="detached")
    # No pause: Wagtail's autosave may still be creating the page in the background when Submit is pressed; the
    # submission then continues the page the autosave made (network/page_creation_views.py), and there is one post.
    editor.more_actions()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(f"{url}/admin/pages/{school['blog'].pk}/")
    post = BlogPostPage.objects.get(title=TITLE_KK)
    assert post.image is not None and not post.live
    save_screenshot(page, "editor-01-submitted-kk-1280")
    assert post.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The moderator asks for changes, with a comment.
    moderator = Admin(chromium, url, "moderator-demo")
    mod = moderator.page
    mod.goto(f"{url}/admin/pages/{post.pk}/edit/")
    moderator.more_actions()
    mod.locator("footer button[data-workflow-action-name=reject]").click()
    mod.fill(".modal-dialog textarea[name=comment]", REQUEST)
    mod.locator(".modal-dialog button[type=submit]").click()
    mod.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    post.refresh_from_db()
    assert post.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The editor sees the comment on the page itself, changes the summary and resubmits.
    page.goto(f"{url}/admin/pages/{post.pk}/edit/")
    assert REQUEST in editor.messages()
    save_screenshot(page, "editor-02-changes-requested-kk-1280")
    page.fill("#id_intro", INTRO_KK + " Жобалар мектеп көрмесінде көрсетілді.")
    editor.more_actions()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(f"{url}/admin/pages/{school['blog'].pk}/")
    post.refresh_from_db()
    assert post.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and not post.live

    # The moderator approves and publishes ("Approve and publish", the only way to publish offered).
    mod.goto(f"{url}/admin/pages/{post.pk}/edit/")
    assert mod.locator("footer button[name=action-publish]").count() == 0
    moderator.more_actions()
    mod.locator("footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    mod.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    told = moderator.messages()
    assert said("kk", "The page «%(title)s» has been approved and published.") % {"title": TITLE_KK} in told, told
    assert said("kk", "Page '%(page_title)s' has been updated.") % {"page_title": TITLE_KK} not in told
    post.refresh_from_db()
    assert post.live and post.intro.endswith("көрмесінде көрсетілді.")
    phone_page.goto(url + post.url)
    assert phone_page.locator("h1").inner_text().strip() == TITLE_KK
    assert phone_page.locator("main img").count() >= 1
    assert_fits_width(phone_page)
    assert_no_serious_axe_violations(phone_page)
    save_screenshot(phone_page, "editor-03-published-kk-390")

    # The editor translates it into Russian: "Translate this page" in the page's actions, then segment by segment.
    page.goto(f"{url}/admin/pages/{post.pk}/edit/")
    page.locator(f"header button[aria-label='{said('kk', 'Actions')}']").first.click()
    page.locator(f"[data-tippy-root] a[href='/admin/localize/submit/page/{post.pk}/']").click()
    page.check(f"input[name=locales][value='{_locale('ru').pk}']")
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    russian = BlogPostPage.objects.get(translation_key=post.translation_key, locale__language_code="ru")
    assert not russian.live
    translate = said_in_script("kk", "Translate")
    translate_segment(page, translate, TITLE_RU)
    translate_segment(page, translate, INTRO_RU)
    page.locator(".js-translation-editor [role=tab]").nth(1).click()  # the Promote tab: the slug
    translate_segment(page, translate, SLUG_RU)
    save_screenshot(page, "editor-04-translated-ru-1280")
    with page.expect_navigation(url=f"{url}/admin/pages/{russian.pk}/edit/"):
        page.locator(".editors-translation-moderation button[type=submit]").click()
    russian = BlogPostPage.objects.get(pk=russian.pk)
    assert russian.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not russian.live

    # Not public: the Russian address answers 404, and the Kazakh page's switcher does not lead to the draft.
    draft_url = russian.get_latest_revision_as_object().url
    assert draft_url.endswith(f"/{SLUG_RU}/")
    assert phone_page.request.get(url + draft_url).status == 404
    phone_page.goto(url + post.url)
    assert SLUG_RU not in (phone_page.locator(".language-switcher a[hreflang=ru]").get_attribute("href") or "")

    # In the translation editor the moderator has no "Publish in Русский" (it would bypass the workflow), but the
    # workflow's own actions.
    mod.goto(f"{url}/admin/pages/{russian.pk}/edit/")
    props = json.loads(mod.locator(".js-translation-editor").get_attribute("data-props"))
    assert props["perms"]["canPublish"] is False
    assert mod.locator(".editors-translation-review button[data-workflow-action=approve]").is_visible()
    assert mod.locator(".editors-translation-review button[data-workflow-action=reject]").is_visible()
    save_screenshot(mod, "editor-05a-translation-review-kk-1280")

    # The moderator approves it from the dashboard's "awaiting your review", and is told it is published.
    mod.goto(f"{url}/admin/")
    row = mod.locator("tr", has=mod.locator(f"a[href='/admin/pages/{russian.pk}/edit/']"))
    row.locator(".w-dropdown__toggle").click()
    row.locator("[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    mod.locator(".messages").wait_for()
    assert said("kk", "The page «%(title)s» has been approved and published.") % {"title": TITLE_RU} in (
        moderator.messages()
    )
    save_screenshot(mod, "editor-05-translation-approved-1280")
    russian = BlogPostPage.objects.get(pk=russian.pk)
    assert russian.live and russian.title == TITLE_RU and russian.intro == INTRO_RU
    moderator.close()
    editor.close()

    # The Russian page is live and the Kazakh page's switcher leads to it, on a phone.
    phone_page.goto(url + post.url)
    phone_page.locator(".language-switcher a[hreflang=ru]").click()
    phone_page.wait_for_url(url + russian.url)
    assert russian.url.endswith(f"/{SLUG_RU}/")
    assert phone_page.locator("h1").inner_text().strip() == TITLE_RU
    assert phone_page.locator("html").get_attribute("lang") == "ru"
    assert_fits_width(phone_page)
    assert_no_serious_axe_violations(phone_page)
    save_screenshot(phone_page, "editor-06-live-ru-390")


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)
