"""Everything that changes a submission, in one place: views, the demo and tests call these functions.

Every transition runs under viewflow's select-for-update lock of the process row and in one transaction: a decision
either happens entirely (task done, next task created, history written, page published) or not at all.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from uploads import limits
from workflows import events, rules
from workflows.flows import ReviewTask, SubmissionFlow
from workflows.models import Submission, SubmissionAuthor, SubmissionEvent, SubmissionFile

OPEN_TASK_STATUSES = (STATUS.NEW, STATUS.ASSIGNED)

# The stored state (Submission.state, stage, reached, stage_due) is never written here: the flow writes it when
# Viewflow's tasks change (workflows/flows.py, record_position).


class WorkflowError(Exception):
    """A refusal with a translated message for the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class AlreadyDecided(WorkflowError):
    pass


# Drafts -------------------------------------------------------------------------------------------------------------


def create_draft(user, membership, **fields):
    with transaction.atomic():
        submission = Submission.objects.create(
            flow_class=SubmissionFlow,
            author=user,
            school_id=membership.school_id,
            partner_school_id=membership.partner_school_id,
            region_id=membership.school.region_id,
            **fields,
        )
        SubmissionAuthor.objects.create(
            submission=submission,
            user=user,
            full_name=user.get_full_name() or user.get_username(),
            workplace=str(membership.partner_school or membership.school),
            sort_order=0,
        )
        SubmissionEvent.objects.create(submission=submission, action=SubmissionEvent.Action.CREATED, actor=user)
    return submission


def check_editable(submission, user):
    if submission.author_id != user.pk:
        raise PermissionDenied
    if not submission.is_editable:
        raise WorkflowError(
            _("This submission can no longer be changed: it is %(state)s.") % {"state": submission.get_state_display()}
        )


def check_authors(result_kind, count):
    limit = rules.max_authors(result_kind)
    if count > limit:
        raise ValidationError(
            _("A submission of this kind may have at most %(limit)s authors, the submitter included; it has %(count)s.")
            % {"limit": limit, "count": count},
            code="too_many_authors",
        )


def set_co_authors(submission, user, co_authors):
    """Replace the co-authors (list of dicts with full_name, workplace); the submitter stays first."""
    check_editable(submission, user)
    co_authors = [author for author in co_authors if author.get("full_name", "").strip()]
    check_authors(submission.result_kind, 1 + len(co_authors))
    with transaction.atomic():
        submission.authors.exclude(sort_order=0).delete()
        SubmissionAuthor.objects.bulk_create(
            SubmissionAuthor(
                submission=submission,
                full_name=author["full_name"].strip(),
                workplace=author.get("workplace", "").strip(),
                sort_order=number,
            )
            for number, author in enumerate(co_authors, start=1)
        )


def where_counted(sha256):
    return SubmissionFile.objects.filter(sha256=sha256, counted=True).select_related("submission").first()


def document_once_message(existing):
    return _(
        "This supporting document was already counted in the submission “%(title)s” (no. %(number)s). "
        "The commission considers each supporting document only once."
    ) % {"title": existing.submission.title, "number": existing.submission_id}


def attached_bytes(submission):
    return submission.active_files().aggregate(total=Sum("size"))["total"] or 0


def add_file(submission, user, uploaded, kind, document_kind=""):
    """Attach a material or a supporting document within the site's upload limits (uploads.limits); a supporting
    document already counted anywhere is refused."""
    check_editable(submission, user)
    if kind == SubmissionFile.Kind.SUPPORTING and document_kind not in rules.SupportingDocumentKind.values:
        raise ValidationError(_("Choose the kind of the supporting document."), code="document_kind")
    limits.check_file(uploaded)
    limits.check_total(uploaded, already=attached_bytes(submission))
    sha256 = SubmissionFile.digest(uploaded)
    supporting = kind == SubmissionFile.Kind.SUPPORTING
    if supporting and (existing := where_counted(sha256)) is not None:
        raise ValidationError(document_once_message(existing), code="document_once")
    try:
        with transaction.atomic():
            return SubmissionFile.objects.create(
                submission=submission,
                kind=kind,
                document_kind=document_kind if supporting else "",
                file=uploaded,
                original_name=uploaded.name[:255],
                size=uploaded.size,
                sha256=sha256,
                counted=supporting,
                round=submission.round,
                uploaded_by=user,
            )
    except IntegrityError:
        # Someone counted the same document between our check and our write: the constraint decided.
        existing = where_counted(sha256)
        raise ValidationError(
            document_once_message(existing) if existing else _("The file could not be saved."), code="document_once"
        ) from None


def remove_file(submission_file, user):
    check_editable(submission_file.submission, user)
    submission_file.removed_at = timezone.now()
    submission_file.counted = False
    submission_file.save(update_fields=["removed_at", "counted"])


def save_draft(
    user, membership=None, submission=None, fields=None, co_authors=None, files=(), remove=(), published=None
):
    """Create or update a draft (or a submission returned for revision) in one transaction: its fields, its
    co-authors, the files removed and the files added.

    `files` holds (uploaded file, kind, document kind) triples. A refused file (a supporting document counted
    elsewhere, a limit) does not undo the rest: it is reported in `refused` as (file name, message) and the other
    files and fields are saved. `published`, when given, is the set of ids of the materials to publish if the
    experience is approved (the others are not). Returns (submission, refused).
    """
    fields = fields or {}
    refused = []
    with transaction.atomic():
        if submission is None:
            if membership is None:
                raise PermissionDenied
            submission = create_draft(user, membership, **fields)
        else:
            check_editable(submission, user)
            for name, value in fields.items():
                setattr(submission, name, value)
            submission.save()
        if co_authors is not None:
            set_co_authors(submission, user, co_authors)
        for removed in submission.files.filter(pk__in=list(remove), removed_at__isnull=True):
            remove_file(removed, user)
        if published is not None:
            materials = submission.active_files().filter(kind=SubmissionFile.Kind.MATERIAL)
            materials.filter(pk__in=list(published)).update(publish=True)
            materials.exclude(pk__in=list(published)).update(publish=False)
        for uploaded, kind, document_kind in files:
            try:
                add_file(submission, user, uploaded, kind, document_kind)
            except ValidationError as error:
                refused.extend((uploaded.name, message) for message in error.messages)
    return submission, refused


def completeness_errors(submission):
    """The checklist of what is still missing before the submission can be sent."""
    errors = []
    if not submission.title.strip():
        errors.append(_("Give the title."))
    if not submission.category:
        errors.append(_("Choose the qualification category sought."))
    if not submission.result_kind:
        errors.append(_("Choose the kind of result."))
    elif submission.category and submission.result_kind not in rules.result_kinds(submission.category):
        errors.append(_("This kind of result is not counted for the qualification category sought."))
    files = list(submission.active_files())
    if not any(f.kind == SubmissionFile.Kind.MATERIAL for f in files):
        errors.append(_("Attach at least one material."))
    if not any(f.kind == SubmissionFile.Kind.SUPPORTING for f in files):
        errors.append(_("Attach at least one supporting document."))
    try:
        check_authors(submission.result_kind, submission.authors.count())
    except ValidationError as error:
        errors.extend(error.messages)
    return errors


# Transitions --------------------------------------------------------------------------------------------------------


def submit(submission, user):
    """Send a draft for review, or a revised submission back to the stage that returned it."""
    if submission.author_id != user.pk:
        raise PermissionDenied
    errors = completeness_errors(submission)
    if errors:
        raise ValidationError(errors)
    try:
        with SubmissionFlow.lock(submission.pk):
            submission.refresh_from_db()
            if submission.state == Submission.State.DRAFT:
                submission.submitted_at = timezone.now()
                submission.save()
                SubmissionEvent.objects.create(
                    submission=submission,
                    action=SubmissionEvent.Action.SUBMITTED,
                    actor=user,
                    stage=rules.Stage.SCHOOL,
                    round=submission.round,
                )
                return SubmissionFlow.submit.run(submission=submission)
            if submission.state != Submission.State.REVISION:
                raise AlreadyDecided(_("This submission has already been sent."))
            task = Task.objects.get(process=submission, flow_task=SubmissionFlow.revise, status__in=OPEN_TASK_STATUSES)
            activation = task.flow_task.activation_class(task)
            if not task.flow_task.can_execute(user, task):
                raise PermissionDenied
            submission = activation.process
            submission.round += 1
            submission.save(update_fields=["round", "updated_at"])
            SubmissionEvent.objects.create(
                submission=submission,
                task=task,
                actor=user,
                round=submission.round,
                action=SubmissionEvent.Action.RESUBMITTED,
                stage=submission.stage,
            )
            activation.start(None)
            activation.execute()
            return submission
    except FlowLockFailed:
        raise WorkflowError(_("Someone else is acting on this submission right now. Try again in a moment.")) from None


def _open_review_task(task_id):
    task = Task.objects.filter(pk=task_id).first()
    if task is None or not isinstance(task.flow_task, ReviewTask):
        raise WorkflowError(_("No such review task."))
    return task


def claim(task_id, user):
    task = _open_review_task(task_id)
    try:
        with SubmissionFlow.lock(task.process_id):
            task.refresh_from_db()
            if task.status not in OPEN_TASK_STATUSES:
                raise AlreadyDecided(_("This task has already been decided."))
            if task.owner_id == user.pk:
                return task
            if task.owner_id is not None:
                raise AlreadyDecided(_("Another reviewer has already taken this task."))
            if not task.flow_task.can_assign(user, task):
                raise PermissionDenied
            activation = task.flow_task.activation_class(task)
            activation.assign(user)
            task.assigned = timezone.now()
            task.save(update_fields=["assigned"])
            SubmissionEvent.objects.create(
                submission_id=task.process_id,
                task=task,
                actor=user,
                action=SubmissionEvent.Action.CLAIMED,
                stage=task.flow_task.stage,
                round=activation.process.round,
            )
            return task
    except FlowLockFailed:
        raise WorkflowError(_("Someone else is acting on this submission right now. Try again in a moment.")) from None


def release(task_id, user):
    task = _open_review_task(task_id)
    with SubmissionFlow.lock(task.process_id):
        task.refresh_from_db()
        if task.status != STATUS.ASSIGNED:
            raise AlreadyDecided(_("This task is not taken."))
        if not task.flow_task.can_unassign(user, task):
            raise PermissionDenied
        activation = task.flow_task.activation_class(task)
        activation.unassign()
        SubmissionEvent.objects.create(
            submission_id=task.process_id,
            task=task,
            actor=user,
            action=SubmissionEvent.Action.RELEASED,
            stage=task.flow_task.stage,
            round=activation.process.round,
        )
        return task


def validate_decision(stage, category, decision, comment="", protocol_number="", protocol_date=None):
    errors = {}
    if decision not in rules.decisions_for(stage, category):
        errors["decision"] = _("This decision is not available at this stage.")
    if decision in rules.DECISIONS_NEEDING_COMMENT and not comment.strip():
        errors["comment"] = _("Give the reason: the author will read it.")
    if rules.needs_protocol(stage, decision):
        if not protocol_number.strip():
            errors["protocol_number"] = _("Give the number of the council meeting's protocol.")
        if protocol_date is None:
            errors["protocol_date"] = _("Give the date of the council meeting's protocol.")
        elif protocol_date > timezone.localdate():
            errors["protocol_date"] = _("The protocol date cannot be in the future.")
    if errors:
        raise ValidationError(errors)


def decide(task_id, user, decision, comment="", protocol_number="", protocol_date=None, conclusion=""):
    """Take a stage's decision. Exactly one decision per task: a second one is told it was already decided."""
    task = _open_review_task(task_id)
    try:
        with SubmissionFlow.lock(task.process_id):
            task.refresh_from_db()
            if task.status not in OPEN_TASK_STATUSES:
                raise AlreadyDecided(_("This task has already been decided."))
            node = task.flow_task
            activation = node.activation_class(task)
            submission = activation.process
            if task.owner_id is None:
                if not node.can_assign(user, task):
                    raise PermissionDenied
                activation.assign(user)
            elif task.owner_id != user.pk:
                raise AlreadyDecided(_("Another reviewer has taken this task."))
            if not node.can_execute(user, task):
                raise PermissionDenied
            validate_decision(node.stage, submission.category, decision, comment, protocol_number, protocol_date)

            if decision == rules.Decision.APPROVE:
                level = rules.dissemination_level(submission.category)
                count, unit = rules.required_coverage(level)
                submission.level, submission.required_coverage, submission.coverage_unit = level, count, unit
                submission.protocol_number, submission.protocol_date = protocol_number.strip(), protocol_date
                submission.conclusion = conclusion.strip() or comment.strip()
                submission.decided_at = timezone.now()
                submission.save()
            elif decision == rules.Decision.REJECT:
                submission.rejection_reason = comment.strip()
                submission.decided_at = timezone.now()
                submission.save()
            # The decision belongs to the task: the flow's gateways read it from there to choose the next node.
            task.data["decision"] = decision
            event = SubmissionEvent.objects.create(
                submission=submission,
                task=task,
                actor=user,
                action=decision,
                stage=node.stage,
                round=submission.round,
                comment=comment.strip(),
                protocol_number=protocol_number.strip(),
                protocol_date=protocol_date,
            )
            activation.start(None)
            activation.execute()
    except FlowLockFailed:
        raise WorkflowError(_("Someone else is deciding this task right now. Try again in a moment.")) from None

    events.decision_taken.send(sender=SubmissionEvent, event_id=event.pk)
    return submission


def withdraw(submission, user, comment=""):
    """The author withdraws: open tasks are cancelled, the process ends as cancelled, nothing is deleted."""
    if submission.author_id != user.pk:
        raise PermissionDenied
    try:
        with SubmissionFlow.lock(submission.pk):
            submission.refresh_from_db()
            if submission.state not in (Submission.State.DRAFT, *Submission.OPEN_STATES):
                raise WorkflowError(
                    _("This submission can no longer be withdrawn: it is %(state)s.")
                    % {"state": submission.get_state_display()}
                )
            # Viewflow's own cancel: every open task cancelled, the process ended as cancelled (and saved); the flow
            # then records the submission as withdrawn.
            SubmissionFlow.instance.cancel(submission)
            # A withdrawn submission was never decided: its supporting documents may be counted elsewhere.
            submission.files.filter(counted=True).update(counted=False)
            SubmissionEvent.objects.create(
                submission=submission,
                actor=user,
                comment=comment,
                action=SubmissionEvent.Action.WITHDRAWN,
                stage=submission.stage,
                round=submission.round,
            )
    except FlowLockFailed:
        raise WorkflowError(_("Someone else is acting on this submission right now. Try again in a moment.")) from None
    return submission


def record_dissemination(submission, user, **fields):
    if submission.author_id != user.pk:
        raise PermissionDenied
    if submission.state != Submission.State.APPROVED:
        raise WorkflowError(_("Dissemination events are recorded once dissemination is approved."))
    with transaction.atomic():
        event = submission.dissemination_events.create(**fields)
        SubmissionEvent.objects.create(
            submission=submission,
            actor=user,
            round=submission.round,
            action=SubmissionEvent.Action.DISSEMINATED,
            comment=str(event),
        )
    return event


def open_task_of(submission):
    return (
        Task.objects.filter(process_id=submission.pk, status__in=OPEN_TASK_STATUSES)
        .select_related("owner")
        .order_by("-pk")
        .first()
    )


__all__ = [
    "AlreadyDecided",
    "WorkflowError",
    "add_file",
    "claim",
    "create_draft",
    "decide",
    "release",
    "remove_file",
    "record_dissemination",
    "save_draft",
    "set_co_authors",
    "submit",
    "withdraw",
]
