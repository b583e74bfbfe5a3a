from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.module_loading import import_string

# Caches whose counts live in one process (or one machine's disk): each gunicorn worker would keep its own tally and
# a rate limit of 10 would let through 10 per worker and per restart.
PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)


@register(Tags.security, deploy=True)
def shared_cache_for_limits(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    try:
        backend_class = import_string(backend)
    except ImportError:
        return []
    local = [import_string(path) for path in PROCESS_LOCAL_CACHES]
    if issubclass(backend_class, tuple(local)):
        return [
            Error(
                "The default cache is local to one process: rate limits and the sign-in lock-out would not hold.",
                hint="Set REDIS_URL so that every worker counts in the same place.",
                id="security.E001",
            )
        ]
    return []
