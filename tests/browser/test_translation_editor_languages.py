"""wagtail-localize's translation editor in the editor's own admin language, on a phone, in a real Chromium (issue 18).

Its React editor writes two texts without gettext (each tab's "<source> to <target> translation" and the footer's
"More actions"); editors/static/editors/localize_strings.js puts their translations in place, also after React
draws them again. The Russian editor must not fall back to Kazakh either: wagtail-localize's JavaScript catalogue,
loaded after Wagtail's, used to fill Wagtail's messages from kk (site/locale_admin/README.md).
"""

import re
from pathlib import Path

import polib
import pytest
import wagtail_localize

from tests.browser.conftest import PHONE, open_page
from tests.browser.support import allow_console_errors, assert_fits_width, save_screenshot, sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADING = {"kk": "Аударма: Қазақша → Русский", "ru": "Перевод: Қазақша → Русский"}
MORE_ACTIONS = {"kk": "Басқа әрекеттер", "ru": "Больше действий"}
ADMIN_JS = Path(__file__).resolve().parents[2] / "site" / "locale_admin"

# Every text and accessible name in the page: text nodes (screen-reader-only ones included), labels, titles.
TEXTS = """() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        const text = walker.currentNode.nodeValue.trim();
        if (text && parent && !["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"].includes(parent.tagName)) found.push(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
            if (element.getAttribute(name)) found.push(element.getAttribute(name).trim());
        }
    }
    return found;
}"""


def english_messages():
    """wagtail-localize's JavaScript messages in English, and the two texts its editor writes without gettext."""
    catalogue = Path(wagtail_localize.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
    messages = {entry.msgid.strip() for entry in polib.pofile(str(catalogue)) if entry.msgid}
    return messages | {"More actions"}


def kazakh_script_messages():
    """What the admin's scripts say in Kazakh: none of it belongs in the Russian admin."""
    catalogue = polib.pofile(str(ADMIN_JS / "kk" / "LC_MESSAGES" / "djangojs.po"))
    return {entry.msgstr for entry in catalogue if entry.msgstr}


def english_left(texts):
    english = english_messages()
    return sorted(
        {
            text
            for text in texts
            if text in english
            or re.fullmatch(r".+ to .+ translation", text)
            or text.startswith(("Publish in ", "Translate with ", "Translated manually on "))
        }
    )


@pytest.fixture
def translation(school):
    """A published Kazakh post of the school, translated into Russian with wagtail-localize by its editor."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale
    from wagtail_localize.operations import TranslationCreator

    from network.factories import add_post
    from network.models import BlogPostPage

    post = add_post(school["blog"], "Әдістемелік апта", intro="Мұғалімдер ашық сабақтар өткізді.")
    editor = get_user_model().objects.get(username="editor-demo")
    TranslationCreator(editor, [Locale.objects.get(language_code="ru")]).create_translations(post)
    return BlogPostPage.objects.get(translation_key=post.translation_key, locale__language_code="ru")


def sign_in(page, url, username, language):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    from demo.editors import PASSWORD

    user = get_user_model().objects.get(username=username)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    sign_in_to_admin(page, url, username, PASSWORD)


def headings(page):
    return [text.strip() for text in page.locator(".js-translation-editor h3:visible").all_inner_texts()]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_translation_editor_speaks_the_editors_language(translation, live_server, chromium, language):
    context, page = open_page(chromium, PHONE)
    try:
        sign_in(page, live_server.url, "editor-demo", language)
        page.goto(f"{live_server.url}/admin/pages/{translation.pk}/edit/")
        editor = page.locator(".js-translation-editor")
        editor.locator("textarea, button").first.wait_for()

        assert HEADING[language] in headings(page)
        assert page.locator("footer .w-dropdown__toggle .w-sr-only").first.inner_text() == MORE_ACTIONS[language]
        assert english_left(page.evaluate(TEXTS)) == []
        save_screenshot(page, f"translation-editor-{language}-390")

        # React draws the segment again when it is translated, and the other tab when it is opened.
        editor.get_by_role("button", name=page.evaluate("gettext('Translate')")).first.click()
        editor.locator("textarea").fill("Методическая неделя")
        editor.get_by_role("button", name=page.evaluate("gettext('Save')")).click()
        editor.locator("textarea").wait_for(state="detached")
        page.locator(".js-translation-editor [role=tab]").nth(1).click()
        assert HEADING[language] in headings(page)
        texts = page.evaluate(TEXTS)
        assert english_left(texts) == []
        if language == "ru":
            assert "Поиск" in texts
            kazakh = kazakh_script_messages() & set(texts)
            assert kazakh == set(), "the Russian editor shows the Kazakh admin's script messages"
        assert_fits_width(page)
        # The admin's account menu asks gravatar.com for the user's picture: outside this machine, so it fails here.
        allow_console_errors(page, "ERR_NAME_NOT_RESOLVED")
        assert page.console_errors == []
    finally:
        context.close()
