"""The project's own UI catalogues are complete in kk and ru, and the committed .mo files match them."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "site" / "locale"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_message_is_translated(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


def translations(catalogue):
    """What a .po or .mo file translates, comparable between the two."""
    return {
        (entry.msgctxt, entry.msgid): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
        for entry in catalogue
        if entry.msgid and not entry.obsolete and "fuzzy" not in entry.flags
    }


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_compiled_catalogue_matches_its_source(language):
    source = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    compiled = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    assert translations(compiled) == translations(source), (
        "run: python manage.py compilemessages (or commit the .mo files)"
    )


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="makemessages needs GNU gettext")
def test_the_catalogues_hold_every_message_of_the_code_and_no_other(tmp_path, settings, monkeypatch):
    """A new translatable string that nobody extracted would reach kk and ru visitors in English.

    makemessages writes into every `locale` directory it finds beside the files it reads, so it runs on a copy.
    """
    source = tmp_path / "project"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "staticfiles",
            "media",
            "private",
            "node_modules",
            "__pycache__",
            "*.sqlite3",
            ".test-*",
            "*-media",
            "browser-screenshots",
        ),
    )
    settings.LOCALE_PATHS = [str(source / "site" / "locale")]
    monkeypatch.chdir(source)
    call_command("makemessages", locale=["kk"], verbosity=0)

    def keys(path):
        return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}

    extracted = keys(source / "site" / "locale" / "kk" / "LC_MESSAGES" / "django.po")
    committed = keys(LOCALE_DIR / "kk" / "LC_MESSAGES" / "django.po")
    assert extracted - committed == set(), "run makemessages -l kk -l ru and translate the new messages"
    assert committed - extracted == set(), "run makemessages -l kk -l ru: these messages are no longer used"
