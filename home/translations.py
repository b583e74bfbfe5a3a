"""Which language versions of the current page exist, for the switcher, hreflang and the 404 page."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    exact: bool  # False when the link leads to the nearest translated ancestor instead


def language_links(request, page=None):
    """One link per site language: the same page in that language, or its nearest translated ancestor."""
    current = get_language()
    if page is None:
        return [
            LanguageLink(code, name, translate_url(request.get_full_path(), code), code == current, True)
            for code, name in settings.LANGUAGES
        ]

    # One query for every translation of the page and of its ancestors (the lineage is a subquery). The trees of
    # the languages are translations of each other, so a translation's depth is its source's.
    lineage = page.get_ancestors(inclusive=True).filter(depth__gt=1).values("translation_key")
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=lineage, depth__lte=page.depth)
        .select_related("locale")
        .only("id", "url_path", "translation_key", "locale__language_code", "depth")
    )
    best = {}
    page_code = None
    for candidate in candidates:
        code = candidate.locale.language_code
        if candidate.pk == page.pk:
            page_code = code
        rank = candidate.depth
        if code not in best or rank > best[code][0]:
            best[code] = (rank, candidate)

    site = Site.find_for_request(request)
    links = []
    for code, name in settings.LANGUAGES:
        if code == (page_code or page.locale.language_code):  # the page's own row saves a query for its locale
            links.append(LanguageLink(code, name, page.get_url(request), True, True))
        elif code in best:
            rank, target = best[code]
            url = target.get_url(request, current_site=site)
            links.append(LanguageLink(code, name, url, code == current, rank == page.depth))
    return links


def untranslated_page_alternatives(request):
    """For a 404 under /<lang>/: the pages in other languages that live at the same path."""
    parts = request.path.strip("/").split("/")
    codes = [code for code, _name in settings.LANGUAGES]
    if not parts or parts[0] not in codes:
        return []
    requested, rest = parts[0], parts[1:]
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    alternatives = []
    for code, name in settings.LANGUAGES:
        if code == requested:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        localized_root = root.get_translation_or_none(locale)
        if localized_root is None:
            continue
        url_path = localized_root.url_path + "/".join(rest) + ("/" if rest else "")
        page = Page.objects.live().public().filter(url_path=url_path, locale=locale).first()
        if page is not None:
            alternatives.append(LanguageLink(code, name, page.get_url(request), False, True))
    return alternatives


def titles_in_language(pages, language=None):
    """{page pk: its title in `language`} for pages of any tree (a school, a region), in one query.

    The review keeps the Kazakh school and region of a submission; the Russian admin and a Russian conclusion
    name them as their Russian pages do. A page not translated into the language keeps its own title.
    """
    pages = [page for page in pages if page is not None]
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    titles = {page.pk: page.title for page in pages}
    keys = {page.translation_key for page in pages if page.locale_id is not None}
    if not keys:
        return titles
    translated = dict(
        Page.objects.filter(translation_key__in=keys, locale__language_code=language).values_list(
            "translation_key", "title"
        )
    )
    for page in pages:
        titles[page.pk] = translated.get(page.translation_key, page.title)
    return titles
