"""The rows an expensive fixture world writes, read back once and written again wherever a test module needs it.

`changes(build)` runs `build()` in a transaction it rolls back, and returns every table whose rows the build
changed, with all of that table's rows after the build. `restore(tables)` replaces those tables' rows with the
saved ones, in the caller's transaction: the database then holds exactly what `build()` left, row for row (same
primary keys, files, search index), without running the build again. A module-scoped fixture restores inside its
own transaction and rolls it back at the end, so each test module still starts from, and leaves, the empty database.

Used by conftest.py's `demo_network`: two demo Leading Schools took 10-40 s to build, once per test module
that uses them (20-odd modules); they are now built once per test process (each xdist worker) and restored per
module in well under a second.

What is read and written is the tables themselves, so nothing in between (signals, `save()`) runs on restore; the
build's after-commit work never ran in the old module fixtures either (their transaction was rolled back). Not
restored: SQLite's FTS5 tables (their triggers on `wagtailsearch_indexentry` rebuild them from the restored rows)
and PostgreSQL's generated columns (PostgreSQL computes them again).
"""

from collections import Counter

from django.db import connection, transaction

SQLITE_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


class _Rollback(Exception):
    pass


class NotAsBuilt(Exception):
    """The database is not in the state the build started from (another fixture wrote first)."""


def _tables():
    """The ordinary tables of the database (not views, not SQLite's virtual tables and their shadow tables)."""
    names = connection.introspection.table_names(include_views=False)
    if connection.vendor != "sqlite":
        return names
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
        virtual = [row[0] for row in cursor.fetchall()]
    shadows = {base + suffix for base in virtual for suffix in SQLITE_FTS_SHADOWS}
    # sqlite_sequence last: restoring it after the tables gives each AUTOINCREMENT counter its value after the build.
    return [name for name in names if name not in virtual and name not in shadows] + ["sqlite_sequence"]


def _columns(cursor, table):
    """The columns a row is written with: all but the generated ones."""
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position",
            [table],
        )
        return [row[0] for row in cursor.fetchall()]
    if table == "sqlite_sequence":
        return ["name", "seq"]
    cursor.execute(f"PRAGMA table_xinfo({quote(table)})")
    return [row[1] for row in cursor.fetchall() if row[6] == 0]  # hidden: 0 ordinary, 2/3 generated


def _read(cursor, table, columns):
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    if connection.vendor == "postgresql":
        # Every type (json, arrays, tsvector, bytea) goes through its text form and back, exactly.
        cursor.execute(f"SELECT row_to_json(r)::text FROM (SELECT {names} FROM {quote(table)}) r")
        return [row[0] for row in cursor.fetchall()]
    cursor.execute(f"SELECT {names} FROM {table if table == 'sqlite_sequence' else quote(table)}")
    return [tuple(row) for row in cursor.fetchall()]


def _snapshot():
    snapshot = {}
    with connection.cursor() as cursor:
        for table in _tables():
            columns = _columns(cursor, table)
            snapshot[table] = (columns, _read(cursor, table, columns))
    return snapshot


def changes(build):
    """(the tables `build()` changed with their rows after it, what `build()` returned); nothing stays written."""
    result = {}
    try:
        with transaction.atomic():
            before = _snapshot()
            result["value"] = build()
            after = _snapshot()
            raise _Rollback
    except _Rollback:
        pass
    changed = {
        table: (columns, rows, len(before.get(table, ((), ()))[1]))
        for table, (columns, rows) in after.items()
        if table not in before or before[table][0] != columns or Counter(before[table][1]) != Counter(rows)
    }
    return changed, result["value"]


def restore(tables):
    """Gives `tables` (from `changes`) the rows they had after the build, in the current transaction."""
    from django.core.management.color import no_style

    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # The rows replace those the build started from: where another fixture wrote first, its rows would be lost.
        for table, (_columns, _rows, count_before) in tables.items():
            if table != "sqlite_sequence":
                cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
                found = cursor.fetchone()[0]
                if found != count_before:
                    raise NotAsBuilt(f"{table} holds {found} rows, the build started from {count_before}")
        for table, (columns, rows, _count_before) in tables.items():
            name = table if table == "sqlite_sequence" else quote(table)
            cursor.execute(f"DELETE FROM {name}")
            if not rows:
                continue
            names = ", ".join(quote(column) for column in columns)
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"INSERT INTO {quote(table)} ({names}) SELECT {names} "
                    f"FROM json_populate_recordset(NULL::{quote(table)}, %s)",
                    ["[" + ",".join(rows) + "]"],
                )
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {name} ({names}) VALUES ({marks})", rows)
        if connection.vendor == "postgresql":
            # The next row of each table takes the next free key, as after the build itself.
            from django.apps import apps

            models = [model for model in apps.get_models(include_auto_created=True) if model._meta.db_table in tables]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


def keys_of(value):
    """What a world fixture returned, with each model instance replaced by (its class, its primary key)."""
    from django.db.models import Model

    if isinstance(value, Model):
        return ("instance", type(value), value.pk)
    if isinstance(value, dict):
        return {key: keys_of(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(keys_of(item) for item in value)
    return value


def instances(keys):
    """The inverse of `keys_of`, read from the database: fresh instances, as a test would read them."""
    if isinstance(keys, tuple) and len(keys) == 3 and keys[0] == "instance":
        return keys[1]._default_manager.get(pk=keys[2])
    if isinstance(keys, dict):
        return {key: instances(item) for key, item in keys.items()}
    if isinstance(keys, list | tuple):
        return type(keys)(instances(item) for item in keys)
    return keys


def session_rows(django_db_blocker, build):
    """For a session-scoped fixture: the rows `build()` writes and what it returned (as `keys_of`), built once; None
    when a transactional test has just flushed the database (its tests then build, see `restored`)."""
    with django_db_blocker.unblock():
        if not pristine():
            return None
        return changes(lambda: keys_of(build()))


def pristine():
    """The database as migrations leave it, not flushed by a transactional test: Wagtail's root page and locales."""
    from wagtail.models import Locale, Page

    return Page.objects.filter(depth=1).exists() and Locale.objects.exists()


def restored(request, rows, build):
    """For the function-scoped fixture of a world: in a test's transaction, the world restored from `rows` (a
    `session_rows` fixture's value); a transactional test (live server, several connections) builds it with `build()`,
    as it must commit it."""
    from django.core.cache import cache

    marker = request.node.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return build()
    request.getfixturevalue("db")
    if rows is None:
        return build()
    tables, keys = rows
    try:
        restore(tables)
    except NotAsBuilt:  # another fixture of the test wrote first (`homes`): build on top of it, as before
        return build()
    cache.clear()  # nothing cached by an earlier test is about these rows
    return instances(keys)
