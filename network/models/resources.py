from django.db import models
from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from network.blocks import BodyBlock
from network.vocabulary import GRADE_NUMBERS, GRADES, ContentLanguage, Direction, Licence, ResourceKind, Subject
from network.widgets import TapChecklist

from .base import ListingCopyMixin, SchoolContentMixin, choice_display, parse_int
from .blog import paginate

RESOURCES_PER_PAGE = 24


# What a resource card (network/includes/resource_card.html) shows, and what its link and its school's link need
# (Wagtail builds a page's URL from url_path): no description, file or region, none of the school's texts.
RESOURCE_CARD_FIELDS = (
    *("title", "url_path", "depth", "kind", "language", "subject", "grade_from", "grade_to"),
    *("school", "school__title", "school__url_path", "school__depth"),
)


def resource_listing(queryset):
    """Everything a resource card shows, newest first, in a fixed number of queries whatever the page size.
    Live is read from the resource's own copy (ListingCopyMixin)."""
    from .people import Teacher

    return (
        queryset.filter(listing_live=True)
        .public()
        .select_related("school")
        .only(*RESOURCE_CARD_FIELDS)
        .prefetch_related(Prefetch("authors", queryset=Teacher.objects.only("full_name", "latin_name")))
        .order_by("-published_at", "-pk")
    )


APPROVED_EXPERIENCE_SHOWN = 6


def latest_approved_experience(child_of=None, locale=None):
    """The newest approved experience pages (workflows), beside a portal's or the network's resources."""
    from workflows.models import ApprovedExperiencePage

    # What workflows/includes/approved_experience_list.html shows and links to, not the conclusion or abstract.
    pages = (
        ApprovedExperiencePage.objects.live()
        .public()
        .select_related("school")
        .only("title", "url_path", "depth", "level", "authors", "school", "school__title")
    )
    if child_of is not None:
        pages = pages.child_of(child_of)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return list(pages.order_by("-protocol_date", "-pk")[:APPROVED_EXPERIENCE_SHOWN])


class ResourceFilter:
    """The resource library's filters, shared by a school's portal and the network library."""

    FIELDS = {
        "direction": Direction,
        "subject": Subject,
        "kind": ResourceKind,
        "language": ContentLanguage,
    }

    def __init__(self, request):
        self.values = {}
        for name, choices in self.FIELDS.items():
            value = request.GET.get(name, "")
            self.values[name] = value if value in choices.values else ""
        self.grade = parse_int(request.GET.get("grade"), self.grades)
        self.region = parse_int(request.GET.get("region"))
        self.school = parse_int(request.GET.get("school"))

    @property
    def choices(self):
        return {name: choices.choices for name, choices in self.FIELDS.items()}

    grades = GRADE_NUMBERS

    def apply(self, resources):
        for name, value in self.values.items():
            if value:
                resources = resources.filter(**{name: value})
        if self.grade is not None:
            resources = resources.filter(grade_from__lte=self.grade, grade_to__gte=self.grade)
        if self.region:
            resources = resources.filter(region_id=self.region)
        if self.school:
            resources = resources.filter(school_id=self.school)
        return resources

    @property
    def active(self):
        return any(self.values.values()) or any(v is not None for v in (self.grade, self.region, self.school))


class ResourcePortalPage(Page):
    """A Leading School's resource portal: its media library and resource library."""

    per_page = RESOURCES_PER_PAGE
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["network.LeadingSchoolPage"]
    subpage_types = ["network.ResourcePage", "workflows.ApprovedExperiencePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource portal")
        verbose_name_plural = _("resource portals")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = ResourceFilter(request)
        resources = filters.apply(resource_listing(ResourcePage.objects.child_of(self)))
        context.update(
            filters=filters,
            resources=paginate(request, resources, self.per_page),
            experiences=latest_approved_experience(child_of=self),
        )
        return context


class ResourcePage(SchoolContentMixin, ListingCopyMixin, Page):
    """A teacher's resource: a lesson plan, a recommendation, a video lesson, …"""

    kind = models.CharField(_("kind"), max_length=32, choices=ResourceKind.choices)
    direction = models.CharField(_("direction"), max_length=32, choices=Direction.choices, blank=True)
    creative_group = models.CharField(_("creative group"), max_length=255, blank=True)
    subject = models.CharField(_("subject"), max_length=32, choices=Subject.choices)
    grade_from = models.PositiveSmallIntegerField(_("from grade"), choices=GRADES, default=1)
    grade_to = models.PositiveSmallIntegerField(_("to grade"), choices=GRADES, default=11)
    language = models.CharField(_("language of the resource"), max_length=2, choices=ContentLanguage.choices)
    licence = models.CharField(_("licence"), max_length=32, choices=Licence.choices, default=Licence.CC_BY)
    intro = models.TextField(_("summary"), max_length=600, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 file for a video lesson."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    authors = ParentalManyToManyField(
        "network.Teacher", verbose_name=_("authors"), blank=True, related_name="resources"
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    # A copy of first_published_at, the libraries' newest-first order: on the page table that order walks
    # every kind of page of every language (700 ms for a filtered national library); here it walks resources.
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("subject"), FieldPanel("language")]),
                FieldRowPanel([FieldPanel("grade_from"), FieldPanel("grade_to")]),
                FieldRowPanel([FieldPanel("direction"), FieldPanel("creative_group")]),
                FieldPanel("licence"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("authors", widget=TapChecklist),
        FieldPanel("intro"),
        FieldPanel("document"),
        FieldPanel("video"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("subject"),
        index.FilterField("direction"),
        index.FilterField("language"),
        index.FilterField("school"),
        index.FilterField("region"),
    ]
    parent_page_types = ["network.ResourcePortalPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [
            models.Index(fields=["-published_at", "-page_ptr"], name="network_resource_published_idx"),
            # The network library of one language, newest first (ListingCopyMixin), with every filtered column as
            # a key: a filter is checked in the index, so a page of matches reads only the index entries before it,
            # and a count is an index-only scan (bench/README.md, issue 15).
            models.Index(
                fields=[
                    "listing_locale",
                    "-published_at",
                    "-page_ptr",
                    "subject",
                    "language",
                    "grade_from",
                    "grade_to",
                    "kind",
                    "direction",
                    "region",
                    "school",
                ],
                condition=models.Q(listing_live=True),
                name="network_resource_listed_idx",
            ),
            # The library's usual filter (subject, language, grade) and its capped count, index-only: at national
            # scale 127 ms (the table read) -> 45 ms (on the page table) -> 0.2 ms.
            models.Index(
                fields=["listing_locale", "subject", "language", "grade_from", "grade_to"],
                condition=models.Q(listing_live=True),
                name="network_resource_filter_idx",
            ),
            # The same with a region chosen: its count reads the region's resources only (9.8 -> 0.1 ms).
            models.Index(
                fields=[
                    "listing_locale",
                    "region",
                    "kind",
                    "direction",
                    "subject",
                    "language",
                    "grade_from",
                    "grade_to",
                ],
                condition=models.Q(listing_live=True),
                name="network_resource_region_idx",
            ),
        ]

    get_kind_display = choice_display("kind")
    get_direction_display = choice_display("direction")
    get_subject_display = choice_display("subject")
    get_language_display = choice_display("language")
    get_licence_display = choice_display("licence")

    def save(self, *args, **kwargs):
        self.published_at = self.first_published_at
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.grade_from is not None and self.grade_to is not None and self.grade_to < self.grade_from:
            raise ValidationError({"grade_to": _("The last grade cannot come before the first.")})

    def count_download(self):
        """One more download, counted in the database so that simultaneous downloads are not lost."""
        type(self).objects.filter(pk=self.pk).update(download_count=F("download_count") + 1)
