"""Every change to a teacher's affiliation goes through here: asking, confirming, declining, closing an account."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts import events
from accounts.models import AffiliationRequest, TeacherProfile
from accounts.names import display_name, latin_form
from network.provisioning import source_of


class AlreadyDecided(Exception):
    """The request was confirmed, declined or withdrawn meanwhile (by someone else, or in another tab)."""


@transaction.atomic
def ask_to_join(user, school, partner_school=None, position=""):
    """A new pending request; an earlier pending one is withdrawn (moving school is a new request)."""
    school = source_of(school)
    AffiliationRequest.objects.filter(user=user, status=AffiliationRequest.Status.PENDING).update(
        status=AffiliationRequest.Status.WITHDRAWN,
        decided_at=timezone.now(),
    )
    return AffiliationRequest.objects.create(user=user, school=school, partner_school=partner_school, position=position)


def _lock_pending(request_id, by):
    request = (
        AffiliationRequest.objects.select_for_update(of=("self",))
        .select_related("school", "partner_school", "user")
        .get(pk=request_id)
    )
    if not AffiliationRequest.objects.decidable_by(by).filter(pk=request.pk).exists():
        raise PermissionDenied
    if request.status != AffiliationRequest.Status.PENDING:
        raise AlreadyDecided
    return request


@transaction.atomic
def confirm(request_id, by):
    """The school confirms: the teacher's membership (what the review reads) now names this school."""
    from workflows.models import SchoolMembership

    request = _lock_pending(request_id, by)
    request.status = AffiliationRequest.Status.CONFIRMED
    request.decided_at, request.decided_by = timezone.now(), by
    request.save(update_fields=["status", "decided_at", "decided_by"])
    SchoolMembership.objects.update_or_create(
        user=request.user,
        defaults={
            "school": request.school,
            "partner_school": request.partner_school,
            "position": request.position,
        },
    )
    link_author_record(request)
    _notify(request)
    return request


@transaction.atomic
def decline(request_id, by, reason):
    request = _lock_pending(request_id, by)
    request.status = AffiliationRequest.Status.DECLINED
    request.decided_at, request.decided_by, request.reason = timezone.now(), by, reason
    request.save(update_fields=["status", "decided_at", "decided_by", "reason"])
    _notify(request)
    return request


def _notify(request):
    events.affiliation_decided.send(sender=AffiliationRequest, request_id=request.pk)


def link_author_record(request):
    """A confirmed teacher becomes a choosable author of their school's posts and resources (network.Teacher)."""
    from network.models import Teacher

    user = request.user
    record = Teacher.objects.filter(user=user).first() or Teacher(user=user)
    profile = TeacherProfile.objects.filter(user=user).first()
    record.full_name = display_name(user, "kk")
    # The Latin form the teacher gave (or confirmed) in their profile; a new transliteration otherwise.
    record.latin_name = (profile.latin_name if profile else "") or latin_form(record.full_name)
    record.school = request.school
    record.school_name = request.partner_school.name if request.partner_school_id else ""
    record.position = request.position or (profile.position if profile else "") or record.position
    record.save()
    return record


@transaction.atomic
def close_account(user):
    """Deactivate the account and remove the personal data that no record needs.

    Kept: the user row with the name (it is the author of submissions, official records of the review), the
    submissions with their files and history, and the author record of published pages (`network.Teacher`),
    unlinked. Removed: the e-mail addresses, the profile, the requests to join a school, the school membership,
    the e-mail subscriptions, the password and the sessions.
    """
    from allauth.account.models import EmailAddress
    from wagtail.users.models import UserProfile

    from follow.models import Subscriber
    from network.models import Teacher
    from workflows.models import SchoolMembership

    addresses = {address.lower() for address in EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    if user.email:
        addresses.add(user.email.lower())
    Subscriber.objects.filter(email__in=addresses).delete()
    EmailAddress.objects.filter(user=user).delete()
    TeacherProfile.objects.filter(user=user).delete()
    AffiliationRequest.objects.filter(user=user).delete()
    SchoolMembership.objects.filter(user=user).delete()
    UserProfile.objects.filter(user=user).update(preferred_language="")
    Teacher.objects.filter(user=user).update(user=None)
    user.email = ""
    user.username = f"closed-{user.pk}"
    user.is_active = False
    user.set_unusable_password()
    user.save()
    # Other sessions end by themselves: Django's backends refuse a deactivated user on the next request.
