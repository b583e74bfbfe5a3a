"""config.redis_cache: Django's Redis cache keeping one client per connection pool, against a real Redis."""

import os

import pytest

from config.redis_cache import RedisCache

# The branch's Redis database, as tests/test_two_nodes.py uses it; only this test's own keys are written.
REDIS_URL = os.environ.get("TWO_NODES_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def redis_cache():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": f"test-redis-cache-{os.getpid()}"})
    yield cache
    cache.delete_many(["page", "token", "counter"])


def test_one_client_serves_every_call_and_behaves_as_djangos(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    redis_cache.set("page", ("token", b"<html>", (("Content-Type", "text/html"),)), 60)
    assert redis_cache.add("token", "a", None) and not redis_cache.add("token", "b", None)
    assert redis_cache.get_many(["token", "page", "missing"]) == {
        "token": "a",
        "page": ("token", b"<html>", (("Content-Type", "text/html"),)),
    }
    redis_cache.set("counter", 1)
    assert redis_cache.incr("counter") == 2
    assert redis_cache._cache.get_client() is client
