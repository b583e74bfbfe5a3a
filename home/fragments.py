"""Parts of pages kept rendered in the shared cache, for every visitor (signed in or not), and never stale.

The page cache (`pagecache/`) keeps whole pages for anonymous visitors; a signed-in visitor, a visitor with a
session and a page whose cached copy expired render again. Most of a listing or a school page is the same for
all of them: the cards of the posts, events and resources it shows, the regions, the partners. Those parts are
cached here under the same content generation as the page cache (`pagecache.generation`: the token in the shared
cache, or `follow.models.FeedState`'s generation, changed in the same transaction as every publication,
unpublication, move, deletion, privacy change and edit of what pages show, see `pagecache.signals`), so a
publication makes every cached part that might show it unreachable at once, on every node. What changes with
time alone says so while it renders: an upcoming event is shown until it ends (`{% fragment_valid_until %}`), so
the part that shows it expires then.

A cached part must not depend on who is looking: no `user`, `perms`, `csrf_token` or messages inside it.
Previews (a draft rendered for its editor) are never cached nor served from the cache.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from pagecache import generation

EXPIRY_KEY = "_fragment_expiry"


def enabled(request):
    return bool(settings.FRAGMENT_CACHE_SECONDS) and request is not None and not getattr(request, "is_preview", False)


def fragment_key(request, name, vary=()):
    """Everything a cached part depends on besides its vary values: the content generation (the page cache's token),
    the host and scheme its links and feeds name, and the language."""
    token = generation.for_request(request)
    scheme = "https" if request.is_secure() else "http"
    raw = "|".join(
        [
            token,
            f"{scheme}://{request.get_host()}",
            get_language() or "",
            name,
            *(str(value) for value in vary),
        ]
    )
    return f"fragment:{name}:{hashlib.sha256(raw.encode()).hexdigest()[:40]}"


def lifetime(expiries):
    """Seconds a part may be kept: the setting, or less when something it shows stops being true sooner."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if expiries:
        seconds = min(seconds, int((min(expiries) - timezone.now()).total_seconds()))
    return seconds


def cached(request, name, vary, render, outer_expiries=None):
    """The part `render()` makes, from the shared cache when it holds it; `render` returns (text, expiries).
    A part cached inside another passes its expiry on to it (`outer_expiries`), cached or not."""
    if not enabled(request):
        text, expiries = render()
    else:
        key = fragment_key(request, name, vary)
        entry = cache.get(key)
        if entry is not None:
            text, expiries = entry
        else:
            text, expiries = render()
            expiries = [min(expiries)] if expiries else []
            seconds = lifetime(expiries)
            if seconds > 0:
                cache.set(key, (text, expiries), seconds)
    if outer_expiries is not None:
        outer_expiries.extend(expiries)
    return text


def cached_value(request, name, vary, compute):
    """The same for a value (a list of links) rather than a rendered part."""
    if not enabled(request):
        return compute()
    key = fragment_key(request, name, vary)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.FRAGMENT_CACHE_SECONDS)
    return value
