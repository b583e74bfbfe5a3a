"""Running a search against the index: facet counts, one page of ranked results with highlighted snippets.

The parts: `params` (what the visitor asked), `statements` (the SQL, with named rows), `facets` (their display),
`suggestions` (spelling and autocomplete). Every function issues a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.documents import get_document_model
from wagtail.models import Page

from . import statements
from .facets import build_facets, page_titles
from .models import ContentKind
from .statements import START, STOP

PER_PAGE = 10
# Deep pages cost an OFFSET scan and nobody reads them: facets narrow instead.
MAX_RESULTS = 1000


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


def _snippet(text):
    text = " ".join((text or "").split())
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 (escaped first)


def url_of(page_id, url_path, document_id, file, request):
    if page_id:
        return Page(id=page_id, url_path=url_path).get_url(request) or ""
    if document_id:
        return get_document_model()(id=document_id, file=file).url
    return ""


def build_results(rows, labels, request):
    kinds = dict(ContentKind.choices)
    results = []
    for row in rows:
        results.append(
            Result(
                kind=row.kind,
                kind_label=kinds.get(row.kind, row.kind),
                title=row.title,
                url=url_of(row.page_id, row.url_path, row.document_id, row.file, request),
                date=row.date,
                snippet=_snippet(row.headline),
                school=labels.get(row.school_id, "") if row.kind != "school" else "",
                region=labels.get(row.region_id, ""),
            )
        )
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


def run(params, language, page_number, request):
    """Facets, total and one page of results: four queries (size probe, facets, results, region and school
    names), whatever the number of matches, and a fifth for a query with a phrase (its word pairs)."""
    params.phrase_keys = statements.phrase_keys(params, language)
    shards = statements.sample_shards(params, language)
    counts = statements.facet_counts(params, language, shards)
    total = sum(counts.get("kind", {}).values())
    rows_holder = {}

    def fetch(offset, limit):
        rows_holder["rows"] = statements.result_page(params, language, offset, limit, request, shards)
        return rows_holder["rows"]

    paginator = Paginator(LazyResults(total, fetch), PER_PAGE)
    page = paginator.get_page(page_number) if total else None
    rows = rows_holder.get("rows", [])
    label_ids = set(counts.get("region", {})) | set(counts.get("school", {}))
    label_ids |= {row.school_id for row in rows if row.school_id} | {row.region_id for row in rows if row.region_id}
    labels = page_titles(label_ids)
    results = build_results(rows, labels, request)
    if page is not None:
        page.object_list = results
    return {
        "total": total,
        "results": results,
        "results_page": page,
        "facets": build_facets(counts, params, labels),
        "approximate": shards is not None,
    }
