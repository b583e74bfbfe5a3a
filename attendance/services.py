"""Every change to registrations, attendance and certificates, each under the event desk's row lock.

The lock (SELECT ... FOR UPDATE on the RegistrationDesk row) serialises everything that moves a seat: two teachers
taking the last seat at once are served one after the other, and the second joins the waiting list. Nothing here
trusts the caller's view of the counts: they are read again inside the lock.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from attendance import access, events
from attendance.models import Certificate, Registration, RegistrationDesk
from attendance.people import holder_name
from network.models import EventPage

Status = Registration.Status


class RegistrationError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def desk_for(event):
    """The desk of an event page in any language, or None when the event takes no registrations here."""
    return RegistrationDesk.objects.select_related("event").filter(event_key=event.translation_key).first()


def open_desk(event, **settings):
    """Start taking registrations for an event (every language version shares the desk)."""
    from django.conf import settings as django_settings
    from wagtail.models import Locale

    source = event
    default = Locale.objects.filter(language_code=django_settings.LANGUAGE_CODE).first()
    if default and event.locale_id != default.pk:
        source = EventPage.objects.filter(translation_key=event.translation_key, locale=default).first() or event
    duration = (event.end - event.start).total_seconds() / 3600
    defaults = {
        "event": source,
        "school_id": source.school_id,
        "region_id": source.region_id,
        "event_kind": source.kind,
        "event_start": source.start,
        "hours": max(1, min(round(duration), 8)),
        **settings,
    }
    desk, _created = RegistrationDesk.objects.get_or_create(event_key=event.translation_key, defaults=defaults)
    return desk


def _locked(desk_id):
    return RegistrationDesk.objects.select_for_update().select_related("event").get(pk=desk_id)


def _facts(desk):
    return {
        "school_id": desk.school_id,
        "region_id": desk.region_id,
        "event_kind": desk.event_kind,
        "event_start": desk.event_start,
    }


def register(desk_id, user):
    """Register the user: a seat when one is free, else the waiting list. Returns the registration."""
    now = timezone.now()
    with transaction.atomic():
        desk = _locked(desk_id)
        if not desk.accepts_registrations(now):
            raise RegistrationError(_("Registration for this event is closed."))
        registration = Registration.objects.filter(desk=desk, user=user).first()
        if registration is not None and registration.status != Status.CANCELLED:
            return registration
        status = Status.WAITING if desk.is_full else Status.CONFIRMED
        if registration is None:
            registration = Registration(desk=desk, user=user)
        registration.status, registration.queued_at, registration.status_changed_at = status, now, now
        registration.attended, registration.reminded_at = False, None
        for field, value in _facts(desk).items():
            setattr(registration, field, value)
        registration.save()
        if status == Status.CONFIRMED:
            desk.seats_taken += 1
            desk.save(update_fields=["seats_taken"])
        events.registration_changed.send(sender=Registration, registration_id=registration.pk, what=status)
    return registration


def cancel(registration_id, user):
    """The teacher cancels; a freed seat goes to the first on the waiting list."""
    with transaction.atomic():
        registration = Registration.objects.select_related("desk").get(pk=registration_id)
        if registration.user_id != user.pk:
            raise PermissionDenied
        desk = _locked(registration.desk_id)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            return registration
        if desk.event.is_past:
            raise RegistrationError(_("The event is over: the registration can no longer be cancelled."))
        was_confirmed = registration.status == Status.CONFIRMED
        registration.status, registration.status_changed_at = Status.CANCELLED, timezone.now()
        registration.save(update_fields=["status", "status_changed_at"])
        if was_confirmed:
            desk.seats_taken -= 1
            desk.save(update_fields=["seats_taken"])
            promoted = _promote(desk)
            for pk in promoted:
                events.registration_changed.send(sender=Registration, registration_id=pk, what="promoted")
    return registration


def _promote(desk):
    """Fill free seats from the waiting list, first come first served. Call inside the desk's lock."""
    if desk.event.is_past:
        return []
    free = None if desk.capacity is None else desk.capacity - desk.seats_taken
    waiting = Registration.objects.filter(desk=desk, status=Status.WAITING).order_by("queued_at", "pk")
    if free is not None:
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting.values_list("pk", flat=True))
    if promoted:
        Registration.objects.filter(pk__in=promoted).update(status=Status.CONFIRMED, status_changed_at=timezone.now())
        desk.seats_taken += len(promoted)
        desk.save(update_fields=["seats_taken"])
    return promoted


def update_settings(desk_id, *, is_open, capacity, deadline, hours):
    """The organiser's settings; more seats promote the waiting list at once."""
    with transaction.atomic():
        desk = _locked(desk_id)
        desk.is_open, desk.capacity, desk.deadline, desk.hours = is_open, capacity, deadline, hours
        desk.save(update_fields=["is_open", "capacity", "deadline", "hours"])
        for pk in _promote(desk):
            events.registration_changed.send(sender=Registration, registration_id=pk, what="promoted")
    return desk


def mark_attendance(desk_id, present_ids, *, by):
    """The organiser `by` marks who was present among the confirmed registrations (everyone else: absent), and the
    desk records that attendance was marked, when and by whom: monitoring counts presence and no-shows only for
    events so marked. Returns how many present. Someone who does not organise the event's school is refused."""
    with transaction.atomic():
        desk = _locked(desk_id)
        if not access.may_organise(by, desk.event):
            raise PermissionDenied
        confirmed = Registration.objects.filter(desk=desk, status=Status.CONFIRMED)
        present = confirmed.filter(pk__in=present_ids).update(attended=True)
        confirmed.exclude(pk__in=present_ids).update(attended=False)
        desk.attendance_marked_at, desk.attendance_marked_by = timezone.now(), by
        desk.save(update_fields=["attendance_marked_at", "attendance_marked_by"])
    return present


ISSUE_BATCH = 100


def start_issue(desk_id):
    """Queue the issue of certificates to everyone marked present who has none yet; returns how many."""
    with transaction.atomic():
        desk = _locked(desk_id)
        if desk.issue_in_progress:
            raise RegistrationError(_("Certificates are already being issued for this event."))
        if not desk.event.is_past:
            raise RegistrationError(_("Certificates can be issued only after the event."))
        total = _awaiting(desk).count()
        if not total:
            raise RegistrationError(_("Everyone marked present already has a certificate."))
        desk.issue_total, desk.issue_done = total, 0
        desk.issue_started_at, desk.issue_finished_at = timezone.now(), None
        desk.save(update_fields=["issue_total", "issue_done", "issue_started_at", "issue_finished_at"])
        transaction.on_commit(lambda: issue_certificates.enqueue(desk.pk))
    return total


def _awaiting(desk):
    return Registration.objects.filter(desk=desk, status=Status.CONFIRMED, attended=True, certificate__isnull=True)


def issue_batch(desk_id):
    """Issue one batch of certificates, committed on its own so that the organiser sees the progress.
    Returns how many were issued (0 when done)."""
    with transaction.atomic():
        desk = _locked(desk_id)
        batch = list(_awaiting(desk).select_related("user").order_by("pk")[:ISSUE_BATCH])
        Certificate.objects.bulk_create(
            [
                Certificate(
                    kind=Certificate.Kind.PARTICIPATION,
                    registration=registration,
                    holder_name=holder_name(registration.user),
                    hours=desk.hours,
                    **_facts(desk),
                )
                for registration in batch
            ]
        )
        desk.issue_done += len(batch)
        if not batch:
            desk.issue_finished_at = timezone.now()
        desk.save(update_fields=["issue_done", "issue_finished_at"])
    return len(batch)


@task()
def issue_certificates(desk_id):
    """Issue the certificates batch by batch; each batch commits, so the organiser's page shows the progress."""
    issued = 0
    while True:
        count = issue_batch(desk_id)
        if not count:
            return issued
        issued += count


def revoke(certificate_id, user, reason):
    reason = (reason or "").strip()
    if not reason:
        raise RegistrationError(_("Give the reason for revoking the certificate."))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
        if certificate.is_revoked:
            raise RegistrationError(_("This certificate is already revoked."))
        certificate.revoked_at, certificate.revoked_by, certificate.revoked_reason = timezone.now(), user, reason
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    return certificate


def conclusion_document(submission):
    """The verifiable document of an approved submission's conclusion, created on first request."""
    with transaction.atomic():
        document, _created = Certificate.objects.get_or_create(
            submission=submission,
            defaults={
                "kind": Certificate.Kind.CONCLUSION,
                "holder_name": ", ".join(submission.author_names()),
                "school_id": submission.school_id,
                "region_id": submission.region_id,
                "event_start": submission.decided_at,
                "issued_at": submission.decided_at or timezone.now(),
            },
        )
    return document
