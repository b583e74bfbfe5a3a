"""The review as a viewflow flow (engine only): school → council by category → republican council → decision.

Stored in the database as "workflows/flows.SubmissionFlow" and "….SubmissionFlow.<node>": renaming the module, the
class or a node needs a data migration.
"""

from django.utils import timezone
from viewflow import this
from viewflow.workflow import lock
from viewflow.workflow.base import Flow
from viewflow.workflow.nodes import End, Function, StartHandle, Switch, View
from viewflow.workflow.nodes.start import StartHandleActivation

from workflows import events, rules
from workflows.models import Submission

Decision = rules.Decision
Stage = rules.Stage


class SubmitDraftActivation(StartHandleActivation):
    """Starts the review of an existing draft: the draft is already the process row."""


class SubmitDraft(StartHandle):
    """The author sends a saved draft for review."""

    activation_class = SubmitDraftActivation

    def run(self, submission):
        task = self.flow_class.task_class(flow_task=self, process=submission, started=timezone.now())
        activation = self.activation_class(task)
        activation.execute()
        return submission


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


def _decided(decision):
    return lambda activation: activation.process.last_decision == decision


def _back_to(stage):
    return lambda activation: activation.process.stage == stage


class SubmissionFlow(Flow):
    """Review of innovative pedagogical experience"""

    process_class = Submission
    # Without a row lock two simultaneous decisions both succeed and fork the process (docs/measurements.md).
    lock_impl = lock.select_for_update_lock

    submit = SubmitDraft().Next(this.school_review)

    school_review = ReviewTask(Stage.SCHOOL).onCreate(this.review_opened).Next(this.after_school)
    after_school = (
        Switch()
        .Case(this.revise, _decided(Decision.RETURN))
        .Case(this.rejected, _decided(Decision.REJECT))
        .Case(this.association_review, lambda activation: rules.first_council(activation.process.category)
              == Stage.ASSOCIATION)
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
    approved = End()
    rejected = End()

    @classmethod
    def review_nodes(cls):
        return [cls.school_review, cls.association_review, cls.regional_review, cls.republican_review]

    @classmethod
    def review_node(cls, stage):
        return {node.stage: node for node in cls.review_nodes()}[rules.Stage(stage)]

    def review_opened(self, activation):
        """A stage's task exists: the submission is at that stage, its clock starts, its reviewers are told."""
        submission = activation.process
        stage = activation.flow_task.stage
        submission.state = Submission.State.IN_REVIEW
        submission.stage = stage
        submission.reached = max(submission.reached, rules.route(submission.category).index(stage))
        submission.stage_due = timezone.now() + rules.stage_deadline(stage)
        submission.reminded_before_due = submission.reminded_after_due = False
        submission.save()
        events.task_arrived.send(sender=SubmissionFlow, task_id=activation.task.pk)

    def revision_opened(self, activation):
        submission = activation.process
        submission.state = Submission.State.REVISION
        submission.stage_due = None
        submission.save()

    def publish_experience(self, activation):
        from workflows.publishing import publish_approved_experience

        publish_approved_experience(activation.process)
