"""Whole pages for anonymous visitors, served from the shared cache without rendering, and never stale.

A cached page is stored under its URL and host together with the content generation it was rendered in, and served
only while the generation is the same (`pagecache.generation`: a token in the shared cache, renewed with
`follow.models.FeedState` in the same transaction as every publication, unpublication, move, deletion, privacy
change and edit of what pages show, see `pagecache.signals`, and again after its commit). A publish therefore
makes every cached page that might show the published page unreachable at once, in every web process and on every
node: no page waits for a timeout. The timeout only bounds how long an unused body lingers and how long a listing
may show an event as upcoming after it ended.

A hit costs one round trip to the cache (the token and the page in one `MGET`), no SQL query, and none of the
middleware after this one: it sits right after WhiteNoise, so a hit passes through the same middleware as a
static file (security headers, Permissions-Policy, Content-Security-Policy, all computed afresh as for any
response) and skips sessions, the language, authentication, CSRF, messages, redirects and the sign-in lock-out.
What those add to a page's response (Content-Language, Vary, X-Frame-Options) is stored with it. A page whose body
uses the CSP nonce (`request.csp_nonce`) is never stored: the nonce is per response.

Only Wagtail pages (marked by the `before_serve_page` hook) are stored, only for GET by a visitor with no session
cookie, and only when the response is the same for everyone: status 200, no cookie set (a template that used
`{% csrf_token %}` sets one, so a form's token is never baked into a page served to someone else), the session
untouched, and no `Cache-Control: private/no-cache/no-store`. Previews never pass through Wagtail's `serve`.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from . import generation

# Headers that belong to one response or that this middleware sets on each.
NOT_KEPT = {"set-cookie", "etag", "content-length", "x-page-cache", "date"}
# What a 304 repeats of the page's headers (RFC 9110 15.4.5).
REPEATED_ON_304 = {"cache-control", "vary", "content-location", "expires"}
# Vary values that do not split anonymous visitors of one URL (the language is in the URL).
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
HIT_HEADER = "X-Page-Cache"


def mark_page(request):
    """Called for every Wagtail page about to be served (pagecache.wagtail_hooks)."""
    request.pagecache_page = True


def keep_out_of_cache(request):
    """This page shows something that changes without a publication (an event's seats left): never store it."""
    request.pagecache_page = False


def _is_anonymous_visit(request):
    """No session (signed-in users, visitors who passed a page password) and no pending flash message."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _cache_control(response):
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if settings.PAGE_CACHE_FRONT_SECONDS:
        # A cache in front (Varnish, a CDN) may keep the page this long; publication purges it sooner
        # (pagecache.frontend).
        patch_cache_control(response, s_maxage=settings.PAGE_CACHE_FRONT_SECONDS)
    patch_vary_headers(response, ("Cookie",))


def _page_key(request):
    """The page's URL with its scheme and host (pages hold absolute links), hashed to a fixed-length key."""
    scheme = "https" if request.is_secure() else "http"
    raw = f"{scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def _etag(token, key):
    return f'"p-{token}-{key[-16:]}"'


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not _is_anonymous_visit(request):
            response = self.get_response(request)
            if getattr(request, "pagecache_page", False):
                # A signed-in editor's page carries the userbar; a shared cache must not keep it.
                patch_cache_control(response, private=True, no_cache=True)
                patch_vary_headers(response, ("Cookie",))
            return response

        key = _page_key(request)
        if generation.shared():
            found = cache.get_many((generation.KEY, key))
            token = generation.token_or_new(found)
            entry = found.get(key)
        else:
            token = generation.database_token()
            entry = cache.get(key)
        # Read before rendering: a page rendered now is stored under the generation it may show, never a later one;
        # the parts of it cached on their own (home/fragments.py) are read and stored under the same token.
        request.content_token = token
        etag = _etag(token, key)
        if entry is not None and entry[0] == token:
            _token, content, headers = entry
            response = get_conditional_response(request, etag=etag)
            if response is None:
                response = HttpResponse(content)
                for header, value in headers:
                    response[header] = value
                response["Content-Length"] = str(len(content))  # as CommonMiddleware gives a miss
            else:
                for header, value in headers:
                    if header.lower() in REPEATED_ON_304:
                        response[header] = value
            response[HIT_HEADER] = "hit"
            response["ETag"] = etag
            return response

        response = self.get_response(request)
        if not self._storable(request, response):
            if getattr(request, "pagecache_page", False):
                patch_cache_control(response, private=True, no_cache=True)
                patch_vary_headers(response, ("Cookie",))
            return response
        _cache_control(response)
        if request.method == "GET":
            headers = tuple((h, v) for h, v in response.items() if h.lower() not in NOT_KEPT)
            cache.set(key, (token, response.content, headers), settings.PAGE_CACHE_SECONDS)
        response[HIT_HEADER] = "miss"
        response["ETag"] = etag
        return get_conditional_response(request, etag=etag, response=response) or response

    @staticmethod
    def _storable(request, response):
        if not getattr(request, "pagecache_page", False) or getattr(request, "is_preview", False):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page holds this visitor's CSRF token
        if getattr(request, "_csp_nonce", None):
            return False  # the page holds this response's CSP nonce (django-csp sets it once the body asks)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        return not (vary - HARMLESS_VARY)
