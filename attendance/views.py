"""The public side: registering and cancelling, the teacher's list, certificate downloads, and verification."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attendance import access, documents, services
from attendance.models import Certificate, Registration, RegistrationDesk
from attendance.notifications import event_in
from attendance.registrations import registrations_of
from workflows.notifications import language_of


def _back(request, desk):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(event_in(desk, translation.get_language()).get_url(request=request) or "/")


@require_POST
def register(request, desk_id):
    desk = get_object_or_404(RegistrationDesk.objects.select_related("event"), pk=desk_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.POST.get("next") or request.path, settings.LOGIN_URL)
    try:
        registration = services.register(desk.pk, request.user)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("You are registered. A confirmation has been sent to your e-mail."))
        else:
            messages.info(
                request, _("All seats are taken: you are on the waiting list. We will write to you if a seat frees up.")
            )
    return _back(request, desk)


@require_POST
def cancel(request, registration_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.path, settings.LOGIN_URL)
    registration = get_object_or_404(
        Registration.objects.select_related("desk__event"), pk=registration_id, user=request.user
    )
    try:
        services.cancel(registration.pk, request.user)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return _back(request, registration.desk)


def mine(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    return render(request, "attendance/mine.html", registrations_of(request.user, translation.get_language()))


def certificate_pdf(request, number):
    """The holder's certificate (or, for its organisers, any of their events'), in the holder's language."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    certificate = get_object_or_404(
        Certificate.objects.select_related("registration__user", "registration__desk__event__school"),
        number=number,
        kind=Certificate.Kind.PARTICIPATION,
    )
    registration = certificate.registration
    if registration.user_id != request.user.pk and not access.may_organise(request.user, registration.desk.event):
        raise PermissionDenied
    if certificate.is_revoked:
        raise Http404
    language = language_of(registration.user)
    with translation.override(language):
        content = documents.certificate_pdf(certificate, event_in(registration.desk, language))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.number}.pdf"'
    response["Content-Language"] = language
    return response


def verify(request, number=None):
    """Anyone can check a document by its number: genuine, revoked (with the reason) or unknown. No private data."""
    number = (number or request.GET.get("number", "")).strip().upper()
    context = {"number": number}
    if number:
        certificate = (
            Certificate.objects.select_related("registration__desk", "submission").filter(number=number).first()
        )
        context["certificate"] = certificate
        if certificate is not None and certificate.kind == Certificate.Kind.PARTICIPATION:
            context["event"] = event_in(certificate.registration.desk, translation.get_language())
        elif certificate is not None:
            context["submission"] = certificate.submission
    response = render(request, "attendance/verify.html", context)
    if number and context.get("certificate") is None:
        response.status_code = 404
    response["X-Robots-Tag"] = "noindex"
    return response
