"""A teacher's account beyond what django-allauth keeps: the profile, and the requests to join a school.

The confirmed affiliation itself is `workflows.SchoolMembership` (one per user), which the review reads to decide
whether a teacher may send a submission; `AffiliationRequest` keeps every request, pending or decided, as history.
The preferred language lives in Wagtail's `UserProfile.preferred_language`, which every e-mail already reads.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from network.vocabulary import Subject
from workflows.rules import Category


class TeacherProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="teacher_profile",
    )
    # The name as in official documents is user.first_name / user.last_name; this is its Latin form for English pages.
    latin_name = models.CharField(_("full name in Latin letters"), max_length=255, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    subjects = models.JSONField(_("subjects"), default=list, blank=True)
    category = models.CharField(
        _("current qualification category"),
        max_length=32,
        choices=Category.choices,
        blank=True,
    )

    class Meta:
        verbose_name = _("teacher's profile")
        verbose_name_plural = _("teachers' profiles")

    def __str__(self):
        return self.latin_name or str(self.user)

    def subject_labels(self):
        labels = dict(Subject.choices)
        return [labels[code] for code in self.subjects if code in labels]


def school_scope(user):
    """Whose affiliation a user decides, as a filter on `school` / `partner_school` (None: nobody's, Q(): all).

    A school's editors and moderators keep the whole network of their Leading School (its workspace's groups,
    `SchoolWorkspace.objects.school_keys_of`); a first head signs for their own organisation only, as in the review
    (`workflows.roles`). Requests and memberships name the school's default-language page, whose translation key
    every language version shares. Used for listings and for every single decision alike.
    """
    from network.models import SchoolWorkspace
    from workflows.models import ReviewerRole

    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Q()
    scope = Q(school__translation_key__in=SchoolWorkspace.objects.school_keys_of(user))
    for role in ReviewerRole.objects.filter(user=user, role=ReviewerRole.Role.SCHOOL_HEAD).select_related("school"):
        scope |= Q(school__translation_key=role.school.translation_key, partner_school_id=role.partner_school_id)
    return scope


def in_scope_of(queryset, user):
    scope = school_scope(user)
    return queryset.none() if scope is None else queryset.filter(scope)


class AffiliationRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=AffiliationRequest.Status.PENDING)

    def decidable_by(self, user):
        return in_scope_of(self, user)


class AffiliationRequest(models.Model):
    """A teacher's request to be recorded as working at a Leading School or one of its partner schools."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teacher"),
        on_delete=models.CASCADE,
        related_name="affiliation_requests",
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
        on_delete=models.CASCADE,
        related_name="+",
    )
    position = models.CharField(_("position"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AffiliationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request to join a school")
        verbose_name_plural = _("requests to join a school")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One open request a teacher: moving school is a new request once the last one is decided.
            models.UniqueConstraint(
                fields=["user"], condition=Q(status="pending"), name="accounts_one_pending_request"
            ),
        ]
        indexes = [models.Index(fields=["school", "status"], name="accounts_request_school")]

    def __str__(self):
        return f"{self.user} → {self.organisation_name}"

    @property
    def organisation_name(self):
        return self.partner_school.name if self.partner_school_id else self.school.title
