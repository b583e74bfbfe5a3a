"""E-mail to a teacher about their request to join a school, in their language (as workflows/notifications.py)."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from accounts import events
from accounts.models import AffiliationRequest
from workflows.notifications import absolute, language_of, notifies_on, schedule, send


@notifies_on(events.affiliation_decided)
def _on_affiliation_decided(sender, request_id, **kwargs):
    schedule(affiliation_decided, request_id)


@task()
def affiliation_decided(request_id):
    request = (
        AffiliationRequest.objects.select_related("user", "school", "partner_school").filter(pk=request_id).first()
    )
    if request is None or request.status not in (
        AffiliationRequest.Status.CONFIRMED,
        AffiliationRequest.Status.DECLINED,
    ):
        return 0
    language = language_of(request.user)
    confirmed = request.status == AffiliationRequest.Status.CONFIRMED
    with translation.override(language):
        subject = _("Your school confirmed you") if confirmed else _("Your request to join a school was declined")
        return int(
            send(
                request.user,
                subject,
                "accounts/email/affiliation_decided.txt",
                {
                    "request": request,
                    "confirmed": confirmed,
                    # Inside override(): the i18n prefix of the URL is the teacher's language.
                    "url": absolute(reverse("accounts:school")),
                },
            )
        )
