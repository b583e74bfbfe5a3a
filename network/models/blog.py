from typing import ClassVar

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase, NaturalKeyManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from network.blocks import BodyBlock
from network.widgets import TapChecklist

from .base import SchoolContentMixin
from .people import BlogTag

POSTS_PER_PAGE = 12
# The filter spec of the picture on a post card (network/includes/post_card.html).
POST_CARD_RENDITION = "fill-480x270"


class CappedPaginator(Paginator):
    """Counts at most `cap` items: an exact COUNT over 100,000 national rows cost more than the page itself.

    Beyond the cap the visitor is asked to narrow the filters rather than page further.
    """

    cap = 5000

    @cached_property
    def count(self):
        # Unordered: how many of the first `cap` there are does not depend on the order, and without it the
        # planner need not sort (or walk the date index over) every match.
        return self.object_list.order_by()[: self.cap].count()

    @property
    def is_capped(self):
        return self.count >= self.cap


def paginate(request, queryset, per_page):
    return CappedPaginator(queryset, per_page).get_page(request.GET.get("page"))


def lazy_page(request, listing, per_page):
    """`paginate` of the queryset `listing()` builds, built, counted and read only when the template first uses it:
    a listing whose cards the shared cache holds (home/fragments.py) then costs neither its queries nor building
    them."""
    return SimpleLazyObject(lambda: paginate(request, listing(), per_page))


def post_listing(queryset):
    """Everything a post card shows, in a fixed number of queries whatever the page size."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=POST_CARD_RENDITION)
    return (
        # The image joined, its card rendition prefetched: one query fewer than prefetching the image.
        queryset.live()
        .public()
        .select_related("school", "region", "image")
        .prefetch_related(
            "authors", Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
        )
        .order_by("-date", "-pk")
    )


class BlogIndexPage(Page):
    """A Leading School's blog."""

    per_page = POSTS_PER_PAGE
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["network.LeadingSchoolPage"]
    subpage_types = ["network.BlogPostPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("blog")
        verbose_name_plural = _("blogs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tag = request.GET.get("tag")
        category = request.GET.get("category")

        def listing():
            posts = post_listing(BlogPostPage.objects.child_of(self))
            if tag:
                posts = posts.filter(tags__slug=tag)
            if category:
                posts = posts.filter(categories__slug=category)
            return posts

        context.update(posts=lazy_page(request, listing, self.per_page), tag=tag, category=category)
        if tag:
            # Named as the page's language names it (the address carries the slug all languages share).
            named = BlogTag.objects.filter(slug=tag).first()
            context["tag"] = named.name_here if named else tag
        return context


class BlogPostTag(ItemBase):
    tag = models.ForeignKey(BlogTag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="tagged_posts")
    content_object = ParentalKey("network.BlogPostPage", on_delete=models.CASCADE, related_name="tagged_items")
    # taggit's manager, said here because taggit is untyped: mypy's Django plugin types post.tagged_items with it.
    _default_manager: ClassVar[NaturalKeyManager]


class BlogPostPage(SchoolContentMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("summary"), max_length=400, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    authors = ParentalManyToManyField("network.Teacher", verbose_name=_("authors"), blank=True, related_name="posts")
    categories = ParentalManyToManyField(
        "network.BlogCategory", verbose_name=_("categories"), blank=True, related_name="posts"
    )
    tags = ClusterTaggableManager(through=BlogPostTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("authors", widget=TapChecklist),
                FieldPanel("categories", widget=TapChecklist),
                FieldPanel("tags"),
            ],
            heading=_("About the post"),
        ),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("school"),
        index.FilterField("region"),
    ]
    parent_page_types = ["network.BlogIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")
        # Every listing of posts is newest first.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="network_post_date_idx")]
