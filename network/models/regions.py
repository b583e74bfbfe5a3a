from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from network.names import in_page_language, person_name
from network.vocabulary import RegionKind


class RegionPage(Page):
    """A region or city of republican significance, with its Coordination Centre and Leading Schools."""

    kind = models.CharField(_("kind"), max_length=16, choices=RegionKind.choices, default=RegionKind.REGION)
    centre = models.CharField(_("administrative centre"), max_length=120, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    coordination_centre_name = models.CharField(
        _("Coordination Centre"),
        max_length=255,
        blank=True,
        help_text=_("At the regional branch of the Centre of Pedagogical Excellence."),
    )
    coordination_centre_address = models.CharField(_("address"), max_length=255, blank=True)
    coordination_centre_phone = models.CharField(_("phone"), max_length=64, blank=True)
    coordination_centre_email = models.EmailField(_("e-mail"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("centre"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("coordination_centre_name"),
                FieldPanel("coordination_centre_address"),
                FieldPanel("coordination_centre_phone"),
                FieldPanel("coordination_centre_email"),
                InlinePanel("trainers", label=_("trainers (network leaders)")),
            ],
            heading=_("Coordination Centre"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.FilterField("kind")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.LeadingSchoolPage"]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def get_context(self, request, *args, **kwargs):
        from ..collation import alphabetical
        from .schools import LeadingSchoolPage

        context = super().get_context(request, *args, **kwargs)
        context["schools"] = (
            LeadingSchoolPage.objects.child_of(self)
            .live()
            .public()
            .with_partner_counts()
            .order_by(alphabetical("title", self.locale.language_code))
        )
        context["trainers"] = self.trainers.all()
        return context


class CoordinationCentreTrainer(Orderable):
    region = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="trainers")
    name = models.CharField(_("name"), max_length=255)
    # Copied unchanged from the Kazakh page to its translations (inline rows are not translated by
    # wagtail-localize): the position keeps its three languages here, like a teacher's.
    position = models.CharField(_("position (Kazakh)"), max_length=255, blank=True)
    position_ru = models.CharField(_("position (Russian)"), max_length=255, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("position"), FieldPanel("position_ru"), FieldPanel("position_en")]),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")

    @property
    def name_here(self):
        return person_name(self.name)

    @property
    def position_here(self):
        return in_page_language(self, "position")
