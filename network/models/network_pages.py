"""The network-wide pages: news from every school, every event, the whole resource library."""

from typing import ClassVar

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page, PageManager

from network.vocabulary import EventKind

from .base import parse_int
from .blog import POSTS_PER_PAGE, BlogPostPage, lazy_page, post_listing
from .events import EVENTS_PER_PAGE, EventFilter, EventPage, event_listing, month_grid
from .listing import paginate_listing
from .resources import RESOURCES_PER_PAGE, ResourceFilter, ResourcePage, latest_approved_experience, resource_listing


class NetworkIndexMixin(models.Model):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    # The pages mixing this in with Page have Page's manager: said here because mypy's Django plugin cannot find
    # the manager class Wagtail (untyped) builds with from_queryset.
    objects: ClassVar[PageManager]

    class Meta:
        abstract = True

    def facet_choices(self, region_id=None):
        """Regions of this language, and the schools of the chosen region, for the filter forms.

        Schools only once a region is chosen: a national list of 750 schools in one select is unusable and
        made the page ten times heavier.
        """
        from ..collation import alphabetical
        from .regions import RegionPage
        from .schools import LeadingSchoolPage

        locale = self.locale_id or Locale.get_active()
        # In the alphabet of the language being read, which is the page's own (saves reading the page's locale).
        language = get_language()
        schools = LeadingSchoolPage.objects.none()
        if region_id:
            schools = (
                LeadingSchoolPage.objects.live()
                .filter(locale=locale, region_id=region_id)
                .order_by(alphabetical("title", language))
            )
        return {
            "regions": RegionPage.objects.live()
            .filter(locale=locale)
            .order_by(alphabetical("title", language))
            .only("id", "title"),
            "schools": schools.only("id", "title", "region_id"),
        }


class NetworkNewsPage(NetworkIndexMixin, Page):  # noqa: DJ008 (Page.__str__ applies: ruff sees only the mixin)
    per_page = POSTS_PER_PAGE

    class Meta:
        verbose_name = _("network news")
        verbose_name_plural = _("network news")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        region = request.GET.get("region")
        region_id = parse_int(region)

        def listing():
            posts = post_listing(BlogPostPage.objects.filter(locale_id=self.locale_id))
            return posts.filter(region_id=region_id) if region_id else posts

        # Lazy: when the template's cached part (home/fragments.py) holds the listing, none of its querysets is
        # built, not even the locale read.
        choices = SimpleLazyObject(lambda: self.facet_choices(region_id))
        context.update(
            posts=lazy_page(request, listing, self.per_page),
            region=region,
            regions=SimpleLazyObject(lambda: choices["regions"]),
            schools=SimpleLazyObject(lambda: choices["schools"]),
        )
        return context


class NetworkEventsPage(NetworkIndexMixin, Page):  # noqa: DJ008 (Page.__str__ applies: ruff sees only the mixin)
    per_page = EVENTS_PER_PAGE

    class Meta:
        verbose_name = _("network events")
        verbose_name_plural = _("network events")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = EventFilter(request)
        events = filters.apply(event_listing(EventPage.objects.filter(listing_locale=self.locale_id)))
        context.update(
            filters=filters,
            events=paginate_listing(request, events, self.per_page),
            kinds=EventKind.choices,
            **self.facet_choices(filters.region),
        )
        if filters.month:
            context["month_grid"] = month_grid(filters.month, events)
        return context


class ResourceLibraryPage(NetworkIndexMixin, Page):  # noqa: DJ008 (Page.__str__ applies: ruff sees only the mixin)
    per_page = RESOURCES_PER_PAGE

    class Meta:
        verbose_name = _("network resource library")
        verbose_name_plural = _("network resource libraries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = ResourceFilter(request)
        resources = filters.apply(resource_listing(ResourcePage.objects.filter(listing_locale=self.locale_id)))
        context.update(
            filters=filters,
            resources=paginate_listing(request, resources, self.per_page),
            experiences=latest_approved_experience(locale=self.locale_id),
            **self.facet_choices(filters.region),
        )
        return context
