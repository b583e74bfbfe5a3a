"""The search's SQL, each statement beside the function that runs it; rows come back with named fields.

Every function issues one query. The per-language design (one configuration per language, word pairs for phrases,
a 1 % probe deciding between exact counts and a sample) is explained in search/README.md.
"""

from collections import namedtuple

from django.db import connection, transaction
from wagtail.documents import get_document_model

from .models import SHARDS, SearchEntry, SearchWord
from .text import CONFIGURATIONS, highlight_query, normalise_query, split_phrases


def named_rows(cursor):
    """The cursor's rows as tuples whose fields are named after the statement's columns."""
    Row = namedtuple("Row", [column[0] for column in cursor.description])
    return [Row(*row) for row in cursor.fetchall()]


def tables():
    return {
        "table": SearchEntry._meta.db_table,
        "documents": get_document_model()._meta.db_table,
        "words": SearchWord._meta.db_table,
    }


# The marks ts_headline puts around matches: private-use characters that no text contains, replaced by <mark>
# only after the snippet has been escaped, so a page's text can never inject markup.
START, STOP = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxFragments=2, MinWords=12, MaxWords=30, "
    'FragmentDelimiter=" … ", HighlightAll=false'
)


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


def match_condition(params, language, shards=None):
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
EXACT_LIMIT = 1500
SAMPLE_SIZE = 1500

PROBE_SQL = "SELECT count(*) FROM {table} WHERE {where}"


def sample_shards(params, language):
    """None for an exact search, or the number of shards (1–99) whose rows make a sample of about SAMPLE_SIZE."""
    where, values = match_condition(params, language)
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
SELECT 'kind' AS facet, kind AS value, count(*) AS count FROM matches GROUP BY kind
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
       ts_headline(%s::regconfig, entry.summary || ' ' || entry.body, {headline_query}, %s) AS headline
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


def facet_counts(params, language, shards=None):
    """{facet: {value: count}}; from a sample of `shards` shards, counts are scaled up to estimates."""
    where, values = match_condition(params, language, shards)
    with connection.cursor() as cursor:
        cursor.execute(FACET_SQL.format(table=SearchEntry._meta.db_table, where=where), values)
        rows = named_rows(cursor)
    counts = {}
    for row in rows:
        count = row.count
        if shards is not None:
            count = max(1, round(count * SHARDS / shards, -1 if count * SHARDS / shards >= 100 else 0))
        counts.setdefault(row.facet, {})[row.value] = count
    return counts


def result_page(params, language, offset, limit, request, shards=None):
    """One page of results, with snippets and URLs, in one query (the URLs come from the cached site roots).
    Newest-first is exact whatever the size (an index on the date serves it); relevance uses the sample."""
    where, values = match_condition(params, language, shards if params.order == "relevance" else None)
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
        headline_query=headline_query,
        tsquery=tsquery,
        table=SearchEntry._meta.db_table,
        where=where,
        order=ORDER_SQL[params.order],
        documents=get_document_model()._meta.db_table,
    )
    sql_params = [
        headline_config,
        *headline_params,
        HEADLINE_OPTIONS,
        *tsquery_params,
        query_value,
        *tsquery_params,
        query_value,
        *values,
        limit,
        offset,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, sql_params)
        return named_rows(cursor)


SUGGEST_SQL = """
SELECT typed.word AS typed, best.word AS nearest
FROM unnest(%s::text[]) WITH ORDINALITY AS typed(word, position)
LEFT JOIN LATERAL (
    SELECT word FROM {words}
    WHERE language = %s AND word %% typed.word
    ORDER BY similarity(word, typed.word) DESC, frequency DESC
    LIMIT 1
) AS best ON true
ORDER BY typed.position
"""


HAVE_RESULTS_SQL = """
SELECT candidate.position
FROM unnest(%(queries)s::text[]) WITH ORDINALITY AS candidate(query, position)
WHERE EXISTS (
    SELECT 1 FROM {table}
    WHERE language = %(language)s AND shard = 0
      AND search_vector @@ websearch_to_tsquery(%(configuration)s::regconfig, candidate.query)
) OR EXISTS (
    SELECT 1 FROM {table}
    WHERE language = %(language)s
      AND search_vector @@ websearch_to_tsquery(%(configuration)s::regconfig, candidate.query)
)
ORDER BY candidate.position
"""


AUTOCOMPLETE_SELECT = """
SELECT entry.title, entry.kind, entry.page_id, page.url_path, entry.document_id, document.file
FROM {table} AS entry
LEFT JOIN wagtailcore_page AS page ON page.id = entry.page_id
LEFT JOIN {documents} AS document ON document.id = entry.document_id
"""
# Titles starting with the typed text, in the order of the index (migration 0002), so LIMIT stops early.
AUTOCOMPLETE_STARTS_SQL = (
    AUTOCOMPLETE_SELECT
    + """
WHERE entry.language = %s AND lower(entry.title) COLLATE "C" LIKE %s
ORDER BY lower(entry.title) COLLATE "C" LIMIT %s
"""
)
# Titles with words starting with the typed words (folded), from the GIN index.
AUTOCOMPLETE_WORDS_SQL = (
    AUTOCOMPLETE_SELECT
    + """
WHERE entry.language = %s AND entry.autocomplete_vector @@ to_tsquery('simple', %s) LIMIT %s
"""
)


def nearest_words(typed, language):
    """Each typed word with the known word most like it (or None), in the order typed."""
    with connection.cursor() as cursor:
        cursor.execute(SUGGEST_SQL.format(**tables()), [typed, language])
        return named_rows(cursor)


def queries_with_results(normalised, language):
    """The 1-based positions of the (normalised) queries that match something in this language."""
    with connection.cursor() as cursor:
        # A GIN bitmap is built whole before EXISTS sees its first row: tens of milliseconds for a common word
        # over the whole index, so the 1 % sample (its own small index, migration 0005) is asked first.
        cursor.execute(
            HAVE_RESULTS_SQL.format(**tables()),
            {"queries": normalised, "language": language, "configuration": CONFIGURATIONS[language]},
        )
        return [row.position for row in named_rows(cursor)]


def titles_starting(language, like, limit):
    with connection.cursor() as cursor:
        cursor.execute(AUTOCOMPLETE_STARTS_SQL.format(**tables()), [language, like, limit])
        return named_rows(cursor)


def titles_with_words_starting(language, prefix, limit):
    with transaction.atomic(), connection.cursor() as cursor:
        # With a small LIMIT the planner prefers walking the table (or another index) and filtering, which
        # for a rare prefix reads every row (a second); the GIN index answers any prefix in milliseconds.
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        cursor.execute(AUTOCOMPLETE_WORDS_SQL.format(**tables()), [language, prefix, limit])
        return named_rows(cursor)
