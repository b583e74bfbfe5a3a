"""What the search index holds and how a page or a document becomes its rows.

Only what a visitor may see is indexed: live pages outside private sections, and documents outside restricted
collections. Drafts never reach the index because rows are written from the live page on publication (a draft
only lives in a revision). Supporting documents of submissions are files of the review (workflows.SubmissionFile
in private storage), not Wagtail documents, so nothing here can reach them.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail.search import index

from .models import SHARDS, ContentKind, SearchEntry, SearchWord
from .text import CONFIGURATIONS, fold, normalise_text

SUMMARY_FIELDS = ("intro", "abstract")
MAX_BODY = 60_000  # characters indexed per page; a tsvector holds at most 1 MB
MAX_STORED_BODY = 12_000  # characters kept for snippets
BATCH = 500


def _date(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _published(page):
    return _date(page.first_published_at or page.last_published_at)


@dataclass
class IndexedKind:
    """One kind of page the search finds, and how its facets are read."""

    kind: str
    model_label: str
    date: callable = _published
    facets: dict = field(default_factory=dict)  # column → attribute of the page

    @property
    def model(self):
        return apps.get_model(self.model_label)


def _experience_date(page):
    return page.protocol_date or _published(page)


SCHOOL_FACETS = {"school_id": "school_id", "region_id": "region_id"}

KINDS = [
    IndexedKind(ContentKind.POST, "network.BlogPostPage", date=lambda page: page.date, facets=SCHOOL_FACETS),
    IndexedKind(ContentKind.EVENT, "network.EventPage", date=lambda page: _date(page.start), facets=SCHOOL_FACETS),
    IndexedKind(
        ContentKind.RESOURCE,
        "network.ResourcePage",
        facets={
            **SCHOOL_FACETS,
            "direction": "direction",
            "subject": "subject",
            "resource_kind": "kind",
            "grade_from": "grade_from",
            "grade_to": "grade_to",
        },
    ),
    IndexedKind(
        ContentKind.EXPERIENCE,
        "workflows.ApprovedExperiencePage",
        date=_experience_date,
        facets={**SCHOOL_FACETS, "subject": "subject"},
    ),
    IndexedKind(ContentKind.SCHOOL, "network.LeadingSchoolPage", facets={"school_id": "pk", "region_id": "region_id"}),
    IndexedKind(ContentKind.PAGE, "network.RegionPage", facets={"region_id": "pk"}),
    IndexedKind(ContentKind.PAGE, "network.StandardPage"),
]


def kind_for(model):
    """The indexed kind of a page model (its most specific match), or None for a page the search files as other."""
    for kind in KINDS:
        if issubclass(model, kind.model):
            return kind
    return None


def is_supported():
    """The index lives in PostgreSQL; elsewhere (the SQLite quick start) the search uses Wagtail's backend."""
    return connection.vendor == "postgresql"


# -- text ---------------------------------------------------------------------------------------------------------


def _searchable(obj, name):
    value = getattr(obj, name, None)
    if callable(value):
        value = value()
    if value in (None, ""):
        return []
    try:
        model_field = obj._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    if model_field is not None and hasattr(model_field, "get_searchable_content"):
        try:
            # Already plain text: rich text is stripped by the field (a second strip_tags costs a quarter of the
            # rebuild).
            return [str(part) for part in model_field.get_searchable_content(value)]
        except (AttributeError, TypeError):
            pass
    if hasattr(value, "all"):
        return [str(item) for item in value.all()]
    return [strip_tags(str(value))]


def page_texts(page):
    """(summary, body) of a page, read from its model's search fields, so any indexed page model just works."""
    summary = ""
    for name in SUMMARY_FIELDS:
        if getattr(page, name, None):
            summary = " ".join(_searchable(page, name))
            break
    body = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField):
            continue
        if search_field.field_name == "title" or search_field.field_name in SUMMARY_FIELDS:
            continue
        body.extend(_searchable(page, search_field.field_name))
    text = " ".join(part.strip() for part in body if part and part.strip())
    return summary.strip(), text[:MAX_BODY]


def _languages():
    return {locale.pk: locale.language_code[:2] for locale in Locale.objects.all()}


def page_row(page, kind, languages):
    summary, body = page_texts(page)
    row = {
        "page_id": page.pk,
        "document_id": None,
        "language": languages.get(page.locale_id, "kk"),
        "kind": kind.kind,
        "title": page.title[:255],
        "summary": summary,
        "body": body,
        "date": kind.date(page),
        "school_id": None,
        "region_id": None,
        "direction": "",
        "subject": "",
        "resource_kind": "",
        "grade_from": None,
        "grade_to": None,
    }
    for column, attribute in kind.facets.items():
        value = getattr(page, attribute, None)
        if value not in (None, ""):
            row[column] = value
    return row


def document_rows(document):
    """A document has no language: one row per site language, so that each language's search finds it."""
    tags = " ".join(tag.name for tag in document.tags.all())
    date = _date(document.created_at)
    return [
        {
            "page_id": None,
            "document_id": document.pk,
            "language": code,
            "kind": ContentKind.DOCUMENT,
            "title": document.title[:255],
            "summary": tags,
            "body": "",
            "date": date,
            "school_id": None,
            "region_id": None,
            "direction": "",
            "subject": "",
            "resource_kind": "",
            "grade_from": None,
            "grade_to": None,
        }
        for code in CONFIGURATIONS
    ]


# -- writing rows ---------------------------------------------------------------------------------------------------

COLUMNS = [
    "page_id",
    "document_id",
    "language",
    "kind",
    "title",
    "summary",
    "body",
    "date",
    "school_id",
    "region_id",
    "direction",
    "subject",
    "resource_kind",
    "grade_from",
    "grade_to",
    "shard",
]


def shard_of(row):
    # Stable and evenly spread over consecutive ids (37 is prime to 100).
    return ((row["page_id"] or row["document_id"] or 0) * 37) % SHARDS


VECTORS = (
    "setweight(to_tsvector({cfg}, %s), 'A') || setweight(to_tsvector({cfg}, %s), 'B') "
    "|| setweight(to_tsvector({cfg}, %s), 'C')",
    "to_tsvector({cfg}, %s)",
    "to_tsvector('simple', %s)",
)


def write_rows(rows):
    if not rows:
        return
    table = SearchEntry._meta.db_table
    values_sql, params = [], []
    for row in rows:
        language = row["language"]
        cfg = "'" + CONFIGURATIONS.get(language, "simple") + "'::regconfig"
        placeholders = ["%s"] * len(COLUMNS) + [vector.format(cfg=cfg) for vector in VECTORS]
        values_sql.append("(" + ", ".join(placeholders) + ")")
        row = {**row, "body": row["body"][:MAX_STORED_BODY], "shard": shard_of(row)}
        params.extend(row[column] for column in COLUMNS)
        title = normalise_text(row["title"], language)
        params.extend(
            [
                title,
                normalise_text(row["summary"], language),
                normalise_text(row["body"], language),
                title,
                fold(row["title"]),
            ]
        )
    columns = ", ".join(COLUMNS + ["search_vector", "title_vector", "autocomplete_vector"])
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {', '.join(values_sql)}", params)  # noqa: S608


def write_in_batches(rows):
    """Write rows as they come, BATCH to an INSERT; returns how many were written."""
    count, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            write_rows(batch)
            count, batch = count + len(batch), []
    write_rows(batch)
    return count + len(batch)


WORDS_SQL = """
    INSERT INTO {words} (language, word, frequency)
    SELECT language, word, count(*) FROM (
        SELECT language, regexp_split_to_table(lower(title || ' ' || summary), '[^[:alnum:]]+') AS word
        FROM {entries} {where}
    ) AS words
    WHERE char_length(word) BETWEEN 4 AND 64 AND word !~ '^[0-9]+$'
    GROUP BY language, word
    ON CONFLICT (language, word) DO UPDATE SET frequency = {words}.frequency + EXCLUDED.frequency
"""


def add_words(where="", params=()):
    """Add the words of titles and summaries to the suggestion vocabulary (frequencies only grow until a rebuild)."""
    sql = WORDS_SQL.format(words=SearchWord._meta.db_table, entries=SearchEntry._meta.db_table, where=where)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


# -- what changes the index -----------------------------------------------------------------------------------------


def visible_pages(queryset):
    return queryset.live().public()


def index_pages(page_ids):
    """Bring the rows of these pages in line with their live, public state (index, update or remove)."""
    if not is_supported() or not page_ids:
        return
    page_ids = list(page_ids)
    languages = _languages()
    rows = []
    for kind in KINDS:
        pages = visible_pages(kind.model.objects.filter(pk__in=page_ids))
        rows.extend(page_row(page, kind, languages) for page in pages)
    with transaction.atomic():
        SearchEntry.objects.filter(page_id__in=page_ids).delete()
        write_rows(rows)
        if rows:
            add_words("WHERE page_id = ANY(%s)", [[row["page_id"] for row in rows]])


def index_subtree(page_id):
    """A page and everything under it (after a move, or a change of who may see a section)."""
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is None:
        return
    ids = list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        index_pages(ids[start : start + BATCH])


def remove_pages(page_ids):
    if is_supported():
        SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()


def public_documents(queryset=None):
    from wagtail.documents import get_document_model
    from wagtail.models import CollectionViewRestriction

    documents = queryset if queryset is not None else get_document_model().objects.all()
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    for path in restricted:
        documents = documents.exclude(collection__path__startswith=path)
    return documents


def index_documents(document_ids):
    if not is_supported() or not document_ids:
        return
    from wagtail.documents import get_document_model

    document_ids = list(document_ids)
    documents = public_documents(get_document_model().objects.filter(pk__in=document_ids)).prefetch_related("tags")
    rows = [row for document in documents for row in document_rows(document)]
    with transaction.atomic():
        SearchEntry.objects.filter(document_id__in=document_ids).delete()
        write_rows(rows)
        if rows:
            add_words("WHERE document_id = ANY(%s)", [[row["document_id"] for row in rows]])


def rebuild(stdout=None):
    """Empty the index and build it again from every live public page and public document."""
    from wagtail.documents import get_document_model

    if not is_supported():
        return 0
    languages = _languages()
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
        for kind in KINDS:
            # Exact type only: a subclass with a kind of its own is indexed under that kind.
            pages = visible_pages(kind.model.objects.exact_type(kind.model)).order_by("pk")
            count += write_in_batches(page_row(page, kind, languages) for page in pages.iterator(chunk_size=BATCH))
            if stdout:
                stdout.write(f"{kind.model_label}: indexed, {count} rows so far")
                stdout.flush()
        documents = public_documents(get_document_model().objects.order_by("pk")).prefetch_related("tags")
        count += write_in_batches(
            row for document in documents.iterator(chunk_size=BATCH) for row in document_rows(document)
        )
        add_words()
    if not connection.in_atomic_block:
        # Rows of one language and shard side by side: a sampled query then reads a few contiguous pages. VACUUM
        # sets the visibility map and the statistics (neither can run inside a transaction).
        with connection.cursor() as cursor:
            cursor.execute(f"CLUSTER {SearchEntry._meta.db_table} USING search_entry_lang_shard")
            cursor.execute(f"VACUUM ANALYZE {SearchEntry._meta.db_table}")
            cursor.execute(f"VACUUM ANALYZE {SearchWord._meta.db_table}")
    return count
