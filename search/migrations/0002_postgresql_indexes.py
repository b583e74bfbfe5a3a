"""PostgreSQL only: the indexes that make the search fast, and pg_trgm for spelling suggestions.

Everything here is created from this file alone (no files on the database server), so a fresh CI database gets it.
On SQLite nothing is done: the quick start searches through Wagtail's database backend instead.
"""

from django.db import migrations

LANGUAGES = ("kk", "ru", "en")

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # One GIN index per language: every query is restricted to one language, and each index is a third the size.
    *[
        f"CREATE INDEX IF NOT EXISTS search_entry_vector_{code} ON search_searchentry USING gin (search_vector) "
        f"WHERE language = '{code}'"
        for code in LANGUAGES
    ],
    *[
        f"CREATE INDEX IF NOT EXISTS search_entry_autocomplete_{code} ON search_searchentry "
        f"USING gin (autocomplete_vector) WHERE language = '{code}'"
        for code in LANGUAGES
    ],
    # Autocomplete: titles that start with what was typed, in byte order ("C"), which serves both the prefix
    # match and the ORDER BY, so that LIMIT stops after a few rows.
    "CREATE INDEX IF NOT EXISTS search_entry_title_prefix ON search_searchentry "
    "(language, (lower(title) COLLATE \"C\"))",
    "CREATE INDEX IF NOT EXISTS search_word_trigram ON search_searchword USING gin (word gin_trgm_ops)",
    # Wagtail's own database backend (the admin's page search) matches `title || body`, which no index serves:
    # tens of seconds at national scale (docs/measurements.md). This expression index serves exactly that expression.
    "CREATE INDEX IF NOT EXISTS wagtailsearch_indexentry_title_body ON wagtailsearch_indexentry "
    "USING gin ((title || body))",
]

BACKWARD = [
    *[f"DROP INDEX IF EXISTS search_entry_vector_{code}" for code in LANGUAGES],
    *[f"DROP INDEX IF EXISTS search_entry_autocomplete_{code}" for code in LANGUAGES],
    "DROP INDEX IF EXISTS search_entry_title_prefix",
    "DROP INDEX IF EXISTS search_word_trigram",
    "DROP INDEX IF EXISTS wagtailsearch_indexentry_title_body",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forward, backward)]
