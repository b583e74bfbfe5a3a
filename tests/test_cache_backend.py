"""The production cache (config/cache.py): Django's Redis cache with one redis-py client per connection pool."""

import os

import pytest
import redis

from config.cache import ReusedClientRedisCache

REDIS_URL = os.environ.get("TWO_NODES_REDIS_URL", "redis://127.0.0.1:6379/7")  # the two-node test's Redis


def test_one_client_serves_every_operation():
    backend = ReusedClientRedisCache(REDIS_URL, {})._cache
    assert backend.get_client("a") is backend.get_client("b") is backend.get_client("c", write=True)


def test_reads_and_writes_go_through_the_shared_client():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    cache = ReusedClientRedisCache(REDIS_URL, {"KEY_PREFIX": "cache-backend-test"})
    cache.set("greeting", {"kk": "Сәлем"}, 30)
    assert cache.get("greeting") == {"kk": "Сәлем"}
    assert cache.add("greeting-count", 1, 30) and cache.incr("greeting-count") == 2
    cache.delete_many(["greeting", "greeting-count"])
    assert cache.get("greeting") is None
