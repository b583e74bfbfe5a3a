"""The review as a viewflow flow (engine only): school → council by category → republican council → decision.

Stored in the database as "workflows/flows.SubmissionFlow" and "….SubmissionFlow.<node>": renaming the module, the
class or a node needs a data migration.

Where the review stands is Viewflow's: the process status (NEW, DONE, CANCELED), its open task and the end node
it reached. `position()` reads it from there. `Submission.state`, `stage`, `reached` and `stage_due` are a copy of
that answer, kept only because the inboxes, the cabinet, the monitoring and the reminders filter and count by them
over tens of thousands of processes with indexes (a join to viewflow's tasks per row would not be); the copy is
written by `record_position()` alone, which the flow calls at each change (a task opened, an end reached, a cancel).
workflows/tests/test_state.py proves the copy agrees with Viewflow after every transition.
"""

from viewflow import this
from viewflow.workflow import lock
from viewflow.workflow.activation import Activation
from viewflow.workflow.base import Flow
from viewflow.workflow.nodes import End, Function, StartHandle, Switch, View
from viewflow.workflow.nodes.end import EndActivation
from viewflow.workflow.status import PROCESS, STATUS

from workflows import events, rules
from workflows.models import Submission

Decision = rules.Decision
Stage = rules.Stage
State = Submission.State

# A human task (a review or the revision) is open while in one of these statuses.
OPEN_TASK_STATUSES = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)


class ReviewTask(View):
    """A stage's decision, open to every holder of the stage's role in scope (never to a global permission)."""

    def __init__(self, stage, **kwargs):
        super().__init__(view=None, **kwargs)
        self.stage = rules.Stage(stage)

    def _submission(self, task):
        process = task.process
        return process if isinstance(process, Submission) else process.coerced

    def can_assign(self, user, task):
        from workflows.roles import can_review

        return task.owner_id is None and can_review(user, self.stage, self._submission(task))

    def can_execute(self, user, task):
        from workflows.roles import can_review

        return task.owner_id == getattr(user, "pk", None) and can_review(user, self.stage, self._submission(task))

    def can_unassign(self, user, task):
        from workflows.roles import can_review

        if task.owner_id is None or user is None or not user.is_authenticated:
            return False
        return task.owner_id == user.pk or (user.is_superuser and can_review(user, self.stage, self._submission(task)))


class RevisionTask(View):
    """The author revises the submission and resubmits it to the stage that returned it."""

    def __init__(self, **kwargs):
        super().__init__(view=None, **kwargs)

    def can_execute(self, user, task):
        return user is not None and user.is_authenticated and task.owner_id == user.pk


class OutcomeActivation(EndActivation):
    @Activation.status.super()
    def activate(self):
        super().activate.original()
        record_position(self.process)


class Outcome(End):
    """An end of the review (approved or rejected): reaching it records the submission's final state."""

    activation_class = OutcomeActivation

    def __init__(self, state, **kwargs):
        super().__init__(**kwargs)
        self.state = State(state)


def _decided(decision):
    """A gateway's condition: the review task just completed took this decision (kept in the task's own data)."""

    def condition(activation):
        return any(task.data.get("decision") == decision for task in activation.task.previous.all())

    return condition


def _back_to(stage):
    """After a revision the submission goes back to the stage that returned it: the last review decided."""
    return lambda activation: last_review_stage(activation.process) == stage


def last_review_stage(submission):
    task = (
        submission.task_set.filter(flow_task_type=ReviewTask.task_type, status=STATUS.DONE)
        .exclude(flow_task=SubmissionFlow.revise)
        .order_by("-pk")
        .first()
    )
    return task.flow_task.stage if task else ""


def position(submission):
    """Where the review stands, read from Viewflow alone: (state, stage, reached, the open task or None).

    Draft: the process is NEW with no task yet. In review / returned for revision: its one open task is a review
    task (the stage is the task's) or the revision (the stage is the one that returned it). Approved / rejected:
    the process is DONE at that end node. Withdrawn: the process is CANCELED. `reached` is how far along the route
    a review task has been opened (0 school, 1 council, 2 republican council).
    """
    tasks = list(
        submission.task_set.only("flow_task", "flow_task_type", "status", "owner_id", "created").order_by("pk")
    )
    reviews = [task for task in tasks if isinstance(task.flow_task, ReviewTask)]
    stage = reviews[-1].flow_task.stage.value if reviews else ""
    route = rules.route(submission.category) if submission.category else ()
    reached = max((route.index(task.flow_task.stage) for task in reviews if task.flow_task.stage in route), default=0)
    open_tasks = [
        task for task in tasks if task.flow_task_type == ReviewTask.task_type and task.status in OPEN_TASK_STATUSES
    ]
    open_task = open_tasks[-1] if open_tasks else None
    if submission.status == PROCESS.CANCELED:
        state = State.WITHDRAWN
    elif submission.status == PROCESS.DONE:
        ends = [task.flow_task for task in tasks if isinstance(task.flow_task, Outcome)]
        state = ends[-1].state
    elif open_task is None:
        state = State.DRAFT
    elif isinstance(open_task.flow_task, ReviewTask):
        state, stage = State.IN_REVIEW, open_task.flow_task.stage.value
    else:
        state = State.REVISION
    return state, stage, reached, open_task


def record_position(submission):
    """The one writer of the stored copy of `position()` (state, stage, reached) and of the stage's clock.

    Called by the flow only: when a review or revision task opens, when an end is reached, when the process is
    cancelled. A review task opening starts its stage's clock and resets its reminders; any other state stops it.
    """
    state, stage, reached, open_task = position(submission)
    submission.state, submission.stage, submission.reached = state, stage, reached
    if state == State.IN_REVIEW:
        due = open_task.created + rules.stage_deadline(stage)
        if submission.stage_due != due:
            submission.stage_due = due
            submission.reminded_before_due = submission.reminded_after_due = False
    else:
        submission.stage_due = None
    submission.save(
        update_fields=[
            "state",
            "stage",
            "reached",
            "stage_due",
            "reminded_before_due",
            "reminded_after_due",
            "updated_at",
        ]
    )


class SubmissionFlow(Flow):
    """Review of innovative pedagogical experience"""

    process_class = Submission
    # Without a row lock two simultaneous decisions both succeed and fork the process (docs/measurements.md).
    lock_impl = lock.select_for_update_lock

    # Viewflow's own start from code; the draft the author saved becomes the process (see `start_review`).
    submit = StartHandle(this.start_review).Next(this.school_review)

    school_review = ReviewTask(Stage.SCHOOL).onCreate(this.review_opened).Next(this.after_school)
    after_school = (
        Switch()
        .Case(this.revise, _decided(Decision.RETURN))
        .Case(this.rejected, _decided(Decision.REJECT))
        .Case(
            this.association_review,
            lambda activation: rules.first_council(activation.process.category) == Stage.ASSOCIATION,
        )
        .Default(this.regional_review)
    )

    association_review = ReviewTask(Stage.ASSOCIATION).onCreate(this.review_opened).Next(this.after_association)
    after_association = (
        Switch()
        .Case(this.revise, _decided(Decision.RETURN))
        .Case(this.rejected, _decided(Decision.REJECT))
        .Default(this.publish)
    )

    regional_review = ReviewTask(Stage.REGIONAL).onCreate(this.review_opened).Next(this.after_regional)
    after_regional = (
        Switch()
        .Case(this.revise, _decided(Decision.RETURN))
        .Case(this.rejected, _decided(Decision.REJECT))
        .Case(this.republican_review, _decided(Decision.FORWARD))
        .Default(this.publish)
    )

    republican_review = ReviewTask(Stage.REPUBLICAN).onCreate(this.review_opened).Next(this.after_republican)
    after_republican = (
        Switch()
        .Case(this.revise, _decided(Decision.RETURN))
        .Case(this.rejected, _decided(Decision.REJECT))
        .Default(this.publish)
    )

    revise = (
        RevisionTask()
        .Assign(lambda activation: activation.process.author)
        .onCreate(this.revision_opened)
        .Next(this.resubmitted)
    )
    resubmitted = (
        Switch()
        .Case(this.school_review, _back_to(Stage.SCHOOL))
        .Case(this.association_review, _back_to(Stage.ASSOCIATION))
        .Case(this.regional_review, _back_to(Stage.REGIONAL))
        .Default(this.republican_review)
    )

    publish = Function(this.publish_experience).Next(this.approved)
    approved = Outcome(State.APPROVED)
    rejected = Outcome(State.REJECTED)

    @classmethod
    def review_nodes(cls):
        return [cls.school_review, cls.association_review, cls.regional_review, cls.republican_review]

    @classmethod
    def review_node(cls, stage):
        return {node.stage: node for node in cls.review_nodes()}[rules.Stage(stage)]

    def start_review(self, activation, submission):
        """StartHandle.run prepares a new process; the review's process is the author's saved draft instead."""
        activation.process = activation.task.process = submission
        return submission

    def review_opened(self, activation):
        """A stage's task exists: the submission is at that stage, its clock starts, its reviewers are told."""
        record_position(activation.process)
        events.task_arrived.send(sender=SubmissionFlow, task_id=activation.task.pk)

    def revision_opened(self, activation):
        record_position(activation.process)

    def cancel(self, process):
        """Viewflow's cancel (every open task cancelled, the process CANCELED), then the stored state follows."""
        super().cancel(process)
        record_position(process)

    def publish_experience(self, activation):
        from workflows.publishing import publish_approved_experience

        publish_approved_experience(activation.process)
