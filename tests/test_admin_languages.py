"""The admin speaks the user's language only: no Kazakh leaks into the Russian admin.

Django's gettext falls back to LANGUAGE_CODE (kk) for a message the active language's catalogues lack, so every
Wagtail message translated in site/locale_admin/kk must also have a Russian translation somewhere (Wagtail's,
Django's, wagtail-localize's or site/locale_admin/ru); otherwise the Russian admin shows the Kazakh one.
"""

from pathlib import Path

import polib
import pytest
from django.utils.translation import trans_real

from tests.test_admin_kazakh import visible_text

ROOT = Path(__file__).resolve().parent.parent
ADMIN = ROOT / "site" / "locale_admin"


def key(entry):
    message = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    return (message, 0) if entry.msgid_plural else message


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_kazakh_admin_message_has_its_own_russian_translation(domain):
    russian = trans_real.DjangoTranslation("ru", domain=domain)._catalog  # without the fallback to kk
    kazakh = polib.pofile(str(ADMIN / "kk" / "LC_MESSAGES" / f"{domain}.po"))
    leaking = [entry.msgid for entry in kazakh if not entry.obsolete and russian.get(key(entry)) is None]
    assert leaking == [], f"the Russian admin would show these in Kazakh: add them to locale_admin/ru: {leaking}"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_russian_admin_catalogue_is_translated_and_compiled(domain):
    source = polib.pofile(str(ADMIN / "ru" / "LC_MESSAGES" / f"{domain}.po"))

    def translated(entry):
        return all(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)

    def text(entry):
        return (entry.msgid, entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))

    assert [entry.msgid for entry in source if not translated(entry) or "fuzzy" in entry.flags] == []
    compiled = polib.mofile(str(ADMIN / "ru" / "LC_MESSAGES" / f"{domain}.mo"))
    assert {text(entry) for entry in compiled} == {text(entry) for entry in source}


@pytest.mark.django_db
def test_a_russian_speaking_editor_sees_no_kazakh_in_the_page_explorer(client, demo_network, django_user_model):
    from wagtail.users.models import UserProfile

    from network.models import LeadingSchoolPage, SchoolWorkspace

    school = LeadingSchoolPage.objects.get(slug="school-54", locale__language_code="kk")
    user = django_user_model.objects.create_user("ru_editor", "ru_editor@school.kz", "pass-for-tests")
    user.groups.add(SchoolWorkspace.objects.get(translation_key=school.translation_key).editors)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "ru"})
    client.force_login(user)
    explorer = visible_text(client.get(f"/admin/pages/{school.pk}/"))
    assert "1–3 из 3" in explorer
    assert "Барлығы" not in explorer and "көрсетілгені" not in explorer


def served_catalogue(response):
    from tests.test_admin_kazakh import javascript_catalogue

    return javascript_catalogue(response)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/jsi18n/", "/admin/localize/jsi18n/"])
def test_the_russian_admins_javascript_catalogues_hold_no_kazakh(client, admin_user, url):
    """Each JavaScript catalogue view serves one package's messages (wagtail.admin, wagtail_localize) and fills the
    rest from LANGUAGE_CODE, kk. The translation editor loads both, wagtail-localize's last: without a Russian entry
    for every Kazakh one, its Kazakh copies of Wagtail's messages replaced the Russian ones («Іздеу» in the sidebar).
    The catalogue above, with every app's messages, does not see this: the views do."""
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": "ru"})
    client.force_login(admin_user)
    served = served_catalogue(client.get(url))
    russian = polib.pofile(str(ADMIN / "ru" / "LC_MESSAGES" / "djangojs.po"))

    def text(entry):
        if entry.msgid_plural:
            return [entry.msgstr_plural[form] for form in sorted(entry.msgstr_plural)]
        return entry.msgstr

    kazakh = [entry for entry in polib.pofile(str(ADMIN / "kk" / "LC_MESSAGES" / "djangojs.po")) if entry.msgid]
    wrong = {
        entry.msgid: served.get(entry.msgid)
        for entry in kazakh
        if served.get(entry.msgid) != text(russian.find(entry.msgid, msgctxt=entry.msgctxt))
    }
    assert wrong == {}, "served in another language than Russian"
    assert served["Search"] == "Поиск" and served["Translate"] == "Перевести"


@pytest.mark.django_db
def test_the_help_menu_speaks_each_users_language(client, django_user_model):
    """Wagtail formats the help menu's "What's new in Wagtail 8.0" once per process: the second user read it in the
    first one's language (editors/wagtail_hooks.py makes it lazy again)."""
    import json

    from bs4 import BeautifulSoup
    from wagtail.users.models import UserProfile
    from wagtail.utils.version import get_main_version

    version = get_main_version(include_patch=False)

    def sidebar(language):
        user = django_user_model.objects.create_superuser(f"help_{language}", f"{language}@school.kz", "pass-for-tests")
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
        client.force_login(user)
        page = BeautifulSoup(client.get("/admin/").content, "html.parser")
        return json.dumps(json.loads(page.find(id="wagtail-sidebar-props").string), ensure_ascii=False)

    assert f"Wagtail {version} нұсқасындағы жаңалықтар" in sidebar("kk")
    russian = sidebar("ru")
    assert f"Что нового в Wagtail {version}" in russian and "нұсқасындағы" not in russian
    assert f"What's new in Wagtail {version}" in sidebar("en")
