from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


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
        "network.RegionPage", "network.NetworkNewsPage", "network.NetworkEventsPage", "network.ResourceLibraryPage",
        "network.StandardPage", "workflows.ApprovedExperienceLibraryPage",
    ]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Count, Q
        from network.collation import alphabetical
        from network.models import BlogPostPage, EventPage, RegionPage, ResourcePage
        from network.models.blog import post_listing
        from network.models.events import event_listing, upcoming
        from network.models.resources import resource_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(
            regions=RegionPage.objects.child_of(self).live().public()
            .order_by(alphabetical("title", self.locale.language_code)).annotate(
                school_count=Count("schools", filter=Q(schools__live=True), distinct=True)
            ),
            latest_posts=post_listing(BlogPostPage.objects.filter(locale=self.locale))[:6],
            upcoming_events=upcoming(event_listing(EventPage.objects.filter(locale=self.locale)))[:4],
            newest_resources=resource_listing(ResourcePage.objects.filter(locale=self.locale))[:4],
        )
        return context

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
