"""One concept, one name: no catalogue and no demo text uses a variant that docs/glossary.md lists as wrong."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
CATALOGUES = {
    "kk": [
        ROOT / "site" / "locale" / "kk" / "LC_MESSAGES" / "django.po",
        ROOT / "site" / "locale_admin" / "kk" / "LC_MESSAGES" / "django.po",
        ROOT / "site" / "locale_allauth" / "kk" / "LC_MESSAGES" / "django.po",
    ],
    "ru": [ROOT / "site" / "locale" / "ru" / "LC_MESSAGES" / "django.po"],
}
DEMO_SOURCES = [
    "demo/home.py",
    "demo/skeleton.py",
    "demo/network.py",
    "demo/national.py",
    "demo/workflows.py",
    "demo/accounts.py",
    "demo/editors.py",
    "network/factories.py",
]


def glossary_rows():
    """The table's rows as dicts keyed by its header."""
    lines = [line.strip() for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(header, (cell.strip() for cell in line.strip("|").split("|")), strict=True)) for line in lines[2:]]


def wrong_variants(language):
    return {
        variant.strip(): row["concept"]
        for row in glossary_rows()
        for variant in row[f"wrong in {language}"].split(";")
        if variant.strip()
    }


def translations(path):
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                yield entry.msgid, text


def test_the_glossary_names_every_concept_in_three_languages():
    rows = glossary_rows()
    assert len(rows) >= 10
    assert all(row["en"] and row["kk"] and row["ru"] for row in rows)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_catalogue_uses_a_wrong_variant(language):
    wrong = wrong_variants(language)
    found = [
        f"{path.relative_to(ROOT)}: {msgid!r} → {text!r} uses {variant!r} ({wrong[variant]})"
        for path in CATALOGUES[language]
        if path.exists()
        for msgid, text in translations(path)
        for variant in wrong
        if variant in text
    ]
    assert found == []


def test_no_demo_text_uses_a_wrong_variant():
    wrong = {**wrong_variants("kk"), **wrong_variants("ru")}
    found = [
        f"{source}:{number}: {variant!r} ({wrong[variant]})"
        for source in DEMO_SOURCES
        for number, line in enumerate((ROOT / source).read_text(encoding="utf-8").splitlines(), 1)
        for variant in wrong
        if variant in line
    ]
    assert found == []
