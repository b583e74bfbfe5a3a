"""The site's main menu: the home page's children marked "show in menus", per language.

Shared by every page, so it is cached (per site root and language) and dropped when a page at that level
is published, unpublished, moved or deleted.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Page, Site

GENERATION_KEY = "main-menu:generation"
MENU_DEPTH = 3


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


def main_menu_items(request):
    memo = getattr(request, "_main_menu", None)
    if memo is not None:
        return memo
    site = Site.find_for_request(request)
    language = get_language()
    generation = cache.get_or_set(GENERATION_KEY, 1)
    key = f"main-menu:{generation}:{site.root_page_id if site else 0}:{language}"
    items = cache.get(key)
    if items is None:
        pages = (
            Page.objects.live()
            .public()
            .in_menu()
            .filter(depth=MENU_DEPTH, locale__language_code=language)
            .order_by("path")
        )
        items = [MenuItem(page.title, page.get_url(request, current_site=site), page.path) for page in pages]
        cache.set(key, items, 60 * 60)
    request._main_menu = items
    return items


def forget_main_menu(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2)


def forget_if_menu_level(sender, instance, **kwargs):
    if instance.depth <= MENU_DEPTH:
        forget_main_menu()


def connect():
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(forget_if_menu_level, dispatch_uid="main_menu_published")
    page_unpublished.connect(forget_if_menu_level, dispatch_uid="main_menu_unpublished")
    # A move can bring a page to or take it from the menu's level, whatever its depth now.
    post_page_move.connect(forget_main_menu, dispatch_uid="main_menu_moved")
    post_delete.connect(forget_if_menu_level, sender=Page, dispatch_uid="main_menu_deleted")
