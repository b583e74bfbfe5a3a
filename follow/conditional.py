"""Conditional GET and a shared cache for feeds and calendars, both keyed on the feed generation."""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from .models import FeedState

# A cached body is valid until the generation changes; this only bounds how long an unused one lingers.
CACHE_SECONDS = 24 * 60 * 60
# How long a reader or proxy may reuse a feed without asking again.
BROWSER_MAX_AGE = 5 * 60
KEPT_HEADERS = ("Content-Disposition",)


def fingerprint(request, state):
    """Everything the body depends on: the content generation (with its time, in case the row is ever recreated),
    the URL (with its language) and the host."""
    scheme = "https" if request.is_secure() else "http"
    raw = f"{state.generation}|{state.changed_at.isoformat()}|{scheme}://{request.get_host()}{request.get_full_path()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


def conditional_cached(view):
    """Answer 304 when the reader has the current version, else serve the cached body or render and cache it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        state = FeedState.current()
        key = fingerprint(request, state)
        etag = f'"{key}"'
        last_modified = int(state.changed_at.timestamp())
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            cached = cache.get(f"follow:response:{key}")
            if cached is not None:
                response = HttpResponse(cached["content"], content_type=cached["content_type"])
                for header, value in cached["headers"].items():
                    response[header] = value
            else:
                response = view(request, *args, **kwargs)
                if response.status_code == 200:
                    cache.set(
                        f"follow:response:{key}",
                        {
                            "content": response.content,
                            "content_type": response["Content-Type"],
                            "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
                        },
                        CACHE_SECONDS,
                    )
        if response.status_code in (200, 304):
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
            patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
        return response

    return wrapped
