"""A web node started by tests/test_two_nodes.py: the test settings, with the shared cache in Redis and the page
cache on, as every node of a deployment runs them."""

import os

from .test import *  # noqa: F401,F403

CACHES = {
    "default": {
        "BACKEND": "config.redis_cache.RedisCache",  # Django's, one client per pool
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "leadingschools-nodes",
    }
}
PAGE_CACHE_SECONDS = 600
PAGE_CACHE_SHARED_GENERATION = True
FOLLOW_RATE_LIMITS = {"address": (3, 3600), "email": (3, 3600)}
