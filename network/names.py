"""People's names on public pages: as written in their documents, in Latin letters on English pages.

The Latin form is anyascii's transliteration (Ә→A, Қ→Q, Ж→Zh) unless a stored form corrects it
(`Teacher.latin_name`, `TeacherProfile.latin_name`).
"""

from anyascii import anyascii
from django.utils.translation import get_language

SIGNS = str.maketrans("", "", "ЬьЪъ")


def latin_form(name):
    """A first Latin spelling of a Cyrillic name, to be corrected by hand where the person spells it otherwise."""
    # anyascii writes the soft and hard signs as apostrophes ("Ol'ga"); Kazakhstan's documents leave them out.
    return anyascii((name or "").translate(SIGNS)).strip()


def person_name(name, latin="", language=None):
    """`name` for a page in `language` (the active one by default): the Latin form on English pages."""
    language = (language or get_language() or "kk")[:2]
    if language == "en":
        return latin or latin_form(name)
    return name


def in_page_language(obj, field):
    """The value of `field` in the active language: `field_ru`/`field_en` beside a Kazakh `field`.

    The README's one way for what wagtail-localize does not translate (snippets, and the inline rows it copies
    from the Kazakh page unchanged): three fields on one row, read in the page's language, Kazakh the fallback.
    """
    language = (get_language() or "kk")[:2]
    return (getattr(obj, f"{field}_{language}", "") if language != "kk" else "") or getattr(obj, field)
