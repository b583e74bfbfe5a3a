"""Purge a cache in front of the web nodes (Varnish, a CDN) when a page is published, unpublished or moved.

Wagtail's frontend_cache app (installed when FRONTEND_CACHE_URL is set) purges the page itself. Its listings show
it too: this purges the page's ancestors (its section, school, region and the home page) and the network-wide
listings of its language. Anything else a front cache holds expires after PAGE_CACHE_FRONT_SECONDS; the page
cache of the web nodes themselves never serves a stale page (pagecache.middleware).
"""

from django.apps import apps
from django.db import transaction
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move


def pages_showing(page):
    """The live pages whose content lists or links this page, in its language."""
    from network.models import NetworkEventsPage, NetworkNewsPage, ResourceLibraryPage

    ancestors = list(page.get_ancestors().filter(depth__gt=1).live().specific())
    listings = []
    for model in (NetworkNewsPage, NetworkEventsPage, ResourceLibraryPage):
        listings.extend(model.objects.live().filter(locale_id=page.locale_id))
    return ancestors + listings


def purge_listings(page):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages_showing(page))
    batch.purge()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_front_cache(sender, instance, **kwargs):
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    page_id = instance.pk

    def purge():
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            purge_listings(page)

    # After the commit, so that a request arriving between the purge and the commit cannot re-cache the old page.
    transaction.on_commit(purge)
