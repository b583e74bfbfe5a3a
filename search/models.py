"""The site search's own index: one row per live, public page (or document, once per language) that visitors find.

Wagtail's database backend keeps one index with one text-search configuration for every language, and matches
on an expression no index serves (see docs/measurements.md). This table is built for the public search instead: each row
is indexed with its language's configuration, carries the facets as plain columns, and is served by per-language
GIN indexes (migration 0002, PostgreSQL only). On SQLite the table stays empty and the search page falls back to
Wagtail's backend.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Every entry has a fixed pseudo-random shard 0–99 (indexing.shard_of); queries matching a large share of the index
# compute their facets and relevance over a sample of shards (statements.sample_shards).
SHARDS = 100


class ContentKind(models.TextChoices):
    POST = "post", pgettext_lazy("search kind", "posts")
    EVENT = "event", pgettext_lazy("search kind", "events")
    RESOURCE = "resource", pgettext_lazy("search kind", "resources")
    EXPERIENCE = "experience", pgettext_lazy("search kind", "approved experience")
    SCHOOL = "school", pgettext_lazy("search kind", "schools")
    DOCUMENT = "document", pgettext_lazy("search kind", "documents")
    PAGE = "page", pgettext_lazy("search kind", "other pages")


class SearchEntry(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=True,
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=2)
    kind = models.CharField(_("kind"), max_length=16, choices=ContentKind.choices)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    # Plain text the snippet is cut from (ts_headline); not used for matching.
    body = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    school = models.ForeignKey(
        "network.LeadingSchoolPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.ForeignKey(
        "network.RegionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    direction = models.CharField(max_length=32, blank=True)
    subject = models.CharField(max_length=32, blank=True)
    resource_kind = models.CharField(max_length=32, blank=True)
    grade_from = models.PositiveSmallIntegerField(null=True, blank=True)
    grade_to = models.PositiveSmallIntegerField(null=True, blank=True)
    # A fixed pseudo-random number 0–99: queries matching a large share of the index compute their facets and
    # relevance over the rows with shard < k, a sample of known size, so their cost does not grow with the index.
    shard = models.PositiveSmallIntegerField(default=0)
    # Title weighted A, summary B, body and the rest C, each built with the language's configuration.
    search_vector = SearchVectorField(null=True)
    # The title alone, so that title matches can be put first without re-parsing the title.
    title_vector = SearchVectorField(null=True)
    # The title's folded words with the `simple` configuration, for prefix (autocomplete) matching.
    autocomplete_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(fields=["page"], name="search_entry_unique_page"),
            models.UniqueConstraint(fields=["document", "language"], name="search_entry_unique_document"),
        ]
        indexes = [
            models.Index(fields=["language", "kind", "date"], name="search_entry_lang_kind_date"),
            models.Index(fields=["language", "shard"], name="search_entry_lang_shard"),
        ]
        # Also, on PostgreSQL only (migrations 0002, 0004 and 0005): GIN indexes per language, the newest-first
        # index (NULLS LAST, which SQLite cannot index), the autocomplete prefix index, and the generated column
        # `phrase_keys` (the pairs of adjacent words, computed from search_vector) that phrases are found by.

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """The words of the indexed titles and summaries: the vocabulary that spelling suggestions are drawn from.

    Trigram similarity over documents took seconds (docs/measurements.md); over this small table of distinct words,
    with a trigram GIN index (migration 0002), it takes milliseconds.
    """

    language = models.CharField(max_length=2)
    word = models.CharField(max_length=64)
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="search_word_unique")]

    def __str__(self):
        return self.word
