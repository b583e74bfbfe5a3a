"""The content generation as the page cache reads it, without a database query where the cache is shared.

The database's generation (`follow.models.FeedState`) changes in the same transaction as every change a public page
shows. Reading it costs every cached page one SQL query, most of a hit's time. Where the cache is shared by every
process and node (Redis: `PAGE_CACHE_SHARED_GENERATION`, on when `REDIS_URL` is set), `FeedState.bump` also gives the
cache a new random token, and a hit reads that token and the stored page in one round trip (`MGET`).

Never stale: the token is renewed twice for a change, when the generation is bumped and again after the commit.
A page rendered by another process between the two (it may have read the data before the commit) is stored under
the first token, which the second makes unreachable; a page rendered after the second sees the committed data.
The writer's own process sees its own uncommitted change through the first token (a test's transaction, a data
migration). A token that the cache has lost (evicted, flushed, Redis restarted without persistence, as the compose
topology runs it) is replaced by a new random one: no page stored under an earlier token is reachable again, so a
loss can only cost misses. Writers and readers must share the cache: every process of a deployment runs with the
same `REDIS_URL` (the production settings require it). After restoring the database from a backup, clear the cache.

With a per-process cache (`LocMemCache`: the quick start, the tests) another process's change could not reach this
process's token, so the token is the database's generation, read once per request as before.
"""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction

KEY = "pagecache:generation"


def shared():
    return settings.PAGE_CACHE_SHARED_GENERATION


def _new_token():
    return secrets.token_hex(8)


def database_token():
    from follow.models import FeedState

    state = FeedState.current()
    return f"db{state.generation}.{state.changed_at.timestamp():.6f}"


def token_or_new(found):
    """The shared token read with the page (`found` is `cache.get_many`'s answer), or a new one if it was lost."""
    token = found.get(KEY)
    if token is None:
        candidate = _new_token()
        # Several processes may find it missing at once: the first to add it wins, the others read the winner's.
        token = candidate if cache.add(KEY, candidate, None) else cache.get(KEY, candidate)
    return token


def current():
    """The token now: the shared one (one cache read; a new one if it was lost), else the database's generation."""
    if shared():
        return token_or_new({KEY: cache.get(KEY)})
    return database_token()


def for_request(request):
    """The token a request's cached pages and parts are read and stored under, taken once per request (the page
    cache's middleware gives it the token it read with the page)."""
    token = getattr(request, "content_token", None)
    if token is None:
        token = request.content_token = current()
    return token


def _renew_after_commit():
    cache.set(KEY, _new_token(), None)


def renew(using=DEFAULT_DB_ALIAS):
    """A change pages show, in the current transaction (`FeedState.bump`): renew the shared token now and after
    the commit (once per transaction, however many changes it makes)."""
    if not shared():
        return
    cache.set(KEY, _new_token(), None)
    connection = connections[using]
    if connection.in_atomic_block and any(
        callback is _renew_after_commit for _sids, callback, _robust in connection.run_on_commit
    ):
        return
    # Robust: the commit has happened; a cache that is unreachable at that moment is logged (Sentry), and every
    # page stored since the first renewal expires within PAGE_CACHE_SECONDS.
    transaction.on_commit(_renew_after_commit, using=using, robust=True)
