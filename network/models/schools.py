from django.db import models
from django.db.models import Count
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from network import rules
from network.blocks import BodyBlock
from network.names import in_page_language, person_name
from network.tree import REGION_DEPTH, region_at
from network.vocabulary import CreativeGroupKind, Direction, LeaderRole


class LeadingSchoolQuerySet(PageQuerySet):
    def with_partner_counts(self):
        return self.annotate(partner_count=Count("partner_schools", distinct=True))


class LeadingSchoolPage(Page):
    """A Leading School: the network organiser of its area, with its partner schools and creative groups."""

    region = models.ForeignKey(
        "network.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="schools",
    )
    locality = models.CharField(_("locality"), max_length=120)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("school website"), blank=True)
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("about the school"), blank=True)
    leader_name = models.CharField(_("responsible leader"), max_length=255, blank=True)
    leader_role = models.CharField(_("leader's role"), max_length=32, choices=LeaderRole.choices, blank=True)
    leader_email = models.EmailField(_("leader's e-mail"), blank=True)

    objects = PageManager.from_queryset(LeadingSchoolQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("locality"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [FieldPanel("leader_name"), FieldPanel("leader_role"), FieldPanel("leader_email")],
            heading=_("Responsible leader"),
            help_text=_("The director or deputy director, or a teacher trained at programme level I."),
        ),
        InlinePanel("directions", label=_("directions of work")),
        FieldPanel("body"),
        InlinePanel("creative_groups", label=_("creative groups")),
        MultiFieldPanel(
            [
                HelpPanel(template="network/admin/partner_ratio_panel.html"),
                InlinePanel("partner_schools", label=_("partner schools")),
            ],
            heading=_("Partner schools"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("locality"),
        index.SearchField("body"),
        index.FilterField("region"),
    ]

    parent_page_types = ["network.RegionPage"]
    subpage_types = [
        "network.BlogIndexPage",
        "network.EventIndexPage",
        "network.ResourcePortalPage",
        "network.StandardPage",
    ]

    class Meta:
        verbose_name = _("Leading School")
        verbose_name_plural = _("Leading Schools")

    def save(self, *args, **kwargs):
        if self.path and self.depth and self.depth > REGION_DEPTH:
            region = region_at(self.path)
            self.region_id = region.pk if region else None
        super().save(*args, **kwargs)

    @property
    def partner_limit(self):
        return rules.PARTNER_SCHOOLS_PER_LEADING_SCHOOL

    @property
    def is_over_partner_limit(self):
        """Whether the school (annotated by `with_partner_counts`) has more partners than the regulation's ratio."""
        return rules.partner_schools_over_limit(self.partner_count) > 0

    def get_context(self, request, *args, **kwargs):
        from .blog import BlogPostPage, post_listing
        from .events import EventPage, event_listing, upcoming
        from .resources import ResourcePage, resource_listing

        context = super().get_context(request, *args, **kwargs)
        # Lazy: when the template's cached part (home/fragments.py) holds them, none of these querysets is built.
        partners = SimpleLazyObject(lambda: list(self.partner_schools.all()))
        context.update(
            partners=partners,
            partners_over_limit=SimpleLazyObject(lambda: rules.partner_schools_over_limit(len(partners))),
            creative_groups=SimpleLazyObject(lambda: self.creative_groups.all()),
            directions=SimpleLazyObject(lambda: self.directions.all()),
            # Their kind comes from the content type (cached): no query per kind of section for their specific rows.
            sections=SimpleLazyObject(
                lambda: {child.specific_class.__name__: child for child in self.get_children().live().public()}
            ),
            latest_posts=SimpleLazyObject(lambda: post_listing(BlogPostPage.objects.filter(school=self))[:3]),
            upcoming_events=SimpleLazyObject(
                lambda: upcoming(event_listing(EventPage.objects.filter(school=self)))[:3]
            ),
            newest_resources=SimpleLazyObject(lambda: resource_listing(ResourcePage.objects.filter(school=self))[:3]),
        )
        return context


class SchoolDirection(Orderable):
    school = ParentalKey(LeadingSchoolPage, on_delete=models.CASCADE, related_name="directions")
    direction = models.CharField(_("direction"), max_length=32, choices=Direction.choices)
    description = models.CharField(_("description"), max_length=255, blank=True)

    panels = [FieldPanel("direction"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("direction of work")
        verbose_name_plural = _("directions of work")


class CreativeGroup(Orderable):
    """A creative group of teachers: primary school, subject, problem or research group (regulation §3)."""

    school = ParentalKey(LeadingSchoolPage, on_delete=models.CASCADE, related_name="creative_groups")
    # wagtail-localize copies inline rows from the Kazakh page to its translations unchanged (they are not
    # translatable models), so the group's name and topic carry their three languages on the one row (README:
    # "Snippets are translated one way") and the page reads its own language's.
    name = models.CharField(_("name (Kazakh)"), max_length=255)
    name_ru = models.CharField(_("name (Russian)"), max_length=255, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=CreativeGroupKind.choices)
    direction = models.CharField(_("direction"), max_length=32, choices=Direction.choices, blank=True)
    focus_topic = models.CharField(_("focus topic (Kazakh)"), max_length=255, blank=True)
    focus_topic_ru = models.CharField(_("focus topic (Russian)"), max_length=255, blank=True)
    focus_topic_en = models.CharField(_("focus topic (English)"), max_length=255, blank=True)
    leader = models.CharField(_("group leader"), max_length=255, blank=True)
    members = models.TextField(_("members"), blank=True, help_text=_("One member a line."))

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_ru"), FieldPanel("name_en")]),
        FieldPanel("kind"),
        FieldPanel("direction"),
        FieldRowPanel([FieldPanel("focus_topic"), FieldPanel("focus_topic_ru"), FieldPanel("focus_topic_en")]),
        FieldPanel("leader"),
        FieldPanel("members"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("creative group")
        verbose_name_plural = _("creative groups")

    @property
    def name_here(self):
        return in_page_language(self, "name")

    @property
    def focus_topic_here(self):
        return in_page_language(self, "focus_topic")

    @property
    def leader_here(self):
        return person_name(self.leader)

    def member_list(self):
        """The members, one a line, named as the page's language writes them."""
        return [person_name(line.strip()) for line in self.members.splitlines() if line.strip()]


class PartnerSchool(Orderable):
    """A partner school of the region grouped around a hub school of the Leading School's network."""

    leading_school = ParentalKey(LeadingSchoolPage, on_delete=models.CASCADE, related_name="partner_schools")
    name = models.CharField(_("name"), max_length=255)
    locality = models.CharField(_("locality"), max_length=120)
    hub_school = models.CharField(
        _("hub school"),
        max_length=255,
        blank=True,
        help_text=_("The hub (resource) school this partner school is grouped around."),
    )
    contact_person = models.CharField(_("contact person"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("locality"),
        FieldPanel("hub_school"),
        FieldPanel("contact_person"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("partner school")
        verbose_name_plural = _("partner schools")


class StandardPage(Page):
    """A plain page of text: a school's "about", a network page."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "network.LeadingSchoolPage", "network.StandardPage"]
    subpage_types = ["network.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
