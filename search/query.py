"""Running a search against the index: the visitor's parameters, facet counts, one page of ranked results with
highlighted snippets, spelling suggestions and autocomplete. Every function issues a fixed number of queries."""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from network.models.base import parse_int
from network.vocabulary import Direction, ResourceKind, Subject

from .models import ContentKind, SearchEntry, SearchWord
from .text import (
    CONFIGURATIONS, autocomplete_prefix, fold, highlight_query, kazakh_stem, normalise_query, split_phrases, words,
)

PER_PAGE = 10
# Deep pages cost an OFFSET scan and nobody reads them: facets narrow instead.
MAX_RESULTS = 1000
MAX_QUERY_LENGTH = 200
SCHOOL_FACET_SIZE = 12
AUTOCOMPLETE_SIZE = 8
GRADES = range(0, 12)

# The marks ts_headline puts around matches: private-use characters that no text contains, replaced by <mark>
# only after the snippet has been escaped, so a page's text can never inject markup.
START, STOP = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxFragments=2, MinWords=12, MaxWords=30, "
    "FragmentDelimiter=\" … \", HighlightAll=false"
)

ORDERS = ("relevance", "date")


def _date(value):
    if not value:
        return None, False
    try:
        return datetime.date.fromisoformat(value), False
    except ValueError:
        return None, True


@dataclass
class SearchParams:
    """What the visitor asked for, validated: unknown values are dropped, bad dates reported."""

    query: str = ""
    kind: str = ""
    region: int | None = None
    school: int | None = None
    direction: str = ""
    subject: str = ""
    resource_kind: str = ""
    grade: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    order: str = "relevance"
    errors: list = field(default_factory=list)
    # Filled by run() on PostgreSQL: the word pairs of the query's phrases (see phrase_keys).
    phrase_keys: list = field(default_factory=list)

    @classmethod
    def from_request(cls, request):
        get = request.GET
        params = cls(query=" ".join(get.get("query", "").split())[:MAX_QUERY_LENGTH])
        params.kind = get.get("kind", "") if get.get("kind") in ContentKind.values else ""
        params.region = parse_int(get.get("region"))
        params.school = parse_int(get.get("school"))
        params.direction = get.get("direction", "") if get.get("direction") in Direction.values else ""
        params.subject = get.get("subject", "") if get.get("subject") in Subject.values else ""
        params.resource_kind = get.get("resource_kind", "") if get.get("resource_kind") in ResourceKind.values else ""
        params.grade = parse_int(get.get("grade"), GRADES)
        params.date_from, bad_from = _date(get.get("from"))
        params.date_to, bad_to = _date(get.get("to"))
        if bad_from or bad_to:
            params.errors.append(_("Enter dates as year-month-day, for example 2026-09-01."))
        if params.date_from and params.date_to and params.date_to < params.date_from:
            params.errors.append(_("The end of the date range comes before its start; the dates were ignored."))
            params.date_from = params.date_to = None
        params.order = get.get("order") if get.get("order") in ORDERS else "relevance"
        return params

    def filters(self):
        """SQL conditions and their parameters for the chosen facets."""
        sql, values = [], []
        for column in ("kind", "direction", "subject", "resource_kind"):
            if getattr(self, column):
                sql.append(f"{column} = %s")
                values.append(getattr(self, column))
        for column, value in (("region_id", self.region), ("school_id", self.school)):
            if value is not None:
                sql.append(f"{column} = %s")
                values.append(value)
        if self.grade is not None:
            sql.append("grade_from <= %s AND grade_to >= %s")
            values.extend([self.grade, self.grade])
        if self.date_from:
            sql.append("date >= %s")
            values.append(self.date_from)
        if self.date_to:
            sql.append("date <= %s")
            values.append(self.date_to)
        return sql, values

    @property
    def active_filters(self):
        return any(
            value not in (None, "")
            for value in (self.kind, self.region, self.school, self.direction, self.subject, self.resource_kind,
                          self.grade, self.date_from, self.date_to)
        )

    def as_query(self, **changes):
        """The query string of this search with some parameters changed (None removes one); always page 1."""
        values = {
            "query": self.query, "kind": self.kind, "region": self.region, "school": self.school,
            "direction": self.direction, "subject": self.subject, "resource_kind": self.resource_kind,
            "grade": self.grade, "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "order": self.order if self.order != "relevance" else None,
        }
        values.update(changes)
        return "?" + urlencode({key: value for key, value in values.items() if value not in (None, "")})


def _tsquery_sql(language):
    return "websearch_to_tsquery(%s::regconfig, %s)", [CONFIGURATIONS[language]]


PHRASE_KEYS_SQL = (
    "SELECT DISTINCT unnest(search_phrase_keys(to_tsvector(%s::regconfig, phrase))) FROM unnest(%s::text[]) AS phrase"
)


def phrase_keys(params, language):
    """The word pairs (migration 0005) that the query's phrases need: looked up in the index like words, so that
    only rows holding the phrase's words side by side are read (one query; none for a query without a phrase)."""
    phrases, _words = split_phrases(normalise_query(params.query, language))
    if not phrases:
        return []
    with connection.cursor() as cursor:
        cursor.execute(PHRASE_KEYS_SQL, [CONFIGURATIONS[language], phrases])
        return sorted(row[0] for row in cursor.fetchall())


def _where(params, language, shards=None):
    """The match condition; with `shards`, only the sample of rows whose shard is below it (see SearchEntry)."""
    tsquery, tsquery_params = _tsquery_sql(language)
    query_value = normalise_query(params.query, language)
    if params.phrase_keys:
        # The index finds the phrases' word pairs and the other words; the whole query is checked on the rows it
        # finds, outside the index. Both in the index, the phrase's words would be counted twice in the planner's
        # estimate, which then expects a handful of rows and stops using the shard or the facets inside the
        # index (11,000 rows read instead of 1,300 for "формативті бағалау").
        conditions = ["language = %s", "phrase_keys @> %s::text[]", f"coalesce(search_vector @@ {tsquery}, false)"]
        values = [language, params.phrase_keys, *tsquery_params, query_value]
        _phrases, other_words = split_phrases(query_value)
        if other_words:
            conditions.append(f"search_vector @@ {tsquery}")
            values.extend([*tsquery_params, other_words])
    else:
        conditions = ["language = %s", f"search_vector @@ {tsquery}"]
        values = [language, *tsquery_params, query_value]
    if shards is not None:
        # "= ANY(list)", not "< k": the planner then intersects the sample with the words inside the GIN index.
        conditions.append("shard = ANY(%s::smallint[])")
        values.append(list(range(shards)))
    filter_sql, filter_values = params.filters()
    return " AND ".join(conditions + filter_sql), values + filter_values


# A query matching more than EXACT_LIMIT rows (estimated from the 1 % probe) gets its facets and relevance from
# a sample of about SAMPLE_SIZE rows: exact counts over hundreds of thousands of rows cost seconds, and the
# ranking of that many near-identical matches means little. Counts are then shown as estimates.
SHARDS = 100
EXACT_LIMIT = 1500
SAMPLE_SIZE = 1500

PROBE_SQL = "SELECT count(*) FROM {table} WHERE {where}"


def sample_shards(params, language):
    """None for an exact search, or the number of shards (1–99) whose rows make a sample of about SAMPLE_SIZE."""
    where, values = _where(params, language)
    with connection.cursor() as cursor:
        cursor.execute(PROBE_SQL.format(table=SearchEntry._meta.db_table, where=where + " AND shard = 0"), values)
        estimate = cursor.fetchone()[0] * SHARDS
    if estimate <= EXACT_LIMIT:
        return None
    return max(1, min(SHARDS - 1, -(-SAMPLE_SIZE * SHARDS // estimate)))


FACET_SQL = """
WITH matches AS MATERIALIZED (
    SELECT kind, region_id, school_id, direction, subject, resource_kind, grade_from, grade_to, date
    FROM {table} WHERE {where}
)
SELECT 'kind', kind, count(*) FROM matches GROUP BY kind
UNION ALL SELECT 'region', region_id::text, count(*) FROM matches WHERE region_id IS NOT NULL GROUP BY region_id
UNION ALL SELECT 'school', school_id::text, count(*) FROM matches WHERE school_id IS NOT NULL GROUP BY school_id
UNION ALL SELECT 'direction', direction, count(*) FROM matches WHERE direction <> '' GROUP BY direction
UNION ALL SELECT 'subject', subject, count(*) FROM matches WHERE subject <> '' GROUP BY subject
UNION ALL SELECT 'resource_kind', resource_kind, count(*) FROM matches WHERE resource_kind <> '' GROUP BY resource_kind
UNION ALL SELECT 'grade', grade::text, count(*)
    FROM matches, generate_series(grade_from::int, grade_to::int) AS grade WHERE grade_from IS NOT NULL GROUP BY grade
UNION ALL SELECT 'year', extract(year FROM date)::int::text, count(*) FROM matches WHERE date IS NOT NULL
    GROUP BY extract(year FROM date)
"""

RESULTS_SQL = """
SELECT entry.id, entry.page_id, entry.document_id, entry.kind, entry.title, entry.date, entry.school_id,
       entry.region_id, page.url_path, document.file,
       ts_headline(%s::regconfig, entry.summary || ' ' || entry.body, {headline_query}, %s)
FROM (
    SELECT id, page_id, document_id, kind, title, summary, body, date, school_id, region_id,
           title_vector @@ {tsquery} AS title_match, ts_rank(search_vector, {tsquery}) AS rank
    FROM {table} WHERE {where}
    ORDER BY {order}
    LIMIT %s OFFSET %s
) AS entry
LEFT JOIN wagtailcore_page AS page ON page.id = entry.page_id
LEFT JOIN {documents} AS document ON document.id = entry.document_id
ORDER BY {order}
"""

ORDER_SQL = {
    "relevance": "title_match DESC, rank DESC, date DESC NULLS LAST, id DESC",
    "date": "date DESC NULLS LAST, id DESC",
}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    values: list
    clear_url: str = ""
    selected: bool = False


@dataclass
class Result:
    kind: str
    kind_label: str
    title: str
    url: str
    date: datetime.date | None
    snippet: str
    school: str = ""
    region: str = ""


def facet_counts(params, language, shards=None):
    """{facet: {value: count}}; from a sample of `shards` shards, counts are scaled up to estimates."""
    where, values = _where(params, language, shards)
    with connection.cursor() as cursor:
        cursor.execute(FACET_SQL.format(table=SearchEntry._meta.db_table, where=where), values)
        rows = cursor.fetchall()
    counts = {}
    for facet, value, count in rows:
        if shards is not None:
            count = max(1, round(count * SHARDS / shards, -1 if count * SHARDS / shards >= 100 else 0))
        counts.setdefault(facet, {})[value] = count
    return counts


def result_page(params, language, offset, limit, request, shards=None):
    """One page of results, with snippets and URLs, in one query (the URLs come from the cached site roots).
    Newest-first is exact whatever the size (an index on the date serves it); relevance uses the sample."""
    where, values = _where(params, language, shards if params.order == "relevance" else None)
    tsquery, tsquery_params = _tsquery_sql(language)
    query_value = normalise_query(params.query, language)
    if language == "kk":
        # Kazakh text is normalised only in the index: snippets match the original words by their stems' prefixes.
        headline_query, headline_params = "to_tsquery('simple', %s)", [highlight_query(params.query, language)]
        headline_config = "simple"
    else:
        headline_query, headline_params = tsquery, [*tsquery_params, query_value]
        headline_config = CONFIGURATIONS[language]
    sql = RESULTS_SQL.format(
        headline_query=headline_query, tsquery=tsquery, table=SearchEntry._meta.db_table, where=where,
        order=ORDER_SQL[params.order], documents=get_document_model()._meta.db_table,
    )
    sql_params = [
        headline_config, *headline_params, HEADLINE_OPTIONS,
        *tsquery_params, query_value, *tsquery_params, query_value,
        *values, limit, offset,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, sql_params)
        return cursor.fetchall()


def _snippet(text):
    text = " ".join((text or "").split())
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 (escaped first)


def _url(page_id, url_path, document_id, file, request):
    if page_id:
        return Page(id=page_id, url_path=url_path).get_url(request) or ""
    if document_id:
        return get_document_model()(id=document_id, file=file).url
    return ""


def build_results(rows, labels, request):
    kinds = dict(ContentKind.choices)
    results = []
    for (_id, page_id, document_id, kind, title, date, school_id, region_id, url_path, file, headline) in rows:
        results.append(Result(
            kind=kind, kind_label=kinds.get(kind, kind), title=title, url=_url(page_id, url_path, document_id, file,
                                                                              request),
            date=date, snippet=_snippet(headline), school=labels.get(school_id, "") if kind != "school" else "",
            region=labels.get(region_id, ""),
        ))
    return results


class LazyResults:
    """What Django's Paginator pages over: the total is known from the facets, the page is fetched on slicing."""

    def __init__(self, total, fetch):
        self.total = min(total, MAX_RESULTS)
        self.fetch = fetch

    def __len__(self):
        return self.total

    def count(self):
        return self.total

    def __getitem__(self, window):
        return self.fetch(window.start or 0, (window.stop or self.total) - (window.start or 0))


def build_facets(counts, params, labels):
    """Facets in display order; each value links to this search narrowed by it, each facet can be cleared."""

    def facet(name, label, param, choices, current, limit=None, sort_by_count=False):
        values = counts.get(name, {})
        items = []
        for value, count in values.items():
            title = choices.get(value) if isinstance(choices, dict) else choices(value)
            if title is None:
                continue
            items.append(FacetValue(value=value, label=str(title), count=count, url="",
                                    selected=str(current) == value))
        if sort_by_count:
            items.sort(key=lambda item: (-item.count, item.label))
        elif name in ("grade", "year"):
            items.sort(key=lambda item: int(item.value), reverse=name == "year")
        else:
            items.sort(key=lambda item: item.label)
        if limit and len(items) > limit:
            items = [item for item in items[:limit]] + [item for item in items[limit:] if item.selected]
        for item in items:  # only the values shown get a link: a common word is in every one of 750 schools
            item.url = params.as_query(**{param: item.value})
        return Facet(name=name, label=label, values=items, clear_url=params.as_query(**{param: None}),
                     selected=current not in (None, ""))

    def page_title(value):
        return labels.get(int(value))

    facets = [
        facet("kind", _("Kind of content"), "kind", dict(ContentKind.choices), params.kind, sort_by_count=True),
        facet("region", _("Region"), "region", page_title, params.region),
        facet("school", _("Leading School"), "school", page_title, params.school, limit=SCHOOL_FACET_SIZE,
              sort_by_count=True),
        facet("direction", _("Direction"), "direction", dict(Direction.choices), params.direction),
        facet("subject", _("Subject"), "subject", dict(Subject.choices), params.subject),
        facet("grade", _("Grade"), "grade", lambda value: value, params.grade),
        facet("resource_kind", _("Kind of resource"), "resource_kind", dict(ResourceKind.choices),
              params.resource_kind),
    ]
    years = counts.get("year", {})
    selected_year = None
    if params.date_from and params.date_to and params.date_from.year == params.date_to.year \
            and params.date_from == datetime.date(params.date_from.year, 1, 1) \
            and params.date_to == datetime.date(params.date_from.year, 12, 31):
        selected_year = str(params.date_from.year)
    year_values = [
        FacetValue(value=year, label=year, count=count, selected=year == selected_year,
                   url=params.as_query(**{"from": f"{year}-01-01", "to": f"{year}-12-31"}))
        for year, count in sorted(years.items(), reverse=True)
    ]
    facets.append(Facet(name="year", label=_("Date"), values=year_values,
                        clear_url=params.as_query(**{"from": None, "to": None}),
                        selected=bool(params.date_from or params.date_to)))
    return [facet for facet in facets if facet.values or facet.selected]


def page_titles(ids):
    ids = {int(value) for value in ids if value not in (None, "")}
    if not ids:
        return {}
    return dict(Page.objects.filter(pk__in=ids).values_list("pk", "title"))


def run(params, language, page_number, request):
    """Facets, total and one page of results: four queries (size probe, facets, results, region and school
    names), whatever the number of matches, and a fifth for a query with a phrase (its word pairs)."""
    from django.core.paginator import Paginator

    params.phrase_keys = phrase_keys(params, language)
    shards = sample_shards(params, language)
    counts = facet_counts(params, language, shards)
    total = sum(counts.get("kind", {}).values())
    rows_holder = {}

    def fetch(offset, limit):
        rows_holder["rows"] = result_page(params, language, offset, limit, request, shards)
        return rows_holder["rows"]

    paginator = Paginator(LazyResults(total, fetch), PER_PAGE)
    page = paginator.get_page(page_number) if total else None
    rows = rows_holder.get("rows", [])
    label_ids = set(counts.get("region", {})) | set(counts.get("school", {}))
    label_ids |= {row[6] for row in rows if row[6]} | {row[7] for row in rows if row[7]}
    labels = page_titles(label_ids)
    results = build_results(rows, labels, request)
    if page is not None:
        page.object_list = results
    return {
        "total": total, "results": results, "results_page": page, "facets": build_facets(counts, params, labels),
        "approximate": shards is not None,
    }


# -- suggestions and autocomplete -----------------------------------------------------------------------------------

SUGGEST_SQL = """
SELECT typed.word, best.word
FROM unnest(%s::text[]) WITH ORDINALITY AS typed(word, position)
LEFT JOIN LATERAL (
    SELECT word FROM {table}
    WHERE language = %s AND word %% typed.word
    ORDER BY similarity(word, typed.word) DESC, frequency DESC
    LIMIT 1
) AS best ON true
ORDER BY typed.position
"""


def spelling_suggestion(query, language):
    """The query with each unknown word replaced by the nearest word the index knows, or "" (one query)."""
    typed = [word.lower() for word in words(query)][:6]
    if not typed:
        return ""
    with connection.cursor() as cursor:
        cursor.execute(SUGGEST_SQL.format(table=SearchWord._meta.db_table), [typed, language])
        rows = cursor.fetchall()
    suggested = []
    for word, best in rows:
        # A Kazakh word form of a known word is not a misspelling (the vocabulary keeps the forms it has seen).
        known = best is None or (language == "kk" and kazakh_stem(best) == kazakh_stem(word))
        suggested.append(word if known else best)
    return " ".join(suggested) if suggested != typed else ""


HAVE_RESULTS_SQL = """
SELECT candidate.position
FROM unnest(%(queries)s::text[]) WITH ORDINALITY AS candidate(query, position)
WHERE EXISTS (
    SELECT 1 FROM {table}
    WHERE language = %(language)s AND shard = 0
      AND search_vector @@ websearch_to_tsquery(%(configuration)s::regconfig, candidate.query)
) OR EXISTS (
    SELECT 1 FROM {table}
    WHERE language = %(language)s AND search_vector @@ websearch_to_tsquery(%(configuration)s::regconfig, candidate.query)
)
ORDER BY candidate.position
"""


def with_results(queries, language):
    """The queries (in order) that find something in this language: one query however many are checked."""
    if not queries:
        return []
    normalised = [normalise_query(query, language) for query in queries]
    with connection.cursor() as cursor:
        # A GIN bitmap is built whole before EXISTS sees its first row: tens of milliseconds for a common word
        # over the whole index, so the 1 % sample (its own small index, migration 0005) is asked first.
        cursor.execute(HAVE_RESULTS_SQL.format(table=SearchEntry._meta.db_table),
                       {"queries": normalised, "language": language, "configuration": CONFIGURATIONS[language]})
        positions = [row[0] for row in cursor.fetchall()]
    return [queries[position - 1] for position in positions]


AUTOCOMPLETE_SELECT = """
SELECT entry.title, entry.kind, entry.page_id, page.url_path, entry.document_id, document.file
FROM {table} AS entry
LEFT JOIN wagtailcore_page AS page ON page.id = entry.page_id
LEFT JOIN {documents} AS document ON document.id = entry.document_id
"""
# Titles starting with the typed text, in the order of the index (migration 0002), so LIMIT stops early.
AUTOCOMPLETE_STARTS_SQL = AUTOCOMPLETE_SELECT + """
WHERE entry.language = %s AND lower(entry.title) COLLATE "C" LIKE %s
ORDER BY lower(entry.title) COLLATE "C" LIMIT %s
"""
# Titles with words starting with the typed words (folded), from the GIN index.
AUTOCOMPLETE_WORDS_SQL = AUTOCOMPLETE_SELECT + """
WHERE entry.language = %s AND entry.autocomplete_vector @@ to_tsquery('simple', %s) LIMIT %s
"""


def autocomplete(query, language, request):
    """Titles for the search box: titles starting with what was typed, then titles with words starting so."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    prefix = autocomplete_prefix(query)
    if len(query) < 2 or not prefix:
        return []
    like = re.sub(r"([\\%_])", r"\\\1", query.lower()) + "%"
    tables = {"table": SearchEntry._meta.db_table, "documents": get_document_model()._meta.db_table}
    with connection.cursor() as cursor:
        cursor.execute(AUTOCOMPLETE_STARTS_SQL.format(**tables), [language, like, AUTOCOMPLETE_SIZE])
        rows = [(*row, 0) for row in cursor.fetchall()]
    if len(rows) < AUTOCOMPLETE_SIZE:
        with transaction.atomic(), connection.cursor() as cursor:
            # With a small LIMIT the planner prefers walking the table (or another index) and filtering, which
            # for a rare prefix reads every row (a second); the GIN index answers any prefix in milliseconds.
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
            cursor.execute(AUTOCOMPLETE_WORDS_SQL.format(**tables), [language, prefix, AUTOCOMPLETE_SIZE * 3])
            rows += [(*row, 1) for row in cursor.fetchall()]
    kinds = dict(ContentKind.choices)
    seen, suggestions = set(), []
    folded = fold(query)
    # Titles whose words start with what was typed, the ones that start with it first, then the shortest.
    rows.sort(key=lambda row: (row[6], not fold(row[0]).startswith(folded), len(row[0])))
    for title, kind, page_id, url_path, document_id, file, _tier in rows:
        url = _url(page_id, url_path, document_id, file, request)
        if url in seen:
            continue
        seen.add(url)
        suggestions.append({"title": title, "url": url, "kind": str(kinds.get(kind, kind))})
        if len(suggestions) == AUTOCOMPLETE_SIZE:
            break
    return suggestions
