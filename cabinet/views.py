"""The teacher's cabinet on the public site: thin views over workflows.services (every change goes through it).

The language is the URL's prefix. A teacher may send a submission once their school affiliation is confirmed
(a workflows.SchoolMembership row, made by the accounts' confirmation flow).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import schools
from cabinet.forms import CabinetDisseminationForm, DraftForm, FilesForm
from uploads import limits
from workflows import roles, rules, services
from workflows import views as review_views
from workflows.forms import CoAuthorFormSet
from workflows.models import SchoolMembership, Submission, SubmissionEvent, SubmissionFile

PAGE_SIZE = 20
# What the author reads from the reviewers: the decisions, with their comments.
DECISION_ACTIONS = (
    SubmissionEvent.Action.RETURNED,
    SubmissionEvent.Action.REJECTED,
    SubmissionEvent.Action.APPROVED,
    SubmissionEvent.Action.ENDORSED,
    SubmissionEvent.Action.FORWARDED,
)


def membership_of(user):
    return SchoolMembership.objects.filter(user=user).select_related("school", "partner_school").first()


def _own(request, submission_id):
    submission = get_object_or_404(Submission.objects.select_related("school", "partner_school"), pk=submission_id)
    if submission.author_id != request.user.pk:
        raise PermissionDenied
    return submission


def _answer(request, url):
    """A redirect; to the upload script, the address to go to (it shows the progress, then follows)."""
    if request.headers.get("X-Cabinet-Upload"):
        return JsonResponse({"location": url})
    return redirect(url)


def checklist(submission):
    """What is missing before sending: the service's list, and the subject profile that every new submission
    gives (submissions made before it was asked for have none, and the service still accepts them)."""
    missing = services.completeness_errors(submission)
    if not submission.subject:
        missing.insert(0, _("Choose the subject profile."))
    return missing


@login_required
def home(request):
    """What is expected of the teacher now, then every submission, in a fixed number of queries."""
    user = request.user
    submissions = (
        Submission.objects.filter(author=user)
        .select_related("school")
        .order_by("-process_ptr_id")
        .prefetch_related(
            Prefetch(
                "events",
                to_attr="returns",
                queryset=SubmissionEvent.objects.filter(action=SubmissionEvent.Action.RETURNED).order_by(
                    "-created", "-pk"
                ),
            ),
            "dissemination_events",
        )
    )
    counts = dict(Submission.objects.filter(author=user).values_list("state").annotate(n=Count("pk")).order_by())
    page = Paginator(submissions, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for submission in page:
        done = submission.coverage_done() if submission.state == Submission.State.APPROVED else 0
        rows.append(
            {
                "submission": submission,
                "last_return": submission.returns[0] if submission.returns else None,
                "coverage_done": done,
                "coverage_short": submission.state == Submission.State.APPROVED
                and done < (submission.required_coverage or rules.MINIMUM_COVERAGE),
            }
        )
    membership = membership_of(user)
    if membership:
        schools.name_here([membership])  # the school in the visitor's language, as on the account's pages
    return TemplateResponse(
        request,
        "cabinet/home.html",
        {
            "membership": membership,
            "submissions_page": page,
            "rows": rows,
            "counts": counts,
            "to_do": [row for row in rows if row["submission"].is_editable or row["coverage_short"]],
        },
    )


@login_required
def edit(request, submission_id=None):
    """The one form of a submission: fields, co-authors, files; save the draft, or send it."""
    user = request.user
    membership = membership_of(user)
    submission = _own(request, submission_id) if submission_id else None
    if submission is None and membership is None:
        return TemplateResponse(request, "cabinet/unconfirmed.html", {}, status=403)
    if submission is not None and not submission.is_editable:
        return redirect("cabinet:submission", submission.pk)
    co_authors = (
        [{"full_name": a.full_name, "workplace": a.workplace} for a in submission.authors.all() if a.sort_order > 0]
        if submission
        else []
    )
    if request.method == "POST":
        form = DraftForm(request.POST, instance=submission or Submission(author=user))
        formset = CoAuthorFormSet(request.POST, prefix="authors")
        uploads = FilesForm(request.POST, request.FILES)
        action = request.POST.get("action", "save")
        form.is_valid()
        uploads.is_valid()
        authors = None
        if formset.is_valid():
            authors = formset.cleaned_data
            kind = form.savable().get("result_kind") or (submission.result_kind if submission else "")
            try:
                services.check_authors(kind, 1 + sum(1 for f in authors if f.get("full_name", "").strip()))
            except ValidationError as error:
                formset._non_form_errors = formset.error_class(error.messages)
                authors = None
        try:
            submission, refused = services.save_draft(
                user,
                membership,
                submission,
                fields=form.savable(),
                co_authors=authors,
                files=uploads.accepted(),
                remove=[pk for pk in request.POST.getlist("remove") if pk.isdigit()],
                # The checkboxes are on the form only when it lists materials: an absent box means "not published".
                published=(
                    {int(pk) for pk in request.POST.getlist("publish") if pk.isdigit()}
                    if request.POST.get("publish_shown")
                    else None
                ),
            )
        except services.WorkflowError as error:
            messages.error(request, error.message)
            return _answer(request, reverse("cabinet:home"))
        for _name, message in refused:
            uploads.add_error("files", message)
        problems = bool(form.errors or formset.total_error_count() or uploads.errors)
        if not problems and action == "send":
            try:
                if missing := checklist(submission):
                    raise ValidationError(missing)
                services.submit(submission, user)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            except services.WorkflowError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Sent for review: %(title)s.") % {"title": submission.title})
                return _answer(request, reverse("cabinet:submission", args=[submission.pk]))
            return _answer(request, reverse("cabinet:edit", args=[submission.pk]))
        if not problems:
            messages.success(request, _("Draft saved."))
            return _answer(request, reverse("cabinet:edit", args=[submission.pk]))
        # Some of it was refused: what was correct is saved, the rest comes back as typed, with the reasons.
        messages.error(
            request,
            _(
                "The submission has not been sent: correct what is marked below. Everything "
                "else has been saved in the draft."
            )
            if action == "send"
            else _("The draft has been saved except what is marked below: correct it and save again."),
        )
    else:
        form = DraftForm(instance=submission)
        formset = CoAuthorFormSet(initial=co_authors, prefix="authors")
        uploads = FilesForm()
    return TemplateResponse(
        request,
        "cabinet/edit.html",
        {
            "submission": submission if submission and submission.pk else None,
            "membership": membership,
            "form": form,
            "formset": formset,
            "uploads": uploads,
            "files": list(submission.active_files().order_by("kind", "uploaded_at", "pk")) if submission else [],
            "missing": checklist(submission) if submission else [],
            "last_return": (
                submission.events.filter(action=SubmissionEvent.Action.RETURNED).last()
                if submission and submission.state == Submission.State.REVISION
                else None
            ),
            "max_authors": rules.MAX_AUTHORS,
            "limits": {
                "file": limits.max_file_size(),
                "total": limits.max_total_size(),
                "types": limits.allowed_types_text(),
                "accept": limits.accept_attribute(),
            },
        },
    )


@login_required
def submission_detail(request, submission_id):
    submission = _own(request, submission_id)
    form = CabinetDisseminationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_dissemination(submission, request.user, **form.cleaned_data)
        except services.WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Dissemination event recorded."))
            return redirect("cabinet:submission", submission.pk)
    files = list(submission.active_files().order_by("kind", "uploaded_at", "pk"))
    events = list(submission.dissemination_events.all())
    done = submission.coverage_done()
    return TemplateResponse(
        request,
        "cabinet/submission.html",
        {
            "submission": submission,
            "files": files,
            "authors": list(submission.authors.all()),
            "decisions": list(submission.events.filter(action__in=DECISION_ACTIONS).order_by("created", "pk")),
            "dissemination_form": form if submission.state == Submission.State.APPROVED else None,
            "dissemination_events": events,
            "coverage_done": done,
            "coverage_reached": bool(submission.required_coverage) and done >= submission.required_coverage,
            "may_withdraw": submission.state in (Submission.State.DRAFT, *Submission.OPEN_STATES),
        },
    )


@login_required
def withdraw(request, submission_id):
    """A page of its own that asks for confirmation: withdrawing is never one click away from sending."""
    submission = _own(request, submission_id)
    if request.method == "POST":
        try:
            services.withdraw(submission, request.user, comment=request.POST.get("comment", ""))
        except services.WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The submission has been withdrawn."))
        return redirect("cabinet:submission", submission.pk)
    return TemplateResponse(request, "cabinet/withdraw.html", {"submission": submission})


@login_required
def file_download(request, file_id):
    submission_file = get_object_or_404(SubmissionFile.objects.select_related("submission"), pk=file_id)
    if not roles.can_view_submission(request.user, submission_file.submission):
        raise PermissionDenied
    return review_views.private_file_response(request, submission_file.file, submission_file.original_name)


@login_required
def conclusion(request, submission_id):
    submission = _own(request, submission_id)
    if submission.state != Submission.State.APPROVED:
        raise Http404
    return review_views.conclusion_response(request, submission)


def legacy_admin_redirect(request, submission_id=None):
    """The teacher's pages left the admin: their old addresses lead to the cabinet."""
    if submission_id is not None:
        return redirect("cabinet:submission", submission_id)
    return redirect("cabinet:home")
