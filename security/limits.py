"""Fixed-window counters in the shared cache (Redis in production: see checks.py), for the site's rate limits."""

import hashlib

from django.core.cache import cache


def over_limit(bucket, identifier, limit, period):
    """Count one more attempt in a fixed window; True once the window holds more than `limit`."""
    key = f"rate:{bucket}:{hashlib.sha256(str(identifier).encode()).hexdigest()[:32]}"
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, period)
        count = 1
    return count > limit
