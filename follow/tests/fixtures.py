"""The fixtures the follow tests share (imported by follow/tests/test_*.py)."""

import pytest
from django.core.cache import cache

from network.factories import build_network


@pytest.fixture(autouse=True)
def empty_cache():
    """Feeds and calendars are cached: every test starts without what another one served."""
    cache.clear()


@pytest.fixture
def network(homes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_network(homes["kk"])
