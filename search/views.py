import datetime
import re

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from visitors.counting import may_log_query
from visitors.models import HiddenSearchTerm

from . import indexing, suggestions
from . import query as search_query
from .models import ContentKind
from .params import ORDERS, SearchParams
from .tasks import log_query_task
from .text import CONFIGURATIONS

POPULAR_DAYS = 30
POPULAR_SIZE = 8
POPULAR_CACHE_SECONDS = 600
# A term is shown as popular only once this many distinct visitors searched it (each visitor counts once a day).
POPULAR_MIN_VISITORS = 3
FALLBACK_SNIPPET_WORDS = 40
KAZAKH_LETTERS = re.compile("[әғқңөұүһі]", re.IGNORECASE)
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
LATIN = re.compile("[a-z]", re.IGNORECASE)


def current_language():
    language = (translation.get_language() or "kk")[:2]
    return language if language in CONFIGURATIONS else "kk"


def editors_picks(query_string, language, request):
    """The editors' picks for this query whose page is in the visitor's language, and external links (one query)."""
    normalised = normalise_query_string(query_string)
    if not normalised:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .filter(Q(page__isnull=True) | Q(page__locale__language_code=language, page__live=True))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    picks = []
    for promotion in promotions:
        url = promotion.page.get_url(request) if promotion.page_id else promotion.external_link_url
        picks.append({"title": promotion.title, "url": url, "description": promotion.description})
    return picks


def _in_language(query_string, language):
    """Whether a logged query is written in the visitor's language's script (the log does not record language)."""
    if language == "en":
        return bool(LATIN.search(query_string)) and not CYRILLIC.search(query_string)
    if language == "ru":
        return bool(CYRILLIC.search(query_string)) and not KAZAKH_LETTERS.search(query_string)
    return bool(CYRILLIC.search(query_string))


def popular_queries(language):
    """The most searched queries of the last 30 days that several visitors searched, that editors have not hidden
    and that find something in the visitor's language, cached for ten minutes."""
    key = f"search:popular:{language}"
    popular = cache.get(key)
    if popular is None:
        since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
        strings = (
            Query.get_most_popular(date_since=since)
            .filter(_hits__gte=POPULAR_MIN_VISITORS)
            .exclude(query_string__in=HiddenSearchTerm.objects.values("query_string"))
            .values_list("query_string", flat=True)[:100]
        )
        candidates = [string for string in strings if _in_language(string, language)][: POPULAR_SIZE * 3]
        if indexing.is_supported():
            candidates = suggestions.with_results(candidates, language)
        else:
            locale = Locale.objects.filter(language_code=language).first()
            pages = Page.objects.live().public().filter(locale=locale)
            candidates = [string for string in candidates if pages.search(string).count()]
        popular = candidates[:POPULAR_SIZE]
        cache.set(key, popular, POPULAR_CACHE_SECONDS)
    return popular


def log_query(request, query_string):
    """Add a hit to the query log, within the bounds of visitors.counting.may_log_query (no bots, once per visitor,
    term and day, a per-visitor hourly limit, a daily cap of new terms)."""
    normalised = normalise_query_string(query_string)
    if not normalised:
        return
    if may_log_query(request, normalised, lambda: not Query.objects.filter(query_string=normalised).exists()):
        log_query_task.enqueue(query_string)


@never_cache
@require_GET
def search(request):
    params = SearchParams.from_request(request)
    language = current_language()
    context = {"search_query": params.query, "params": params, "language": language, "errors": params.errors}

    if not params.query:
        context["popular"] = popular_queries(language)
        return TemplateResponse(request, "search/search.html", context)

    if not indexing.is_supported():
        return fallback_search(request, params, context)

    found = search_query.run(params, language, request.GET.get("page"), request)
    context.update(found)
    context["picks"] = editors_picks(params.query, language, request)
    context["order_urls"] = {order: params.as_query(order=order if order != "relevance" else None) for order in ORDERS}
    context["clear_filters_url"] = SearchParams(query=params.query, order=params.order).as_query()
    if not found["total"]:
        context["suggestion"] = suggestions.spelling_suggestion(params.query, language)
        if context["suggestion"]:
            context["suggestion_url"] = SearchParams(query=context["suggestion"]).as_query()
        context["popular"] = popular_queries(language)
    log_query(request, params.query)
    return TemplateResponse(request, "search/search.html", context)


def fallback_result(page, request):
    """A result of Wagtail's backend in the same shape as the index's: kind, date and a snippet from the summary."""
    indexed = indexing.kind_for(type(page))
    kind = indexed.kind if indexed else ContentKind.PAGE
    summary, _body = indexing.page_texts(page)
    snippet = Truncator(summary or page.search_description or _body).words(FALLBACK_SNIPPET_WORDS)
    return search_query.Result(
        kind=kind,
        kind_label=dict(ContentKind.choices).get(kind, kind),
        title=page.title,
        url=page.get_url(request),
        date=indexed.date(page) if indexed else None,
        snippet=snippet,
    )


def fallback_search(request, params, context):
    """Without PostgreSQL (the SQLite quick start): Wagtail's database backend, no facets."""
    results = Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(params.query)
    page = Paginator(results, search_query.PER_PAGE).get_page(request.GET.get("page"))
    context.update(
        fallback=True,
        results_page=page,
        results=[fallback_result(result, request) for result in page],
        total=page.paginator.count,
        picks=editors_picks(params.query, context["language"], request),
    )
    if not page.paginator.count:
        context["popular"] = popular_queries(context["language"])
    log_query(request, params.query)
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def autocomplete(request):
    """Titles matching what the visitor is typing, for the search box's suggestion list (JSON)."""
    typed = request.GET.get("query", "")
    if not indexing.is_supported():
        titles = (
            [
                {"title": page.title, "url": page.get_url(request), "kind": ""}
                for page in Page.objects.live()
                .public()
                .filter(locale=Locale.get_active())
                .autocomplete(typed)[: suggestions.AUTOCOMPLETE_SIZE]
            ]
            if len(typed.strip()) >= 2
            else []
        )
    else:
        titles = suggestions.autocomplete(typed, current_language(), request)
    response = JsonResponse({"query": typed, "results": titles})
    response["Cache-Control"] = "public, max-age=60"
    return response
