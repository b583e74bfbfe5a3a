"""PostgreSQL only: the newest-first index, and one GIN index per language over the words and the facet columns together (btree_gin), so
that a query with facets, or with its sample restriction (shard), is answered inside the index and only the
matching rows are read from the table. It replaces the word-only indexes of 0002."""

from django.db import migrations

LANGUAGES = ("kk", "ru", "en")
COLUMNS = "shard, kind, region_id, school_id, direction, subject, resource_kind, grade_from, grade_to, date, search_vector"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    for code in LANGUAGES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_entry_match_{code} ON search_searchentry USING gin ({COLUMNS}) "
            f"WHERE language = '{code}'"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS search_entry_vector_{code}")
    # Newest first, exact at any size: the date order walks this index and stops after one page of matches.
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_entry_lang_date ON search_searchentry "
        "(language, date DESC NULLS LAST, id DESC)"
    )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in LANGUAGES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_entry_vector_{code} ON search_searchentry USING gin (search_vector) "
            f"WHERE language = '{code}'"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS search_entry_match_{code}")
    schema_editor.execute("DROP INDEX IF EXISTS search_entry_lang_date")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sample_shard")]

    operations = [migrations.RunPython(forward, backward)]
