"""One look at the page view restrictions per request instead of one per `.public()` call.

Wagtail's `PageQuerySet.private_q` (behind `.public()`, `.not_public()`, `.private()`) reads every
PageViewRestriction each time it is called: a school page called it six times, on data that has no restriction
at all. Here the restricted pages' paths are read once per request (memoized for the request only, so a
restriction added by another process is honoured by the next request of every process) and the filter is
built from the paths: a page is private when its path starts with a restricted page's path, which is what
Wagtail's `descendant_of_q(page, inclusive=True)` says for treebeard's fixed-width paths.
Outside a request (commands, tasks) nothing is memoized. `Page.get_view_restrictions` (Wagtail's check before
serving a page, two queries) answers "none" without a query when no page is restricted.
"""

import contextvars

from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

_wagtail_get_view_restrictions = None
_memo = contextvars.ContextVar("pagecache_restricted_paths", default=None)


def restricted_paths():
    memo = _memo.get()
    if memo is not None and "paths" in memo:
        return memo["paths"]
    paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    if memo is not None:
        memo["paths"] = paths
    return paths


def private_q(self):
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    # No private section: match no page (as Wagtail does).
    return q if q else Q(pk__in=[])


def get_view_restrictions(self):
    """Wagtail's own check before serving a page costs two queries (the ancestors' aliases, then the
    restrictions): none when no page of the site is restricted, the usual case."""
    if not restricted_paths():
        return PageViewRestriction.objects.none()
    return _wagtail_get_view_restrictions(self)


def _start(**kwargs):
    _memo.set({})


def _finish(**kwargs):
    _memo.set(None)


def _changed(**kwargs):
    memo = _memo.get()
    if memo is not None:
        memo.pop("paths", None)


def install():
    global _wagtail_get_view_restrictions
    _wagtail_get_view_restrictions = Page.get_view_restrictions
    Page.get_view_restrictions = get_view_restrictions
    PageQuerySet.private_q = private_q
    request_started.connect(_start, dispatch_uid="pagecache_restrictions_start")
    request_finished.connect(_finish, dispatch_uid="pagecache_restrictions_finish")
    post_save.connect(_changed, sender=PageViewRestriction, dispatch_uid="pagecache_restrictions_saved")
    post_delete.connect(_changed, sender=PageViewRestriction, dispatch_uid="pagecache_restrictions_deleted")
