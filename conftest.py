import pytest
from django.core.management import call_command

from tests import db_snapshot, template_database


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings, django_db_blocker):
    """Each process's test database is a copy of a template migrated once (tests/template_database.py); Django is
    told to keep the copy it finds, and the copy is dropped at the end as Django would have dropped it. With
    `--reuse-db`, as before: the process's own database, kept between runs."""
    if request.config.getvalue("reuse_db") and not request.config.getvalue("create_db"):
        return True
    from django.db import connection

    with django_db_blocker.unblock():
        if not template_database.copy_of_template():
            return False
    original_name = connection.settings_dict["NAME"]

    def drop_copy():
        with django_db_blocker.unblock():
            connection.creation.destroy_test_db(original_name, verbosity=0, keepdb=False)

    request.addfinalizer(drop_copy)
    return True


@pytest.fixture(scope="session")
def django_db_createdb(request, django_db_keepdb):
    """The copy of the template is the freshly created database: `--create-db` must not make Django create it again."""
    return request.config.getvalue("create_db") and not django_db_keepdb


@pytest.fixture(autouse=True)
def language_left_as_found():
    """A test (or a view it calls outside a request) that activates a language does not leave it to the next test on
    the same worker: URL prefixes and messages would then depend on the order the tests ran in."""
    from django.utils import translation

    yield
    translation.deactivate()


def build_homes():
    from django.test import TestCase

    from demo.home import load_home

    with TestCase.captureOnCommitCallbacks(execute=True):
        return load_home()


@pytest.fixture(scope="session")
def homes_rows(django_db_setup, django_db_blocker):
    return db_snapshot.session_rows(django_db_blocker, build_homes)


@pytest.fixture
def homes(request, db, homes_rows):
    """The kk home page with its ru and en translations, as load_demo makes them (after-commit work run), restored
    from the rows written once per test process (tests/db_snapshot.py)."""
    return db_snapshot.restored(request, homes_rows, build_homes)


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.kz", "correct horse battery")


@pytest.fixture
def run_command():
    def run(*args, **kwargs):
        from io import StringIO

        out = StringIO()
        call_command(*args, stdout=out, **kwargs)
        return out.getvalue()

    return run


@pytest.fixture(scope="session")
def demo_network_rows(django_db_setup, django_db_blocker):
    """The rows of two demo Leading Schools with their sections, built once per test process (tests/db_snapshot.py)."""
    from demo.home import load_home
    from demo.network import load_network

    def build():
        homes = load_home()
        load_network(homes, schools=2)
        return {code: page.pk for code, page in homes.items()}

    with django_db_blocker.unblock():
        assert db_snapshot.pristine(), "the demo network's modules run before the transactional tests"
        return db_snapshot.changes(build)


@pytest.fixture(scope="session")
def events_network_rows(django_db_setup, django_db_blocker):
    """The rows of attendance/tests/fixtures.py's `events_network`, built once per test process on the home pages as
    the `homes` fixture makes them (its after-commit work run)."""
    from django.test import TestCase

    from attendance.tests.fixtures import build_events_network
    from demo.home import load_home

    def build():
        with TestCase.captureOnCommitCallbacks(execute=True):
            homes = load_home()
        return build_events_network(homes)

    return db_snapshot.session_rows(django_db_blocker, build)


@pytest.fixture(scope="session")
def workflows_network_rows(django_db_setup, django_db_blocker):
    """The rows of workflows/tests/test_flow.py's `network`, built once per test process (in English, as its tests
    run)."""
    from django.utils import translation

    from workflows.tests.test_flow import build_network

    def build():
        with translation.override("en"):
            return build_network()

    return db_snapshot.session_rows(django_db_blocker, build)


@pytest.fixture(scope="session")
def follow_network_rows(django_db_setup, django_db_blocker):
    """The rows of follow/tests/fixtures.py's `network` on the `homes` fixture's pages, after-commit work run."""
    from django.test import TestCase

    from demo.home import load_home
    from network.factories import build_network

    def build():
        with TestCase.captureOnCommitCallbacks(execute=True):
            homes = load_home()
        with TestCase.captureOnCommitCallbacks(execute=True):
            return build_network(homes["kk"])

    return db_snapshot.session_rows(django_db_blocker, build)


@pytest.fixture(scope="session")
def pagecache_network_rows(django_db_setup, django_db_blocker):
    """The rows of pagecache/tests/test_pagecache.py's `network` on the `homes` fixture's pages."""
    from pagecache.tests.test_pagecache import build_network

    return db_snapshot.session_rows(django_db_blocker, lambda: build_network(build_homes()))


@pytest.fixture(scope="module")
def demo_network(demo_network_rows, django_db_blocker):
    """Two demo Leading Schools with their sections, written for each test module and rolled back after it."""
    from django.core.cache import cache
    from django.db import transaction
    from wagtail.models import Page

    tables, home_pks = demo_network_rows
    with django_db_blocker.unblock(), transaction.atomic():
        db_snapshot.restore(tables)
        cache.clear()  # what was cached about other modules' pages (the site's root paths) is not about these
        yield {code: Page.objects.get(pk=pk).specific for code, pk in home_pks.items()}
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def staff(demo_network, django_user_model):
    from tests.schools import school_staff

    return school_staff(django_user_model)
