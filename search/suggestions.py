"""Helping the visitor type: spelling suggestions, whether popular queries find anything, and autocomplete."""

import re

from . import statements
from .models import ContentKind
from .params import MAX_QUERY_LENGTH
from .query import url_of
from .text import autocomplete_prefix, fold, kazakh_stem, normalise_query, words

AUTOCOMPLETE_SIZE = 8


def spelling_suggestion(query, language):
    """The query with each unknown word replaced by the nearest word the index knows, or "" (one query)."""
    typed = [word.lower() for word in words(query)][:6]
    if not typed:
        return ""
    suggested = []
    for row in statements.nearest_words(typed, language):
        # A Kazakh word form of a known word is not a misspelling (the vocabulary keeps the forms it has seen).
        known = row.nearest is None or (language == "kk" and kazakh_stem(row.nearest) == kazakh_stem(row.typed))
        suggested.append(row.typed if known else row.nearest)
    return " ".join(suggested) if suggested != typed else ""


def with_results(queries, language):
    """The queries (in order) that find something in this language: one query however many are checked."""
    if not queries:
        return []
    normalised = [normalise_query(query, language) for query in queries]
    return [queries[position - 1] for position in statements.queries_with_results(normalised, language)]


def autocomplete(query, language, request):
    """Titles for the search box: titles starting with what was typed, then titles with words starting so."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    prefix = autocomplete_prefix(query)
    if len(query) < 2 or not prefix:
        return []
    like = re.sub(r"([\\%_])", r"\\\1", query.lower()) + "%"
    rows = [(row, 0) for row in statements.titles_starting(language, like, AUTOCOMPLETE_SIZE)]
    if len(rows) < AUTOCOMPLETE_SIZE:
        rows += [(row, 1) for row in statements.titles_with_words_starting(language, prefix, AUTOCOMPLETE_SIZE * 3)]
    kinds = dict(ContentKind.choices)
    seen, suggestions = set(), []
    folded = fold(query)
    # Titles whose words start with what was typed, the ones that start with it first, then the shortest.
    rows.sort(key=lambda item: (item[1], not fold(item[0].title).startswith(folded), len(item[0].title)))
    for row, _tier in rows:
        url = url_of(row.page_id, row.url_path, row.document_id, row.file, request)
        if url in seen:
            continue
        seen.add(url)
        suggestions.append({"title": row.title, "url": url, "kind": str(kinds.get(row.kind, row.kind))})
        if len(suggestions) == AUTOCOMPLETE_SIZE:
            break
    return suggestions
