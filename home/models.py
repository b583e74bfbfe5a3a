from functools import cache

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models
from wagtail.search import index
from wagtail.url_routing import RouteResult


@cache
def _some_page_type_routes_itself():
    return any(model.route is not Page.route for model in get_page_models() if model is not HomePage)


class HomePage(Page):
    """The network's front page, one per language tree."""

    intro = models.CharField(_("intro"), max_length=300, blank=True)
    body = RichTextField(_("about the network"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "network.RegionPage",
        "network.NetworkNewsPage",
        "network.NetworkEventsPage",
        "network.ResourceLibraryPage",
        "network.StandardPage",
        "workflows.ApprovedExperienceLibraryPage",
    ]
    max_count_per_parent = 1

    def route(self, request, path_components):
        """The page at this URL and its ancestors in one indexed lookup of their url_paths, where Wagtail's own
        routing makes two queries per level (the child by slug, then its specific row): a post six levels deep
        cost twelve. The parent is kept on the page, as Wagtail's routing does, so `get_parent` costs nothing.
        Same answer as Wagtail's (only the page itself must be live); when a page type routes by itself
        (RoutablePageMixin) or the lookup finds no complete lineage, Wagtail's routing decides."""
        if path_components and not _some_page_type_routes_itself():
            prefixes = [f"{self.url_path}{'/'.join(path_components[:n])}/" for n in range(1, len(path_components) + 1)]
            lineage = list(
                Page.objects.filter(
                    url_path__in=prefixes, locale_id=self.locale_id, path__startswith=self.path
                ).order_by("depth")
            )
            if len(lineage) == len(prefixes) and all(
                page.depth == self.depth + n for n, page in enumerate(lineage, start=1)
            ):
                page = lineage[-1]
                if page.live:
                    specific = page.specific
                    specific._cached_parent_obj = lineage[-2] if len(lineage) > 1 else self
                    return RouteResult(specific)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Count, Q
        from django.utils.functional import SimpleLazyObject

        from network.collation import alphabetical
        from network.models import BlogPostPage, EventPage, RegionPage, ResourcePage
        from network.models.blog import post_listing
        from network.models.events import event_listing, upcoming
        from network.models.resources import resource_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(
            # Lazy: when the template's cached part (home/fragments.py) holds them, none of these querysets is
            # built, not even the locale read. Events and resources are selected, as the network listings select
            # them, on their own copies of locale and live (ListingCopyMixin, its partial indexes).
            regions=SimpleLazyObject(
                lambda: (
                    RegionPage.objects.child_of(self)
                    .live()
                    .public()
                    .order_by(alphabetical("title", self.locale.language_code))
                    .annotate(school_count=Count("schools", filter=Q(schools__live=True), distinct=True))
                )
            ),
            latest_posts=SimpleLazyObject(
                lambda: post_listing(BlogPostPage.objects.filter(locale_id=self.locale_id))[:6]
            ),
            upcoming_events=SimpleLazyObject(
                lambda: upcoming(event_listing(EventPage.objects.filter(listing_locale=self.locale_id)))[:4]
            ),
            newest_resources=SimpleLazyObject(
                lambda: resource_listing(ResourcePage.objects.filter(listing_locale=self.locale_id))[:4]
            ),
        )
        return context

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
