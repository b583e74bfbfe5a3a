"""site/locale_allauth/kk: Kazakh for the django-allauth messages teachers see (allauth ships ru, not kk)."""

import re
from pathlib import Path

import allauth
import polib
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "site" / "locale_allauth" / "kk" / "LC_MESSAGES" / "django.po"
SITE_CATALOGUE = ROOT / "site" / "locale" / "kk" / "LC_MESSAGES" / "django.po"
ALLAUTH_CATALOGUE = Path(allauth.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def keys(catalogue):
    return {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}


def test_every_entry_is_translated_and_compiled():
    source = polib.pofile(str(CATALOGUE))
    assert source.untranslated_entries() == [] and source.fuzzy_entries() == []
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    assert {(e.msgctxt, e.msgid): e.msgstr for e in compiled} == {(e.msgctxt, e.msgid): e.msgstr for e in source}


def test_every_msgid_is_one_allauth_uses():
    """A typo would silently never match; an allauth upgrade that renames a message shows up here."""
    assert keys(polib.pofile(str(CATALOGUE))) - keys(polib.pofile(str(ALLAUTH_CATALOGUE))) == set()


def test_placeholders_and_markup_survive():
    for entry in polib.pofile(str(CATALOGUE)):
        for pattern in (r"%\(\w+\)s|%s|%d", r"</?\w+"):
            assert sorted(re.findall(pattern, entry.msgid)) == sorted(re.findall(pattern, entry.msgstr)), entry.msgid


def test_the_sign_in_form_speaks_kazakh():
    from allauth.account.forms import LoginForm

    with translation.override("kk"):
        form = LoginForm()
        assert str(form.fields["password"].label) == "Құпиясөз"
        heading = "Sign In"  # allauth's msgid (a variable, so that makemessages leaves it to allauth's catalogue)
        assert translation.gettext(heading) == "Кіру"
