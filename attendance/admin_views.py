"""The organisers' side, in the Wagtail admin: per event the registrations (with CSV/XLSX export), the settings,
attendance marked in bulk, the certificate issue with its progress, and revocation.

Every view asks attendance.access whether the user organises the event's school; another school's event is refused
with 403 (a 404 under /admin/ would be redirected by LocaleMiddleware into the page tree).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Locale

from attendance import access, services
from attendance.models import Certificate, Registration, RegistrationDesk
from network.models import EventPage

PAGE_SIZE = 25


def _event(request, event_id):
    event = get_object_or_404(EventPage.objects.select_related("school"), pk=event_id)
    if not access.may_organise(request.user, event):
        raise PermissionDenied
    return event


class DeskForm(forms.ModelForm):
    class Meta:
        model = RegistrationDesk
        fields = ["is_open", "capacity", "deadline", "hours"]
        widgets = {"deadline": AdminDateTimeInput}

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if not hours:
            raise forms.ValidationError(_("A certificate counts at least one hour."))
        return hours

    def clean(self):
        data = super().clean()
        capacity = data.get("capacity")
        if capacity is not None and self.instance.pk and capacity < self.instance.seats_taken:
            self.add_error(
                "capacity",
                _("%(taken)d seats are already taken: the number of seats cannot be lower.")
                % {"taken": self.instance.seats_taken},
            )
        return data


def index(request):
    """The events of the user's schools, newest first, with their registration figures: each event once, in the
    default language in which schools write them (the desk is shared by every language version)."""
    if not access.is_organiser(request.user):
        raise PermissionDenied
    events = (
        access.organised_events(request.user)
        .filter(locale=Locale.get_default())
        .select_related("school")
        .order_by("-start", "-pk")
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("p"))
    desks = {
        desk.event_key: desk
        for desk in RegistrationDesk.objects.filter(event_key__in=[event.translation_key for event in page])
    }
    for event in page:
        event.desk = desks.get(event.translation_key)
    return TemplateResponse(
        request,
        "attendance/admin/index.html",
        {
            "page_title": _("Event registrations"),
            "header_icon": "date",
            "events": page,
        },
    )


def event_desk(request, event_id):
    event = _event(request, event_id)
    desk = services.desk_for(event)
    registrations = []
    certificates = []
    if desk is not None:
        registrations = list(
            desk.registrations.exclude(status=Registration.Status.CANCELLED)
            .select_related("user", "certificate")
            .order_by("status", "queued_at", "pk")
        )
        certificates = [r.certificate for r in registrations if hasattr(r, "certificate")]
    return TemplateResponse(
        request,
        "attendance/admin/event.html",
        {
            "page_title": event.title,
            "page_subtitle": _("Registrations"),
            "header_icon": "date",
            "event": event,
            "desk": desk,
            "form": DeskForm(instance=desk) if desk else None,
            "confirmed": [r for r in registrations if r.status == Registration.Status.CONFIRMED],
            "waiting": [r for r in registrations if r.status == Registration.Status.WAITING],
            "certificates": certificates,
            "now": timezone.now(),
        },
    )


@require_POST
def open_registration(request, event_id):
    event = _event(request, event_id)
    services.open_desk(event)
    messages.success(request, _("This event now takes registrations."))
    return redirect("attendance_admin:event", event.pk)


@require_POST
def save_settings(request, event_id):
    event = _event(request, event_id)
    desk = get_object_or_404(RegistrationDesk, event_key=event.translation_key)
    form = DeskForm(request.POST, instance=desk)
    if form.is_valid():
        data = form.cleaned_data
        services.update_settings(
            desk.pk, is_open=data["is_open"], capacity=data["capacity"], deadline=data["deadline"], hours=data["hours"]
        )
        messages.success(request, _("Registration settings saved."))
    else:
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(request, f"{form.fields[field].label}: {error}" if field in form.fields else error)
    return redirect("attendance_admin:event", event.pk)


@require_POST
def mark_attendance(request, event_id):
    event = _event(request, event_id)
    desk = get_object_or_404(RegistrationDesk, event_key=event.translation_key)
    present = [int(pk) for pk in request.POST.getlist("present") if pk.isdigit()]
    count = services.mark_attendance(desk.pk, present, by=request.user)
    messages.success(request, _("Attendance saved: %(count)d present.") % {"count": count})
    return redirect("attendance_admin:event", event.pk)


@require_POST
def issue(request, event_id):
    event = _event(request, event_id)
    desk = get_object_or_404(RegistrationDesk, event_key=event.translation_key)
    try:
        total = services.start_issue(desk.pk)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Issuing %(count)d certificates.") % {"count": total})
    return redirect("attendance_admin:event", event.pk)


@require_POST
def revoke(request, certificate_id):
    certificate = get_object_or_404(
        Certificate.objects.select_related("registration__desk__event__school"),
        pk=certificate_id,
        kind=Certificate.Kind.PARTICIPATION,
    )
    event = certificate.registration.desk.event
    if not access.may_organise(request.user, event):
        raise PermissionDenied
    try:
        services.revoke(certificate.pk, request.user, request.POST.get("reason", ""))
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Certificate %(number)s revoked.") % {"number": certificate.number})
    return redirect("attendance_admin:event", event.pk)


class RegistrationsReport(ReportView):
    """One event's registrations, as a page and as CSV/XLSX (Wagtail's spreadsheet export)."""

    page_title = gettext_lazy("Registrations")
    header_icon = "date"
    index_url_name = "attendance_admin:report"
    index_results_url_name = "attendance_admin:report_results"
    paginate_by = 100
    list_export = [
        "user.last_name",
        "user.first_name",
        "user.email",
        "get_status_display",
        "attended",
        "created_at",
        "certificate_number",
    ]
    export_headings = {
        "user.last_name": gettext_lazy("Last name"),
        "user.first_name": gettext_lazy("First name"),
        "user.email": gettext_lazy("E-mail"),
        "get_status_display": gettext_lazy("Registration status"),
        "attended": gettext_lazy("Present"),
        "created_at": gettext_lazy("Registered at"),
        "certificate_number": gettext_lazy("Certificate number"),
    }
    columns = [
        Column("name", label=gettext_lazy("Teacher"), accessor="holder"),
        Column("email", label=gettext_lazy("E-mail"), accessor="user.email"),
        Column("status", label=gettext_lazy("Registration status"), accessor="get_status_display"),
        BooleanColumn("attended", label=gettext_lazy("Present")),
        DateColumn("created_at", label=gettext_lazy("Registered at")),
        Column("certificate_number", label=gettext_lazy("Certificate number")),
    ]

    def dispatch(self, request, *args, **kwargs):
        self.event = _event(request, kwargs["event_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_index_url(self):
        from django.urls import reverse

        return reverse(self.index_url_name, args=[self.event.pk])

    def get_index_results_url(self):
        from django.urls import reverse

        return reverse(self.index_results_url_name, args=[self.event.pk])

    def get_filename(self):
        return f"registrations-{self.event.slug}-{timezone.localdate():%Y-%m-%d}"

    def get_page_subtitle(self):
        return self.event.title

    def get_queryset(self):
        return (
            Registration.objects.filter(desk__event_key=self.event.translation_key)
            .exclude(status=Registration.Status.CANCELLED)
            .select_related("user", "certificate")
            .order_by("status", "user__last_name", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        return [self.decorate(registration) for registration in object_list]

    @staticmethod
    def decorate(registration):
        from attendance.people import holder_name

        registration.holder = holder_name(registration.user)
        certificate = getattr(registration, "certificate", None) if hasattr(registration, "certificate") else None
        registration.certificate_number = certificate.number if certificate else ""
        return registration

    def to_row_dict(self, item):
        return super().to_row_dict(self.decorate(item))
