import pytest
from django.core.management import call_command


@pytest.fixture
def homes(db, django_capture_on_commit_callbacks):
    """The kk home page with its ru and en translations, as load_demo makes them."""
    from demo.home import load_home

    with django_capture_on_commit_callbacks(execute=True):
        return load_home()


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


@pytest.fixture(scope="module")
def demo_network(django_db_setup, django_db_blocker):
    """Two demo Leading Schools with their sections, built once per test module and rolled back after it."""
    from django.db import transaction

    from demo.home import load_home
    from demo.network import load_network

    with django_db_blocker.unblock(), transaction.atomic():
        homes = load_home()
        load_network(homes, schools=2)
        yield homes
        transaction.set_rollback(True)


@pytest.fixture
def staff(demo_network, django_user_model):
    from tests.schools import school_staff

    return school_staff(django_user_model)
