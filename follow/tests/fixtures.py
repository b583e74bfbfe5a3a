"""The fixtures the follow tests share (imported by follow/tests/test_*.py)."""

import pytest
from django.core.cache import cache

from network.factories import build_network


@pytest.fixture(autouse=True)
def empty_cache():
    """Feeds and calendars are cached: every test starts without what another one served."""
    cache.clear()


@pytest.fixture
def network(request, db, follow_network_rows):
    """A school with its sections and the network pages, in kk, their after-commit work run: restored from the rows
    written once per test process (conftest.py, tests/db_snapshot.py), the same rows as building them."""
    from django.test import TestCase

    from tests import db_snapshot

    def build():
        with TestCase.captureOnCommitCallbacks(execute=True):
            return build_network(request.getfixturevalue("homes")["kk"])

    return db_snapshot.restored(request, follow_network_rows, build)
