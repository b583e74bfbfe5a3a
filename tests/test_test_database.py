"""The test database every test runs on (a copy of a template, tests/template_database.py) is the one migrations
make: every migration applied, none left to apply; and the template it was copied from is named after its content."""

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
    assert len(fingerprint) == 12
    assert fingerprint == template_database.fingerprint()  # stable within a run: every worker finds the same
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", ["%_template_" + fingerprint])
            assert len(cursor.fetchall()) == 1
    else:
        template = template_database.SQLite(connection.settings_dict["NAME"]).template
        assert template.name == f".test-db-template-{fingerprint}.sqlite3" and template.exists()
