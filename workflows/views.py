"""The review in the Wagtail admin: the reviewers' inbox and decisions (teachers work in the cabinet app).

Every view asks workflows.roles who may see what; an object outside the user's scope is refused with 403 (a 404
under /admin/ would be redirected by LocaleMiddleware to the language-prefixed page tree).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_sendfile import sendfile
from viewflow.workflow.models import Task
from wagtail.admin.views.home import HomeView

from workflows import roles, rules, services
from workflows.display import name_places
from workflows.flows import ReviewTask
from workflows.forms import DecisionForm
from workflows.models import ApprovedExperiencePage, DisseminationEvent, Submission, SubmissionEvent, SubmissionFile

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
        .select_related(
            "owner", "process__submission__school", "process__submission__region", "process__submission__author"
        )
        .order_by("process__submission__stage_due", "pk")
    )


def history(submission):
    return submission.events.select_related("actor").order_by("created", "pk")


def _submission_context(request, submission):
    name_places([submission])
    files = list(submission.files.select_related("uploaded_by").order_by("kind", "uploaded_at", "pk"))
    return {
        "submission": submission,
        "materials": [f for f in files if f.kind == SubmissionFile.Kind.MATERIAL and f.removed_at is None],
        "supporting": [f for f in files if f.kind == SubmissionFile.Kind.SUPPORTING and f.removed_at is None],
        "removed_files": [f for f in files if f.removed_at is not None],
        "authors": list(submission.authors.all()),
        "history": history(submission),
        "route": [rules.Stage(stage).label for stage in submission.route],
        # The history links to the published page itself, not to its place in the page tree.
        "public_page": (
            ApprovedExperiencePage.objects.live().filter(submission=submission).first()
            if submission.state == Submission.State.APPROVED
            else None
        ),
    }


# Reviewers ---------------------------------------------------------------------------------------------------------


def inbox(request):
    if not roles.is_reviewer(request.user):
        raise PermissionDenied
    tasks = inbox_tasks(request.user)
    if request.GET.get("mine"):
        tasks = tasks.filter(owner=request.user)
    page = _page(request, tasks)
    name_places(task.process.submission for task in page)
    return TemplateResponse(
        request,
        "workflows/admin/inbox.html",
        {
            "page_title": _("Reviews"),
            "header_icon": "tasks",
            "tasks": page,
            "mine": bool(request.GET.get("mine")),
            "now": timezone.now(),
        },
    )


def _review_task(request, task_id):
    task = Task.objects.select_related("owner").filter(pk=task_id).first()
    if task is None or not isinstance(task.flow_task, ReviewTask):
        raise Http404
    submission = get_object_or_404(Submission.objects.select_related("school", "region", "author"), pk=task.process_id)
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
                services.decide(
                    task.pk,
                    request.user,
                    data["decision"],
                    comment=data.get("comment", ""),
                    protocol_number=data.get("protocol_number", ""),
                    protocol_date=data.get("protocol_date"),
                    conclusion=data.get("conclusion", ""),
                )
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
        messages.error(
            request, _("This task has already been decided.") if not is_open else _("You may not decide this task.")
        )
        return redirect("workflows:task", task.pk)
    context = _submission_context(request, submission)
    context.update(
        page_title=submission.title,
        page_subtitle=node.stage.label,
        header_icon="tasks",
        task=task,
        form=form,
        stage=node.stage,
        is_open=is_open,
        may_claim=is_open and node.can_assign(request.user, task),
        may_release=is_open and node.can_unassign(request.user, task),
        claimed_by=task.owner,
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
    submission = get_object_or_404(Submission.objects.select_related("school", "region", "author"), pk=submission_id)
    if not roles.can_view_submission(request.user, submission):
        raise PermissionDenied
    return submission


def submission_detail(request, submission_id):
    submission = _visible_submission(request, submission_id)
    context = _submission_context(request, submission)
    context.update(page_title=submission.title, header_icon="doc-full", open_task=services.open_task_of(submission))
    return TemplateResponse(request, "workflows/admin/submission.html", context)


def private_file_response(request, stored, filename=None):
    """A private file as an attachment that no cache keeps (the caller has checked who asks).

    The one branch point between storages: files on the local disk go through django-sendfile2, so that in
    production the web server in front sends the bytes (SENDFILE_BACKEND, site/deploy/Caddyfile) and a worker is not
    held for the length of a download; files in any other storage (object storage) are streamed by Django.
    """
    if isinstance(stored.storage, FileSystemStorage):
        response = sendfile(request, stored.path, attachment=True, attachment_filename=filename)
        if response.has_header("Content-Encoding"):
            # sendfile2 labels "x.tar.gz" as a gzip-encoded tar, which browsers would unpack: keep the file as stored.
            del response["Content-Encoding"]
            response["Content-Type"] = "application/octet-stream"
    else:
        response = FileResponse(stored.open("rb"), as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


def file_download(request, file_id):
    """The only way to a submitted file: the requester must be allowed to see its submission."""
    submission_file = get_object_or_404(SubmissionFile, pk=file_id)
    _visible_submission(request, submission_file.submission_id)
    return private_file_response(request, submission_file.file, submission_file.original_name)


def evidence_download(request, event_id):
    event = get_object_or_404(DisseminationEvent, pk=event_id)
    _visible_submission(request, event.submission_id)
    if not event.evidence:
        raise Http404
    return private_file_response(request, event.evidence)


def conclusion(request, submission_id):
    """The council's conclusion as a PDF in the submission's language, verifiable by its number (attendance app)."""
    submission = _visible_submission(request, submission_id)
    if submission.state != Submission.State.APPROVED:
        raise Http404
    return conclusion_response(request, submission)


def conclusion_response(request, submission):
    from attendance.documents import conclusion_pdf
    from attendance.services import conclusion_document

    decision = submission.events.filter(action=SubmissionEvent.Action.APPROVED).select_related("actor").last()
    document = conclusion_document(submission)
    with translation.override(submission.language):
        council = rules.Stage(rules.DECIDING_COUNCIL[rules.Category(submission.category)]).label
        content = conclusion_pdf(document, submission, decision, str(council))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="conclusion-{document.number}.pdf"'
    response["Content-Language"] = submission.language
    return response


def dashboard_counts(user):
    """The dashboard panel's figures: open tasks in the user's scope, those they hold, and the overdue ones."""
    tasks = Task.objects.filter(roles.actionable_tasks_q(user), status__in=services.OPEN_TASK_STATUSES)
    now = timezone.now()
    return {
        "open": tasks.count(),
        "mine": tasks.filter(owner=user).count(),
        "overdue": tasks.filter(process__submission__stage_due__lt=now).count(),
        "overdue_tasks": list(
            tasks.filter(process__submission__stage_due__lt=now)
            .select_related("process__submission")
            .order_by("process__submission__stage_due")[:5]
        ),
        "inbox_url": reverse("workflows:inbox"),
    }


class Dashboard(HomeView):
    """Wagtail's dashboard, without the "search all pages" box for a reviewer who edits no page (it would search
    pages they may not open); editors and administrators get Wagtail's own. Routed before Wagtail's (config/urls.py).
    """

    def get_template_names(self):
        if roles.reviews_only(self.request.user):
            return ["workflows/admin/reviewer_home.html"]
        return super().get_template_names()
