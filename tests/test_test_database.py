"""The test database every test runs on (a copy of a template, tests/template_database.py) is the one migrations
make: every migration applied, none left to apply; and the template it was copied from is named after its content."""

from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests import template_database


@pytest.mark.django_db
def test_the_test_database_has_every_migration_and_no_other():
    executor = MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    assert executor.migration_plan(targets) == []
    assert set(executor.loader.graph.nodes) <= set(executor.loader.applied_migrations)


@pytest.mark.django_db
def test_the_template_is_named_after_what_decides_its_content():
    fingerprint = template_database.fingerprint()
    assert fingerprint == template_database.fingerprint()  # stable within a run: every worker finds the same
    assert template_database.copied_from.endswith(
        fingerprint if connection.vendor == "postgresql" else f"{fingerprint}.sqlite3"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template_database.copied_from])
            assert cursor.fetchall() == [(1,)]
    else:
        assert Path(template_database.copied_from).exists()
