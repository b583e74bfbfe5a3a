""" "Teachers of this school" in the Wagtail admin: a school's head and editors confirm or decline requests.

Every view filters through `accounts.models.school_scope`; a request outside it answers 403 (under /admin/ a 404
would be redirected by LocaleMiddleware into the page tree, see workflows/views.py).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import services
from accounts.models import AffiliationRequest, TeacherProfile, in_scope_of


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the teacher reads it)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )


def may_decide(user):
    """Whether the user decides for any school at all (the menu item and the views ask this)."""
    from network.models import SchoolWorkspace
    from workflows.models import ReviewerRole

    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or SchoolWorkspace.objects.school_keys_of(user).exists()
        or ReviewerRole.objects.filter(user=user, role=ReviewerRole.Role.SCHOOL_HEAD).exists()
    )


def teachers(request):
    from workflows.models import SchoolMembership

    if not may_decide(request.user):
        raise PermissionDenied
    pending = list(
        in_scope_of(AffiliationRequest.objects.pending(), request.user)
        .select_related("user", "school", "partner_school")
        .order_by("created_at", "pk")
    )
    confirmed = list(
        in_scope_of(SchoolMembership.objects.all(), request.user)
        .select_related("user", "school", "partner_school")
        .order_by("school__title", "user__last_name", "user__first_name")[:500]
    )
    profiles = {
        p.user_id: p
        for p in TeacherProfile.objects.filter(
            user_id__in=[item.user_id for item in pending] + [item.user_id for item in confirmed]
        )
    }
    for item in pending + confirmed:
        item.profile = profiles.get(item.user_id)
    return TemplateResponse(
        request,
        "accounts/admin/teachers.html",
        {
            "page_title": _("Teachers of this school"),
            "header_icon": "group",
            "pending": pending,
            "confirmed": confirmed,
            "decline_form": DeclineForm(),
        },
    )


@require_POST
def confirm(request, request_id):
    try:
        decided = services.confirm(request_id, request.user)
    except AffiliationRequest.DoesNotExist as error:
        raise PermissionDenied from error
    except services.AlreadyDecided:
        messages.warning(request, _("This request has already been answered."))
        return redirect("accounts_admin:teachers")
    messages.success(request, _("Confirmed: %(teacher)s.") % {"teacher": _teacher_name(decided)})
    return redirect("accounts_admin:teachers")


@require_POST
def decline(request, request_id):
    form = DeclineForm(request.POST)
    if not form.is_valid():
        if not AffiliationRequest.objects.decidable_by(request.user).filter(pk=request_id).exists():
            raise PermissionDenied
        messages.error(request, _("Say why you decline: the teacher reads the reason."))
        return redirect("accounts_admin:teachers")
    try:
        decided = services.decline(request_id, request.user, form.cleaned_data["reason"])
    except AffiliationRequest.DoesNotExist as error:
        raise PermissionDenied from error
    except services.AlreadyDecided:
        messages.warning(request, _("This request has already been answered."))
        return redirect("accounts_admin:teachers")
    messages.success(request, _("Declined: %(teacher)s.") % {"teacher": _teacher_name(decided)})
    return redirect("accounts_admin:teachers")


def _teacher_name(affiliation):
    return affiliation.user.get_full_name() or affiliation.user.email
