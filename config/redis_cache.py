"""Django's Redis cache, with one redis-py client per connection pool instead of one per cache call.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every operation (its constructor fills a
table of ~170 response callbacks): a third of the CPU time of a page-cache hit's only cache call, measured with
bench/page_cache_hit_cost.py. A `redis.Redis` is safe to share between threads (each command takes a connection
from the pool) and after a fork (the pool notices the new process and opens its own connections), so the client
is kept with its pool. Everything else is Django's.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
