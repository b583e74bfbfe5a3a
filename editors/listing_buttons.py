"""wagtail-localize's "Translate this page" and "Sync translated pages" in the page explorer, in a fixed number of
queries, and only on pages the user may translate (editors.translation.may_translate).

wagtail-localize's own listing hook makes two queries for every row (which locales the page lacks; whether it is a
translation source): +102 queries and +0.8 s on a 50-row blog listing at national scale, for anyone holding the
submit permission, which every school editor now does. Here the first row of a listing looks up its siblings once
(the pages under the same parent, all languages), and each row reads from that.
The header buttons of a single page (register_page_header_buttons) stay wagtail-localize's.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

from editors.translation import may_translate

# wagtail-localize's own msgids, translated by its catalogues (and locale_admin): held in constants so that
# makemessages does not copy them into the project's catalogue, which would shadow those translations.
TRANSLATE_THIS_PAGE = "Translate this page"
SYNC_TRANSLATED_PAGES = "Sync translated pages"


def replace_wagtail_localize_listing_buttons(hooks_registry):
    """Take wagtail-localize's function out of the listing hook (its module is imported, so it is registered)."""
    name = "register_page_listing_more_buttons"
    hooks_registry[name] = [
        (fn, order) for fn, order in hooks_registry.get(name, []) if fn is not localize_hooks.page_listing_more_buttons
    ]


def siblings_lookup(user, page):
    """For the pages under page's parent: the locales each translation key exists in, and the sources to sync."""
    cache = user.__dict__.setdefault("_editors_listing_translations", {})
    parent_path = page.path[: -Page.steplen]
    if parent_path not in cache:
        keys = Page.objects.filter(path__startswith=parent_path, depth=page.depth).values("translation_key")
        locales = {}
        for key, locale_id in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).values_list(
            "translation_key", "locale_id"
        ):
            locales.setdefault(key, set()).add(locale_id)
        sources = {
            (source.object_id, source.locale_id): source.pk
            for source in TranslationSource.objects.filter(object_id__in=keys, translations__enabled=True)
            .distinct()
            .only("pk", "object_id", "locale_id")
        }
        if "_editors_locale_count" not in user.__dict__:
            user._editors_locale_count = Locale.objects.count()
        cache[parent_path] = (locales, sources)
    return cache[parent_path] + (user._editors_locale_count,)


def page_listing_more_buttons(page, user, view_name=None, next_url=None):
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation") or not may_translate(user, page):
        return
    locales, sources, locale_count = siblings_lookup(user, page)
    if len(locales.get(page.translation_key, ())) < locale_count:
        yield Button(
            _(TRANSLATE_THIS_PAGE),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    source_id = sources.get((page.translation_key, page.locale_id))
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(_(SYNC_TRANSLATED_PAGES), url, priority=60, icon_name="resubmit")
