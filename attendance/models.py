"""Registrations for network events, attendance, and the documents anyone can verify (certificates, conclusions).

An event exists once per language (kk, ru, en pages sharing a translation key); its registrations do not: one
RegistrationDesk per translation key holds the settings and the seat count, and every language version of the page
shows the same seats. Registrations and certificates copy the event's school, region, kind and start (indexed), so
that monitoring counts them per school, region, kind and month without joining the page tree.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.vocabulary import EventKind


class EventFacts(models.Model):
    """The event's school, region, kind and start, copied so that counts need no join (kept by signals.py)."""

    school = models.ForeignKey(
        "network.LeadingSchoolPage",
        verbose_name=_("Leading School"),
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
    event_kind = models.CharField(_("kind of event"), max_length=32, choices=EventKind.choices, blank=True)
    event_start = models.DateTimeField(_("starts"), null=True, blank=True)

    class Meta:
        abstract = True


class RegistrationDesk(EventFacts):
    """One event's registration settings and seat count, shared by its language versions."""

    event_key = models.UUIDField(_("event translation key"), unique=True)
    # The version in the default language when there is one: titles in other languages are looked up by key.
    event = models.ForeignKey("network.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="+")
    is_open = models.BooleanField(
        _("takes registrations"), default=True, help_text=_("Untick to close registration; tick again to reopen it.")
    )
    capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. Beyond it, teachers join the waiting list."),
    )
    deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Empty: until the event starts. Kazakhstan time (UTC+5)."),
    )
    hours = models.PositiveSmallIntegerField(_("hours on the certificate"), default=2)
    # Kept under the desk's row lock by attendance.services: the seats taken, without counting rows.
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0)
    # Progress of the last certificate issue (a background task for hundreds of attendees).
    issue_total = models.PositiveIntegerField(default=0)
    issue_done = models.PositiveIntegerField(default=0)
    issue_started_at = models.DateTimeField(null=True, blank=True)
    issue_finished_at = models.DateTimeField(null=True, blank=True)
    # When the organiser last saved who was present (attendance.services.mark_attendance), and who did: until then
    # the registrations' `attended` says nothing, and monitoring counts the event as "attendance not marked" rather
    # than counting every teacher absent.
    attendance_marked_at = models.DateTimeField(_("attendance marked"), null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attendance marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        indexes = [models.Index(fields=["is_open", "event_start"], name="attendance_desk_open_idx")]

    def __str__(self):
        return self.event.title

    @property
    def closes_at(self):
        return self.deadline or self.event_start

    @property
    def seats_left(self):
        return None if self.capacity is None else max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self):
        return self.capacity is not None and self.seats_taken >= self.capacity

    def accepts_registrations(self, now=None):
        now = now or timezone.now()
        return self.is_open and not self.event.is_cancelled and (self.closes_at is None or now < self.closes_at)

    @property
    def issue_in_progress(self):
        return self.issue_started_at is not None and self.issue_finished_at is None


class Registration(EventFacts):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("registered")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    desk = models.ForeignKey(
        RegistrationDesk, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teacher"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CONFIRMED)
    attended = models.BooleanField(_("present"), default=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    # The waiting list's order: when the teacher joined it (a cancelled teacher who registers again queues anew).
    queued_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["desk", "user"], name="attendance_one_registration_per_user")]
        indexes = [
            models.Index(fields=["desk", "status", "queued_at"], name="attendance_reg_queue_idx"),
            # Monitoring: per school / region / kind and month.
            models.Index(fields=["school", "event_start"], name="attendance_reg_school_idx"),
            models.Index(fields=["region", "event_start"], name="attendance_reg_region_idx"),
            models.Index(fields=["event_kind", "event_start"], name="attendance_reg_kind_idx"),
            models.Index(
                fields=["event_start"],
                name="attendance_reg_remind_idx",
                condition=Q(status="confirmed", reminded_at__isnull=True),
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.desk}"


def new_number():
    """A certificate number nobody can guess (50 random bits), easy to read aloud: no 0/O, 1/I/L."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    body = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"LS-{body[:5]}-{body[5:]}"


class Certificate(EventFacts):
    """A document the network issues and anyone can verify by its number: a participation certificate or the
    conclusion of a council's approval of dissemination."""

    class Kind(models.TextChoices):
        PARTICIPATION = "participation", _("Certificate of participation")
        CONCLUSION = "conclusion", _("Conclusion on the dissemination of experience")

    number = models.CharField(_("number"), max_length=20, unique=True, default=new_number, editable=False)
    kind = models.CharField(_("kind of document"), max_length=16, choices=Kind.choices)
    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    submission = models.OneToOneField(
        "workflows.Submission",
        verbose_name=_("submission"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conclusion_document",
    )
    # Frozen when issued: the document says what it said that day.
    holder_name = models.CharField(_("holder"), max_length=500)
    hours = models.PositiveSmallIntegerField(_("hours"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revocation"), max_length=500, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        indexes = [
            models.Index(fields=["school", "event_start"], name="attendance_cert_school_idx"),
            models.Index(fields=["region", "event_start"], name="attendance_cert_region_idx"),
            models.Index(fields=["event_kind", "event_start"], name="attendance_cert_kind_idx"),
        ]

    def __str__(self):
        return self.number

    @property
    def is_revoked(self):
        return self.revoked_at is not None
