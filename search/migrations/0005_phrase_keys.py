"""PostgreSQL only: word-pair keys, so that a phrase is found through the index instead of by reading positions.

A GIN index over a tsvector holds no word positions. For a phrase ("пәндер сынып") PostgreSQL finds every row
containing all its words in the index, then reads each row's vector to check that the words are adjacent: for two
common words that are rarely side by side that is every page holding both, up to 1.3 s at national
scale. So each row also stores the pairs of its words that stand one or two positions apart ("a b" and "a _ b":
a stop word between them leaves a gap, as in "работа с родителями"), computed from its own search vector by
`search_phrase_keys`. A phrase's pairs, computed by the same function from the query, are then looked up in the
GIN index like words, and PostgreSQL still checks the exact phrase on the few rows that have them all.

The planner multiplies the selectivity of the words and of their pairs as if they were independent, so it
underestimates a common phrase and stops using the shard inside the index for the 1 % size probe (reading 45,000
rows instead of 450 for "білім беру"). A small partial index per language over shard 0 alone serves the probe
whatever the estimate.

The column is generated, so every way of writing a row keeps it right; the model does not declare it (SQLite,
the quick start, has no such function and no such index).
"""

from django.db import migrations

LANGUAGES = ("kk", "ru", "en")
OLD_COLUMNS = (
    "shard, kind, region_id, school_id, direction, subject, resource_kind, grade_from, grade_to, date, search_vector"
)
NEW_COLUMNS = OLD_COLUMNS + ", phrase_keys"
PROBE_COLUMNS = NEW_COLUMNS.removeprefix("shard, ")

PHRASE_KEYS_FUNCTION = """
CREATE OR REPLACE FUNCTION search_phrase_keys(vector tsvector) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH positioned AS (
        SELECT word.lexeme, position FROM unnest(vector) AS word, unnest(word.positions) AS position
    )
    SELECT coalesce(array_agg(DISTINCT first.lexeme
                              || CASE second.position - first.position WHEN 1 THEN ' ' ELSE ' _ ' END
                              || second.lexeme), '{}')
    FROM positioned AS first JOIN positioned AS second ON second.position - first.position IN (1, 2)
$$
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(PHRASE_KEYS_FUNCTION)
    schema_editor.execute(
        "ALTER TABLE search_searchentry ADD COLUMN phrase_keys text[] "
        "GENERATED ALWAYS AS (search_phrase_keys(search_vector)) STORED"
    )
    for code in LANGUAGES:
        schema_editor.execute(f"DROP INDEX IF EXISTS search_entry_match_{code}")
        schema_editor.execute(
            f"CREATE INDEX search_entry_match_{code} ON search_searchentry USING gin ({NEW_COLUMNS}) "
            f"WHERE language = '{code}'"
        )
        schema_editor.execute(
            f"CREATE INDEX search_entry_probe_{code} ON search_searchentry USING gin ({PROBE_COLUMNS}) "
            f"WHERE language = '{code}' AND shard = 0"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in LANGUAGES:
        schema_editor.execute(f"DROP INDEX IF EXISTS search_entry_match_{code}")
        schema_editor.execute(f"DROP INDEX IF EXISTS search_entry_probe_{code}")
    schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN phrase_keys")
    schema_editor.execute("DROP FUNCTION search_phrase_keys(tsvector)")
    for code in LANGUAGES:
        schema_editor.execute(
            f"CREATE INDEX search_entry_match_{code} ON search_searchentry USING gin ({OLD_COLUMNS}) "
            f"WHERE language = '{code}'"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_facet_gin_indexes")]

    operations = [migrations.RunPython(forward, backward)]
