"""Who is who in the review, the submission (a viewflow process), its files, its history and the published result."""

import hashlib
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Process
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from network.vocabulary import ContentLanguage, Licence, Subject
from workflows import rules


class PrivateStorage(FileSystemStorage):
    """Submitted files live outside MEDIA_ROOT: nothing serves them but the permission-checked view.

    The directory is read from settings at each use (WORKFLOWS_PRIVATE_ROOT, default <project>/private-media), so
    that tests and deployments can move it.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(getattr(settings, "WORKFLOWS_PRIVATE_ROOT", settings.BASE_DIR / "private-media"))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Submitted files have no public URL; link to the permission-checked view instead.")


def private_storage():
    """The "private" storage of settings.STORAGES: PrivateStorage, or the object store's private bucket."""
    return storages["private"]


class SchoolMembership(models.Model):
    """The school a teacher works at: a Leading School, or one of its partner schools."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="school_membership",
    )
    school = models.ForeignKey(
        "network.LeadingSchoolPage",
        verbose_name=_("Leading School"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    partner_school = models.ForeignKey(
        "network.PartnerSchool",
        verbose_name=_("partner school"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for a teacher of the Leading School itself."),
    )
    position = models.CharField(_("position"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("school membership")
        verbose_name_plural = _("school memberships")

    def __str__(self):
        return f"{self.user} — {self.partner_school or self.school}"


class ReviewerRole(models.Model):
    """A reviewer's role, scoped: a school's first head, a region's council member, an association or РОӘК member."""

    class Role(models.TextChoices):
        SCHOOL_HEAD = "school_head", _("first head of a school")
        REGIONAL_COUNCIL = "regional_council", _("member of a regional council (ОӘК)")
        ASSOCIATION = "association", _("member of a profile association (ОӘБ)")
        REPUBLICAN_COUNCIL = "republican_council", _("member of the republican council (РОӘК)")

    STAGE_BY_ROLE = {
        Role.SCHOOL_HEAD: rules.Stage.SCHOOL,
        Role.REGIONAL_COUNCIL: rules.Stage.REGIONAL,
        Role.ASSOCIATION: rules.Stage.ASSOCIATION,
        Role.REPUBLICAN_COUNCIL: rules.Stage.REPUBLICAN,
    }

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="reviewer_roles",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    school = models.ForeignKey(
        "network.LeadingSchoolPage",
        verbose_name=_("Leading School"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    partner_school = models.ForeignKey(
        "network.PartnerSchool",
        verbose_name=_("partner school"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("For the first head of a partner school: the school whose teachers they sign for."),
    )
    region = models.ForeignKey(
        "network.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    subject = models.CharField(
        _("subject profile"),
        max_length=32,
        choices=Subject.choices,
        blank=True,
        help_text=_(
            "For a member of a profile association (ОӘБ): the subject of the association; empty for an "
            "association of every profile and for the other roles."
        ),
    )

    class Meta:
        verbose_name = _("reviewer role")
        verbose_name_plural = _("reviewer roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "school", "partner_school", "region", "subject"], name="workflows_unique_role"
            ),
            # Only an association is formed by profile.
            models.CheckConstraint(
                condition=Q(role="association") | Q(subject=""),
                name="workflows_profile_of_association",
                violation_error_message=_(
                    "Only a profile association (ОӘБ) is formed by subject: leave the "
                    "subject profile empty for the other roles."
                ),
            ),
            # A head is scoped to a school, a regional council member to a region; the others are national.
            models.CheckConstraint(
                condition=~Q(role="school_head") | Q(school__isnull=False),
                name="workflows_head_has_school",
            ),
            models.CheckConstraint(
                condition=~Q(role="regional_council") | Q(region__isnull=False),
                name="workflows_council_has_region",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"

    @property
    def stage(self):
        return self.STAGE_BY_ROLE[self.role]


# What an author may choose for the materials published with an approved experience: reuse with attribution, or
# reading only.
PUBLISHED_LICENCES = [
    (Licence.CC_BY.value, Licence.CC_BY.label),
    (Licence.ALL_RIGHTS_RESERVED.value, _("view only (all rights reserved)")),
]


class Submission(Process):
    """A teacher's innovative pedagogical experience submitted for review; the process of its review."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("under review")
        REVISION = "revision", _("returned for revision")
        APPROVED = "approved", _("dissemination approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    OPEN_STATES = (State.IN_REVIEW, State.REVISION)

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    school = models.ForeignKey(
        "network.LeadingSchoolPage",
        verbose_name=_("Leading School"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    partner_school = models.ForeignKey(
        "network.PartnerSchool",
        verbose_name=_("partner school"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.ForeignKey(
        "network.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)
    abstract = models.TextField(_("abstract"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices, default="kk")
    category = models.CharField(_("qualification category sought"), max_length=32, choices=rules.Category.choices)
    result_kind = models.CharField(_("kind of result"), max_length=40, choices=rules.ResultKind.choices)
    subject = models.CharField(
        _("subject profile"),
        max_length=32,
        choices=Subject.choices,
        blank=True,
        help_text=_("A teacher-expert's submission is examined by the profile association (ОӘБ) of this subject."),
    )
    licence = models.CharField(
        _("licence of the published materials"),
        max_length=32,
        choices=PUBLISHED_LICENCES,
        default=Licence.CC_BY,
        help_text=_(
            "If the experience is approved, the materials you mark are offered for download under this "
            "licence on its public page."
        ),
    )

    # Where the review stands is Viewflow's (the process status, its open task, the end it reached). These four
    # columns are a copy of it for the listings that filter and count by them with indexes (inboxes, cabinet,
    # monitoring, reminders), written by workflows.flows.record_position alone: `save()` leaves them out.
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT, db_index=True)
    stage = models.CharField(_("stage"), max_length=16, choices=rules.Stage.choices, blank=True)
    # How far along its route the submission has come (0 school, 1 council, 2 republican council): a council sees a
    # submission only once it has reached it, and keeps seeing it afterwards.
    reached = models.PositiveSmallIntegerField(default=0, editable=False)
    stage_due = models.DateTimeField(_("decision due"), null=True, blank=True)
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    reminded_before_due = models.BooleanField(default=False, editable=False)
    reminded_after_due = models.BooleanField(default=False, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # The approved-dissemination decision.
    level = models.CharField(
        _("dissemination level"), max_length=16, choices=rules.DisseminationLevel.choices, blank=True
    )
    required_coverage = models.PositiveSmallIntegerField(_("required coverage"), null=True, blank=True)
    coverage_unit = models.CharField(_("coverage unit"), max_length=16, choices=rules.CoverageUnit.choices, blank=True)
    protocol_number = models.CharField(_("protocol number"), max_length=64, blank=True)
    protocol_date = models.DateField(_("protocol date"), null=True, blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        indexes = [
            models.Index(fields=["author", "-process_ptr"], name="workflows_submission_author"),
            models.Index(fields=["school", "state"], name="workflows_submission_school"),
            models.Index(fields=["region", "state"], name="workflows_submission_region"),
            models.Index(fields=["state", "stage_due"], name="workflows_submission_due"),
        ]

    POSITION_FIELDS = ("state", "stage", "reached", "stage_due")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Saving an existing submission never writes its position: only the flow does, naming those fields (a
        service's or Viewflow's own save of a stale instance would otherwise write an old state back)."""
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in self.POSITION_FIELDS
            ]
        super().save(*args, **kwargs)

    @property
    def route(self):
        return rules.route(self.category)

    @property
    def is_editable(self):
        return self.state in (self.State.DRAFT, self.State.REVISION)

    def author_names(self, language=None):
        """The authors' names as a page in `language` writes them: in Latin letters in English, the author's own
        Latin form (their profile) where they gave one."""
        from network.names import person_name

        if language is None:  # official documents (the conclusion) name the authors as their documents do
            return [author.full_name for author in self.authors.all()]
        authors = self.authors.select_related("user__teacher_profile")
        return [
            person_name(author.full_name, latin=_profile_latin_name(author.user), language=language)
            for author in authors
        ]

    def active_files(self):
        return self.files.filter(removed_at__isnull=True)

    def expected_of_author(self):
        """What the author is expected to do now, in a sentence."""
        if self.state == self.State.DRAFT:
            return _("Complete the submission and send it for review.")
        if self.state == self.State.REVISION:
            return _("Revise the submission as the reviewers asked and resubmit it.")
        if self.state == self.State.IN_REVIEW:
            return _("Nothing: the reviewers are examining the submission.")
        if self.state == self.State.APPROVED:
            return _("Disseminate the experience and record each event.")
        return ""

    def coverage_done(self):
        """How many distinct districts/cities or regions the recorded dissemination events covered."""
        events = self.dissemination_events.all()
        if self.coverage_unit == rules.CoverageUnit.REGION:
            return len({event.region_name.strip().lower() for event in events if event.region_name.strip()})
        return len({event.district.strip().lower() for event in events if event.district.strip()})


def _profile_latin_name(user):
    profile = getattr(user, "teacher_profile", None) if user is not None else None
    return profile.latin_name if profile is not None else ""


class SubmissionAuthor(models.Model):
    """An author of the submission: the submitter first, then co-authors."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="authors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    full_name = models.CharField(_("full name"), max_length=255)
    workplace = models.CharField(_("place of work"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.full_name


def submission_file_path(instance, filename):
    return f"submissions/{instance.submission_id}/{instance.sha256[:16]}/{filename}"


class SubmissionFile(models.Model):
    """A material or a supporting document; supporting documents are counted once across all submissions."""

    class Kind(models.TextChoices):
        MATERIAL = "material", _("material")
        SUPPORTING = "supporting", _("supporting document")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    document_kind = models.CharField(
        _("kind of document"), max_length=32, choices=rules.SupportingDocumentKind.choices, blank=True
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=submission_file_path, max_length=500)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    # A material the author offers for download on the public page once the experience is approved.
    publish = models.BooleanField(_("publish if approved"), default=True)
    # A supporting document counts while its submission is live; a removed file or a withdrawn submission frees it.
    counted = models.BooleanField(default=False, editable=False)
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "uploaded_at", "pk"]
        verbose_name = _("file")
        verbose_name_plural = _("files")
        constraints = [
            # The database itself refuses a second copy, so two simultaneous uploads cannot both be counted.
            models.UniqueConstraint(
                fields=["sha256"], condition=Q(counted=True), name="workflows_supporting_document_once"
            ),
        ]

    def __str__(self):
        return self.original_name

    @staticmethod
    def digest(uploaded):
        sha = hashlib.sha256()
        for chunk in uploaded.chunks():
            sha.update(chunk)
        uploaded.seek(0)
        return sha.hexdigest()


class SubmissionEvent(models.Model):
    """The audit trail: every transition, claim, upload and decision, with who, when, what and the comment."""

    class Action(models.TextChoices):
        CREATED = "created", _("draft created")
        SUBMITTED = "submitted", _("submitted")
        RESUBMITTED = "resubmitted", _("resubmitted after revision")
        CLAIMED = "claimed", _("task claimed")
        RELEASED = "released", _("task released")
        ENDORSED = "endorse", _("endorsed by the first head")
        APPROVED = "approve", _("dissemination approved")
        FORWARDED = "forward", _("forwarded to the republican council")
        RETURNED = "return", _("returned for revision")
        REJECTED = "reject", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn by the author")
        PUBLISHED = "published", _("published in the resource portal")
        DISSEMINATED = "disseminated", _("dissemination event recorded")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    task = models.ForeignKey("viewflow.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    stage = models.CharField(_("stage"), max_length=16, choices=rules.Stage.choices, blank=True)
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("comment"), blank=True)
    protocol_number = models.CharField(_("protocol number"), max_length=64, blank=True)
    protocol_date = models.DateField(_("protocol date"), null=True, blank=True)
    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    def __str__(self):
        return f"{self.get_action_display()} — {self.created:%Y-%m-%d %H:%M}"


class DisseminationEvent(models.Model):
    """An event at which the author disseminated the approved experience."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="dissemination_events")
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255)
    district = models.CharField(_("district/city"), max_length=120, blank=True)
    region_name = models.CharField(_("region"), max_length=120, blank=True)
    description = models.TextField(_("what was done"), blank=True)
    evidence = models.FileField(_("evidence"), storage=private_storage, upload_to="dissemination/%Y/%m/", blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("dissemination event")
        verbose_name_plural = _("dissemination events")

    def __str__(self):
        return f"{self.date} — {self.place}"


class ApprovedExperiencePage(Page):
    """Approved innovative pedagogical experience, published automatically in the school's resource portal."""

    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    school = models.ForeignKey(
        "network.LeadingSchoolPage",
        verbose_name=_("Leading School"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    region = models.ForeignKey(
        "network.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    authors = models.CharField(_("authors"), max_length=500)
    category = models.CharField(_("qualification category"), max_length=32, choices=rules.Category.choices)
    result_kind = models.CharField(_("kind of result"), max_length=40, choices=rules.ResultKind.choices)
    subject = models.CharField(_("subject"), max_length=32, choices=Subject.choices, blank=True)
    abstract = models.TextField(_("abstract"), blank=True)
    level = models.CharField(_("dissemination level"), max_length=16, choices=rules.DisseminationLevel.choices)
    required_coverage = models.PositiveSmallIntegerField(_("required coverage"), default=rules.MINIMUM_COVERAGE)
    coverage_unit = models.CharField(_("coverage unit"), max_length=16, choices=rules.CoverageUnit.choices)
    council = models.CharField(_("council"), max_length=16, choices=rules.Stage.choices)
    protocol_number = models.CharField(_("protocol number"), max_length=64)
    protocol_date = models.DateField(_("protocol date"))
    conclusion = models.TextField(_("conclusion"), blank=True)
    licence = models.CharField(
        _("licence of the materials"), max_length=32, choices=PUBLISHED_LICENCES, default=Licence.CC_BY
    )

    content_panels = Page.content_panels + [
        FieldPanel("authors"),
        FieldPanel("licence"),
        FieldPanel("abstract"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("result_kind")]),
                FieldPanel("subject"),
                FieldRowPanel([FieldPanel("council"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("required_coverage"), FieldPanel("coverage_unit")]),
                FieldRowPanel([FieldPanel("protocol_number"), FieldPanel("protocol_date")]),
                FieldPanel("conclusion"),
            ],
            heading=_("Decision"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("authors"),
        index.FilterField("level"),
        index.FilterField("school"),
        index.FilterField("region"),
    ]
    parent_page_types = ["network.ResourcePortalPage"]
    subpage_types: list[str] = []
    template = "workflows/pages/approved_experience_page.html"

    class Meta:
        verbose_name = _("approved experience")
        verbose_name_plural = _("approved experience")

    @cached_property
    def coverage_done(self):
        return self.submission.coverage_done() if self.submission_id else 0

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        done = self.coverage_done
        context.update(
            coverage_done=done,
            coverage_reached=done >= self.required_coverage,
            coverage_percent=min(100, round(100 * done / self.required_coverage)) if self.required_coverage else 100,
            dissemination_events=self.submission.dissemination_events.all() if self.submission_id else [],
            materials=self.published_materials(),
        )
        return context

    def published_materials(self):
        """The materials the author chose to publish; none before approval or once the page is unpublished."""
        if not self.submission_id:
            return SubmissionFile.objects.none()
        return SubmissionFile.objects.filter(
            submission_id=self.submission_id,
            submission__state=Submission.State.APPROVED,
            kind=SubmissionFile.Kind.MATERIAL,
            publish=True,
            removed_at__isnull=True,
        ).order_by("uploaded_at", "pk")


class ApprovedExperienceLibraryPage(Page):
    """The network's library of approved experience: every approved experience page of this language."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "workflows/pages/approved_experience_library_page.html"

    class Meta:
        verbose_name = _("approved experience library")
        verbose_name_plural = _("approved experience libraries")

    def experiences(self):
        return (
            ApprovedExperiencePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .select_related("school", "region")
            .order_by("-protocol_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        level = request.GET.get("level", "")
        experiences = self.experiences()
        if level in rules.DisseminationLevel.values:
            experiences = experiences.filter(level=level)
        context.update(
            level=level,
            levels=rules.DisseminationLevel.choices,
            experiences=Paginator(experiences, 20).get_page(request.GET.get("page")),
        )
        return context
