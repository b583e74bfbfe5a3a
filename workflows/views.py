"""The review in the Wagtail admin: the reviewers' inbox and decisions, the teachers' submissions.

Every view asks workflows.roles who may see what; an object outside the user's scope is refused with 403 (a 404
under /admin/ would be redirected by LocaleMiddleware to the language-prefixed page tree).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from viewflow.workflow.models import Task

from workflows import roles, rules, services
from workflows.flows import ReviewTask
from workflows.forms import CoAuthorFormSet, DecisionForm, DisseminationForm, SubmissionForm, UploadForm
from workflows.models import DisseminationEvent, SchoolMembership, Submission, SubmissionEvent, SubmissionFile

PAGE_SIZE = 25


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("p"))


def _refusal(request, error):
    if isinstance(error, ValidationError):
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.error(request, error.message)


def inbox_tasks(user):
    """Open review tasks the user may act on, with what the inbox shows, in a fixed number of queries."""
    return (
        Task.objects.filter(roles.actionable_tasks_q(user), status__in=services.OPEN_TASK_STATUSES)
        .select_related("owner", "process__submission__school", "process__submission__region",
                        "process__submission__author")
        .order_by("process__submission__stage_due", "pk")
    )


def history(submission):
    return submission.events.select_related("actor").order_by("created", "pk")


def _submission_context(request, submission):
    files = list(submission.files.select_related("uploaded_by").order_by("kind", "uploaded_at", "pk"))
    return {
        "submission": submission,
        "materials": [f for f in files if f.kind == SubmissionFile.Kind.MATERIAL and f.removed_at is None],
        "supporting": [f for f in files if f.kind == SubmissionFile.Kind.SUPPORTING and f.removed_at is None],
        "removed_files": [f for f in files if f.removed_at is not None],
        "authors": list(submission.authors.all()),
        "history": history(submission),
        "route": [rules.Stage(stage).label for stage in submission.route],
    }


# Reviewers ---------------------------------------------------------------------------------------------------------


def inbox(request):
    if not roles.is_reviewer(request.user):
        raise PermissionDenied
    tasks = inbox_tasks(request.user)
    if request.GET.get("mine"):
        tasks = tasks.filter(owner=request.user)
    page = _page(request, tasks)
    return TemplateResponse(request, "workflows/admin/inbox.html", {
        "page_title": _("Reviews"), "header_icon": "tasks", "tasks": page, "mine": bool(request.GET.get("mine")),
        "now": timezone.now(),
    })


def _review_task(request, task_id):
    task = Task.objects.select_related("owner").filter(pk=task_id).first()
    if task is None or not isinstance(task.flow_task, ReviewTask):
        raise Http404
    submission = get_object_or_404(Submission.objects.select_related("school", "region", "author"),
                                   pk=task.process_id)
    task.process = submission
    if not roles.can_view_submission(request.user, submission):
        raise PermissionDenied
    return task, submission


def task_detail(request, task_id):
    task, submission = _review_task(request, task_id)
    node = task.flow_task
    is_open = task.status in services.OPEN_TASK_STATUSES
    may_decide = is_open and (node.can_execute(request.user, task) or node.can_assign(request.user, task))
    form = None
    if may_decide:
        form = DecisionForm(request.POST or None, stage=node.stage, category=submission.category)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.decide(task.pk, request.user, data["decision"], comment=data.get("comment", ""),
                                protocol_number=data.get("protocol_number", ""),
                                protocol_date=data.get("protocol_date"), conclusion=data.get("conclusion", ""))
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            except services.WorkflowError as error:
                _refusal(request, error)
                return redirect("workflows:task", task.pk)
            else:
                messages.success(request, _("Decision recorded: %(title)s.") % {"title": submission.title})
                return redirect("workflows:inbox")
    elif request.method == "POST":
        messages.error(request, _("This task has already been decided.") if not is_open
                       else _("You may not decide this task."))
        return redirect("workflows:task", task.pk)
    context = _submission_context(request, submission)
    context.update(
        page_title=submission.title, page_subtitle=node.stage.label, header_icon="tasks", task=task, form=form,
        stage=node.stage, is_open=is_open, may_claim=is_open and node.can_assign(request.user, task),
        may_release=is_open and node.can_unassign(request.user, task), claimed_by=task.owner,
    )
    return TemplateResponse(request, "workflows/admin/task.html", context)


@require_POST
def task_claim(request, task_id):
    task, _submission = _review_task(request, task_id)
    try:
        services.claim(task.pk, request.user)
        messages.success(request, _("You have taken this task. Other reviewers will no longer see it."))
    except services.WorkflowError as error:
        _refusal(request, error)
    return redirect("workflows:task", task.pk)


@require_POST
def task_release(request, task_id):
    task, _submission = _review_task(request, task_id)
    try:
        services.release(task.pk, request.user)
        messages.success(request, _("You have released this task: every reviewer of the stage may take it."))
    except services.WorkflowError as error:
        _refusal(request, error)
    return redirect("workflows:task", task.pk)


def _visible_submission(request, submission_id):
    submission = get_object_or_404(Submission.objects.select_related("school", "region", "author"),
                                   pk=submission_id)
    if not roles.can_view_submission(request.user, submission):
        raise PermissionDenied
    return submission


def submission_detail(request, submission_id):
    submission = _visible_submission(request, submission_id)
    context = _submission_context(request, submission)
    context.update(page_title=submission.title, header_icon="doc-full", open_task=services.open_task_of(submission))
    return TemplateResponse(request, "workflows/admin/submission.html", context)


def file_download(request, file_id):
    """The only way to a submitted file: the requester must be allowed to see its submission."""
    submission_file = get_object_or_404(SubmissionFile, pk=file_id)
    _visible_submission(request, submission_file.submission_id)
    response = FileResponse(submission_file.file.open("rb"), as_attachment=True,
                            filename=submission_file.original_name)
    response["Cache-Control"] = "private, no-store"
    return response


def evidence_download(request, event_id):
    event = get_object_or_404(DisseminationEvent, pk=event_id)
    _visible_submission(request, event.submission_id)
    if not event.evidence:
        raise Http404
    response = FileResponse(event.evidence.open("rb"), as_attachment=True)
    response["Cache-Control"] = "private, no-store"
    return response


def conclusion(request, submission_id):
    """The council's conclusion as a PDF in the submission's language, verifiable by its number (attendance app)."""
    from attendance.documents import conclusion_pdf
    from attendance.services import conclusion_document

    submission = _visible_submission(request, submission_id)
    if submission.state != Submission.State.APPROVED:
        raise Http404
    decision = submission.events.filter(action=SubmissionEvent.Action.APPROVED).select_related("actor").last()
    document = conclusion_document(submission)
    with translation.override(submission.language):
        council = rules.Stage(rules.DECIDING_COUNCIL[rules.Category(submission.category)]).label
        content = conclusion_pdf(document, submission, decision, str(council))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="conclusion-{document.number}.pdf"'
    response["Content-Language"] = submission.language
    return response


# Teachers -----------------------------------------------------------------------------------------------------------


def my_submissions(request):
    submissions = (Submission.objects.filter(author=request.user).select_related("school")
                   .order_by("-process_ptr_id"))
    membership = SchoolMembership.objects.filter(user=request.user).select_related("school").first()
    return TemplateResponse(request, "workflows/admin/my_submissions.html", {
        "page_title": _("My submissions"), "header_icon": "doc-full-inverse", "submissions": _page(request,
                                                                                                   submissions),
        "membership": membership,
    })


def my_new(request):
    membership = SchoolMembership.objects.filter(user=request.user).select_related("school").first()
    if membership is None:
        messages.error(request, _("Only a teacher of a Leading or partner school can submit experience. Ask your "
                                  "school's administrator to add you to your school."))
        return redirect("workflows:my_submissions")
    form = SubmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        submission = services.create_draft(request.user, membership, **form.cleaned_data)
        messages.success(request, _("Draft saved. Add your materials and supporting documents, then send it."))
        return redirect("workflows:my_edit", submission.pk)
    return TemplateResponse(request, "workflows/admin/my_new.html", {
        "page_title": _("New submission"), "header_icon": "doc-full-inverse", "form": form, "membership": membership,
    })


def _own_submission(request, submission_id):
    submission = get_object_or_404(Submission.objects.select_related("school"), pk=submission_id)
    if submission.author_id != request.user.pk:
        raise PermissionDenied
    return submission


def my_edit(request, submission_id):
    """Edit a draft or a returned submission: what was typed stays in the form, uploads are kept at once."""
    submission = _own_submission(request, submission_id)
    if not submission.is_editable:
        return redirect("workflows:my_submission", submission.pk)
    co_authors = [{"full_name": a.full_name, "workplace": a.workplace}
                  for a in submission.authors.all() if a.sort_order > 0]
    if request.method == "POST":
        form = SubmissionForm(request.POST, instance=submission)
        formset = CoAuthorFormSet(request.POST, prefix="authors")
        upload = UploadForm(request.POST, request.FILES)
        action = request.POST.get("action", "save")
        problems = False
        # The upload is kept whatever else is wrong with the page.
        if upload.is_valid() and upload.cleaned_data.get("file"):
            try:
                services.add_file(submission, request.user, upload.cleaned_data["file"], upload.cleaned_data["kind"],
                                  upload.cleaned_data.get("document_kind", ""))
                messages.success(request, _("File attached: %(name)s.") % {"name": upload.cleaned_data["file"].name})
                upload = UploadForm()
            except ValidationError as error:
                upload.add_error("file", error)
                problems = True
        elif upload.errors:
            problems = True
        if action.startswith("remove:"):
            removed = submission.files.filter(pk=action.split(":", 1)[1], removed_at__isnull=True).first()
            if removed:
                services.remove_file(removed, request.user)
                messages.success(request, _("File removed: %(name)s.") % {"name": removed.original_name})
        if form.is_valid() and formset.is_valid():
            try:
                services.check_authors(form.cleaned_data["result_kind"],
                                       1 + sum(1 for f in formset.cleaned_data if f.get("full_name", "").strip()))
            except ValidationError as error:
                formset._non_form_errors = formset.error_class(error.messages)
                problems = True
            else:
                form.save()
                services.set_co_authors(submission, request.user, formset.cleaned_data)
                if action == "submit" and not problems:
                    try:
                        services.submit(submission, request.user)
                    except ValidationError as error:
                        for message in error.messages:
                            messages.error(request, message)
                        problems = True
                    except services.WorkflowError as error:
                        _refusal(request, error)
                        problems = True
                    else:
                        messages.success(request, _("Sent for review: %(title)s.") % {"title": submission.title})
                        return redirect("workflows:my_submission", submission.pk)
                if not problems:
                    if action == "save":
                        messages.success(request, _("Draft saved."))
                    return redirect("workflows:my_edit", submission.pk)
        else:
            problems = True
        if problems:
            messages.error(request, _("The submission has not been sent: correct the errors below."))
    else:
        form = SubmissionForm(instance=submission)
        formset = CoAuthorFormSet(initial=co_authors, prefix="authors")
        upload = UploadForm()
    context = _submission_context(request, submission)
    context.update(page_title=submission.title, page_subtitle=submission.get_state_display(),
                   header_icon="edit", form=form, formset=formset, upload=upload,
                   max_authors=rules.MAX_AUTHORS, missing=services.completeness_errors(submission),
                   last_return=submission.events.filter(action=SubmissionEvent.Action.RETURNED).last()
                   if submission.state == Submission.State.REVISION else None)
    return TemplateResponse(request, "workflows/admin/my_edit.html", context)


def my_submission(request, submission_id):
    submission = _own_submission(request, submission_id)
    form = DisseminationForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.record_dissemination(submission, request.user, **form.cleaned_data)
            except services.WorkflowError as error:
                _refusal(request, error)
            else:
                messages.success(request, _("Dissemination event recorded."))
            return redirect("workflows:my_submission", submission.pk)
    context = _submission_context(request, submission)
    events = list(submission.dissemination_events.all())
    done = submission.coverage_done()
    context.update(
        page_title=submission.title, page_subtitle=submission.get_state_display(), header_icon="doc-full",
        dissemination_form=form if submission.state == Submission.State.APPROVED else None,
        dissemination_events=events, coverage_done=done,
        coverage_reached=bool(submission.required_coverage) and done >= submission.required_coverage,
    )
    return TemplateResponse(request, "workflows/admin/my_submission.html", context)


@require_POST
def my_withdraw(request, submission_id):
    submission = _own_submission(request, submission_id)
    try:
        services.withdraw(submission, request.user, comment=request.POST.get("comment", ""))
        messages.success(request, _("The submission has been withdrawn."))
    except services.WorkflowError as error:
        _refusal(request, error)
    return redirect("workflows:my_submission", submission.pk)


def dashboard_counts(user):
    """The dashboard panel's figures: open tasks in the user's scope, those they hold, and the overdue ones."""
    tasks = Task.objects.filter(roles.actionable_tasks_q(user), status__in=services.OPEN_TASK_STATUSES)
    now = timezone.now()
    return {
        "open": tasks.count(),
        "mine": tasks.filter(owner=user).count(),
        "overdue": tasks.filter(process__submission__stage_due__lt=now).count(),
        "overdue_tasks": list(tasks.filter(process__submission__stage_due__lt=now)
                              .select_related("process__submission").order_by("process__submission__stage_due")[:5]),
        "inbox_url": reverse("workflows:inbox"),
    }

