"""The teacher's own pages on the public site: profile, school, closing the account, the privacy notice."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import schools, services
from accounts.forms import CloseAccountForm, JoinForm, ProfileForm, SchoolSearchForm
from accounts.models import AffiliationRequest, TeacherProfile
from accounts.names import latin_form
from workflows.notifications import language_of


def membership_of(user):
    from workflows.models import SchoolMembership

    return SchoolMembership.objects.filter(user=user).select_related("school", "partner_school").first()


def is_confirmed(user):
    """Whether the teacher's school has confirmed them: the condition for sending a submission."""
    from workflows.models import SchoolMembership

    return user.is_authenticated and SchoolMembership.objects.filter(user=user).exists()


@login_required
def profile(request):
    instance = TeacherProfile.objects.filter(user=request.user).first() or TeacherProfile(user=request.user)
    if not instance.latin_name:
        instance.latin_name = latin_form(request.user.get_full_name())
    form = ProfileForm(request.POST or None, instance=instance, user=request.user, language=language_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def school(request):
    """The teacher's school: confirmed, asked for, or to be found; with the history of their requests."""
    regions = schools.regions()
    search = SchoolSearchForm(request.GET or None, regions=regions)
    found, region = None, None
    if search.is_bound and search.is_valid():
        region = next(r for r in regions if r.pk == search.cleaned_data["region"])
        found = schools.search(region, search.cleaned_data["school_name"])
    history = list(AffiliationRequest.objects.filter(user=request.user).select_related("school", "partner_school"))
    pending = next((item for item in history if item.status == AffiliationRequest.Status.PENDING), None)
    profile = TeacherProfile.objects.filter(user=request.user).only("position").first()
    membership = membership_of(request.user)
    schools.name_here([membership, *history] if membership else history)
    return render(
        request,
        "accounts/school.html",
        {
            "membership": membership,
            "pending": pending,
            "history": history,
            "search": search,
            "found": found,
            "region": region,
            "join": JoinForm(initial={"position": profile.position if profile else ""}),
        },
    )


@login_required
@require_POST
def join(request):
    form = JoinForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("organisation", []):
            messages.error(request, error)
        return redirect("accounts:school")
    leading, partner = form.cleaned_data["organisation"]
    try:
        services.ask_to_join(request.user, leading, partner, form.cleaned_data["position"])
    except IntegrityError:  # two requests sent at once: the first one stands
        messages.error(request, _("You have already sent a request; wait for the school's answer."))
        return redirect("accounts:school")
    messages.success(
        request,
        _("Your request is sent. The school's head or its editors will confirm it; you will receive an e-mail."),
    )
    return redirect("accounts:school")


@login_required
def close(request):
    form = CloseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.close_account(request.user)
        logout(request)
        return render(request, "accounts/closed.html")
    return render(request, "accounts/close.html", {"form": form})


def privacy(request):
    return render(request, "accounts/privacy.html", {"language": translation.get_language()})
