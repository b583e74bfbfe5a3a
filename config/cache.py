"""Django's Redis cache, with one redis-py client per connection pool instead of one per operation.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every cache operation; its constructor copies
redis-py's table of ~200 response callbacks into a case-insensitive dict (an `upper()` per command name), about
half a millisecond of CPU each time. A rendered page makes several cache operations (menu, cached parts, rate
limits), so that was a visible part of its CPU time. A `redis.Redis` over a connection pool is safe to share
between threads (each command takes a connection from the pool) and after a fork (the pool notices the new process
and opens its own connections), so one client per pool is kept.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusedRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)  # kept for the life of the process in self._pools
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisCacheClient
