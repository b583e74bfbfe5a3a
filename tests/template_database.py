"""The test database of each test process is a copy of one database migrated once, not migrated again by each.

Migrating an empty database (~170 migrations of Django, Wagtail, wagtail-localize, Viewflow and ours) costs about
26 s of CPU; with `-n 2` both xdist workers paid it at the start of every run, before any test. Now the first
worker to get there migrates a *template* (PostgreSQL: a database, `CREATE DATABASE … TEMPLATE` copies it in about a
second; SQLite: a file, copied), and every worker's database is a copy of it. Django's own set-up then finds the
copy, keeps it (pytest-django's `keepdb`), sees every migration applied and goes on as before (serialising the
content for `serialized_rollback`); the copy is dropped at the end of the run as pytest-django would have dropped it.

The template is named after a fingerprint of what decides its content (the migration files of this project, the
version of every installed distribution, the database engine), so a changed migration or an upgraded package gets a
new template, and older ones are dropped when it is built. It stays between runs: a second `./run test` migrates
nothing. PostgreSQL keeps it in the server and SQLite in the user's cache folder (`TEST_DB_TEMPLATE_DIR`, by default
`$XDG_CACHE_HOME/leadingschools-tests`), both outside the checkout, so a fresh clone on the same machine (CI's)
finds it too. It is built under a temporary name and renamed when complete, so an interrupted build is never used, and
all of it happens under a file lock, since two workers may arrive at once (and PostgreSQL refuses to copy a database
that another copy is reading).
"""

import fcntl
import hashlib
import importlib.metadata
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

LOCK_FILE = ".test-db-template.lock"


def cache_dir():
    """Where the SQLite template and the lock every checkout of this machine shares live."""
    folder = os.environ.get("TEST_DB_TEMPLATE_DIR") or (
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "leadingschools-tests"
    )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


copied_from = None  # the template this process's database was copied from (a database name or a file path)


def fingerprint():
    digest = hashlib.sha256(connection.vendor.encode())
    for distribution in sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()):
        digest.update(distribution.encode())
    base = Path(settings.BASE_DIR)
    for path in sorted(base.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@contextmanager
def _locked():
    with open(cache_dir() / LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def _connected_to(name):
    """The default connection, for the duration, on database `name` (as Django's create_test_db switches it)."""
    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = settings.DATABASES[connection.alias]["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = settings.DATABASES[connection.alias]["NAME"] = original


def _migrate(name):
    with _connected_to(name):
        call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)


class PostgreSQL:
    def __init__(self, test_name):
        self.test_name = test_name
        self.prefix = f"test_{connection.settings_dict['NAME']}_template_"
        self.template = self.prefix + fingerprint()

    def _execute(self, *statements):
        quote = connection.ops.quote_name
        with connection._nodb_cursor() as cursor:
            for statement, *names in statements:
                cursor.execute(statement.format(*(quote(name) for name in names)))

    def _databases(self):
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [self.prefix + "%"])
            return {row[0] for row in cursor.fetchall()}

    def ensure_template(self):
        found = self._databases()
        if self.template in found:
            return
        building = self.template + "_building"
        self._execute(("DROP DATABASE IF EXISTS {} WITH (FORCE)", building), ("CREATE DATABASE {}", building))
        _migrate(building)
        self._execute(("ALTER DATABASE {} RENAME TO {}", building, self.template))
        for stale in found - {self.template}:
            self._execute(("DROP DATABASE IF EXISTS {} WITH (FORCE)", stale))

    def copy(self):
        self._execute(
            ("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.test_name),
            ("CREATE DATABASE {} TEMPLATE {}", self.test_name, self.template),
        )


class SQLite:
    def __init__(self, test_name):
        self.test_name = Path(test_name)
        self.template = cache_dir() / f"template-{fingerprint()}.sqlite3"

    def ensure_template(self):
        if self.template.exists():
            return
        building = self.template.with_suffix(".building")
        building.unlink(missing_ok=True)
        _migrate(str(building))
        building.replace(self.template)
        for stale in self.template.parent.glob("template-*.sqlite3"):
            if stale != self.template:
                stale.unlink(missing_ok=True)

    def copy(self):
        shutil.copyfile(self.template, self.test_name)


def copy_of_template():
    """Writes this process's test database as a copy of the template, building the template first if needed.
    False when the database cannot be copied (an in-memory SQLite database, another engine): Django then creates it."""
    test_name = connection.creation._get_test_db_name()
    if connection.vendor == "postgresql":
        database = PostgreSQL(test_name)
    elif connection.vendor == "sqlite" and not connection.creation.is_in_memory_db(test_name):
        database = SQLite(test_name)
    else:
        return False
    global copied_from
    with _locked():
        database.ensure_template()
        database.copy()
    copied_from = str(database.template)
    return True
