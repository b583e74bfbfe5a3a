"""Whole pages for anonymous visitors, served from the shared cache without rendering, and never stale.

A cached page is keyed on the content generation (`follow.models.FeedState`, bumped in the same transaction as
every publication, unpublication, move, deletion, privacy change and edit of what pages show: see
`pagecache.signals`) together with the page's URL and host. A publish therefore makes every cached page that might
show the published page unreachable at once, in every web process and on every node (the generation lives in the
database, the cached bodies in the shared cache): no page waits for a timeout. The timeout only bounds how long an
unused body lingers and how long a listing may show an event as upcoming after it ended.

Only Wagtail pages (marked by the `before_serve_page` hook) are stored, only for GET by a visitor with no session
cookie, and only when the response is the same for everyone: status 200, no cookie set (a template that used
`{% csrf_token %}` sets one, so a form's token is never baked into a page served to someone else), the session
untouched, and no `Cache-Control: private/no-cache/no-store`. Previews never pass through Wagtail's `serve`.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from follow.conditional import fingerprint
from follow.models import FeedState

# Headers that belong to one response or that this middleware sets itself.
NOT_KEPT = {"set-cookie", "etag", "cache-control", "content-length", "x-page-cache"}
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

        state = FeedState.current()
        key = fingerprint(request, state)
        etag = f'"p-{key}"'
        cache_key = f"pagecache:{key}"
        entry = cache.get(cache_key)
        if entry is not None:
            response = get_conditional_response(request, etag=etag)
            if response is None:
                response = HttpResponse(entry["content"], status=200)
                for header, value in entry["headers"]:
                    response[header] = value
            response[HIT_HEADER] = "hit"
            response["ETag"] = etag
            _cache_control(response)
            return response

        response = self.get_response(request)
        if not self._storable(request, response):
            if getattr(request, "pagecache_page", False):
                patch_cache_control(response, private=True, no_cache=True)
                patch_vary_headers(response, ("Cookie",))
            return response
        if request.method == "GET":
            headers = [(h, v) for h, v in response.items() if h.lower() not in NOT_KEPT]
            cache.set(cache_key, {"content": response.content, "headers": headers}, settings.PAGE_CACHE_SECONDS)
        response[HIT_HEADER] = "miss"
        response["ETag"] = etag
        _cache_control(response)
        return get_conditional_response(request, etag=etag, response=response) or response

    @staticmethod
    def _storable(request, response):
        if not getattr(request, "pagecache_page", False) or getattr(request, "is_preview", False):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page holds this visitor's CSRF token
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
