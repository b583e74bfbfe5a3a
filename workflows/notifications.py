"""E-mail about the review, each message in its recipient's language, sent by background tasks (django-tasks).

The review's code does not call this module: it sends the signals of `workflows/events.py`, and the receivers here
(`notifies_on`, connected when `WorkflowsConfig.ready` imports this module) queue the e-mail once the transaction
commits. accounts/ and attendance/ register their own receivers the same way. `quietly()` is the demo's way to load
without telling anyone.

Tasks take primary keys, not objects: the database queue stores their arguments as JSON, and the worker reads the
state as it is when the task runs.
"""

from collections.abc import Callable
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from viewflow.workflow.models import Task
from wagtail.users.models import UserProfile

from workflows import events, rules
from workflows.models import Submission, SubmissionEvent

# Every (signal, receiver) pair that sends e-mail, whichever app it belongs to: what quietly() disconnects.
_RECEIVERS: list[tuple[Signal, Callable[..., None]]] = []


def _uid(receiver):
    return f"{receiver.__module__}.{receiver.__qualname__}"


def notifies_on(signal):
    """Connect the decorated function to the signal (at import, from the app's ready()) and remember the pair."""

    def connect(receiver):
        signal.connect(receiver, dispatch_uid=_uid(receiver))
        _RECEIVERS.append((signal, receiver))
        return receiver

    return connect


@contextmanager
def quietly():
    """No e-mail for anything done inside this block (demo data), even when its transaction commits later.

    It disconnects the notification receivers, so it holds for the whole process, not only the calling thread: for
    management commands and loaders (load_demo), never inside a process that serves requests. Chosen over a
    `quiet=True` argument, which could not reach the flow's callbacks (Viewflow calls them with the activation
    only), and over a local EMAIL_BACKEND, which the worker draining the database queue in production would not see.
    """
    for signal, receiver in _RECEIVERS:
        signal.disconnect(receiver, dispatch_uid=_uid(receiver))
    try:
        yield
    finally:
        for signal, receiver in _RECEIVERS:
            signal.connect(receiver, dispatch_uid=_uid(receiver))


def schedule(notification, *args):
    """Queue a notification once the current transaction commits: a rolled-back transition tells nobody."""
    transaction.on_commit(lambda: notification.enqueue(*args))


def language_of(user):
    """The recipient's chosen language (their admin preference), else the site's default, Kazakh."""
    profile = UserProfile.objects.filter(user=user).only("preferred_language").first()
    language = profile.preferred_language if profile else ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(user, subject, template, context):
    if not user.email:
        return False
    language = language_of(user)
    with translation.override(language):
        context = {**context, "recipient": user}
        body = render_to_string(template, context)
        EmailMessage(
            str(subject) % context.get("subject_vars", {}),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
            headers={"Content-Language": language},
        ).send()
    return True


@task()
def task_arrived(task_id):
    """A stage's task has arrived: tell every holder of the stage's role in scope."""
    from workflows.roles import holders_of

    flow_task = Task.objects.filter(pk=task_id).first()
    if flow_task is None:
        return 0
    submission = Submission.objects.select_related("school").get(pk=flow_task.process_id)
    stage = flow_task.flow_task.stage
    sent = 0
    for user in holders_of(stage, submission):
        with translation.override(language_of(user)):
            sent += send(
                user,
                _("New submission to review: %(title)s"),
                "workflows/email/task_arrived.txt",
                {
                    "submission": submission,
                    "stage": rules.Stage(stage).label,
                    "due": submission.stage_due,
                    "subject_vars": {"title": submission.title},
                    "url": absolute(reverse("workflows:task", args=[task_id])),
                },
            )
    return sent


@notifies_on(events.task_arrived)
def _on_task_arrived(sender, task_id, **kwargs):
    schedule(task_arrived, task_id)


DECISION_TEMPLATES = {
    rules.Decision.ENDORSE: "workflows/email/decision_endorse.txt",
    rules.Decision.FORWARD: "workflows/email/decision_forward.txt",
    rules.Decision.APPROVE: "workflows/email/decision_approve.txt",
    rules.Decision.RETURN: "workflows/email/decision_return.txt",
    rules.Decision.REJECT: "workflows/email/decision_reject.txt",
}


@task()
def decision_taken(event_id):
    """Tell the author of a decision, with a message of its own for each kind of decision."""
    event = SubmissionEvent.objects.select_related("submission__author").filter(pk=event_id).first()
    if event is None:
        return 0
    submission = event.submission
    with translation.override(language_of(submission.author)):
        return int(
            send(
                submission.author,
                _("Decision on your submission: %(title)s"),
                DECISION_TEMPLATES[event.action],
                {
                    "submission": submission,
                    "event": event,
                    "stage": rules.Stage(event.stage).label,
                    "subject_vars": {"title": submission.title},
                    "url": absolute(reverse("cabinet:submission", args=[submission.pk])),
                },
            )
        )


@notifies_on(events.decision_taken)
def _on_decision_taken(sender, event_id, **kwargs):
    schedule(decision_taken, event_id)


@task()
def deadline_reminder(submission_id, overdue):
    """Remind the stage's role holders that a decision is due soon, or is overdue."""
    from workflows.roles import holders_of

    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None or submission.state != Submission.State.IN_REVIEW:
        return 0
    open_task = Task.objects.filter(process_id=submission.pk, status__in=["NEW", "ASSIGNED"]).order_by("-pk").first()
    sent = 0
    for user in holders_of(submission.stage, submission):
        if open_task and open_task.owner_id and open_task.owner_id != user.pk:
            continue  # a claimed task concerns its reviewer only
        with translation.override(language_of(user)):
            subject = _("Overdue review: %(title)s") if overdue else _("Review due soon: %(title)s")
            sent += send(
                user,
                subject,
                "workflows/email/reminder.txt",
                {
                    "submission": submission,
                    "overdue": overdue,
                    "due": submission.stage_due,
                    "stage": rules.Stage(submission.stage).label,
                    "subject_vars": {"title": submission.title},
                    "url": absolute(reverse("workflows:task", args=[open_task.pk])) if open_task else "",
                },
            )
    return sent


def send_due_reminders(now=None):
    """Queue reminders before and after each stage's deadline, each once per stage visit. Returns (before, after)."""
    now = now or timezone.now()
    soon = now + timezone.timedelta(days=rules.REMINDER_DAYS_BEFORE)
    reviewing = Submission.objects.filter(state=Submission.State.IN_REVIEW, stage_due__isnull=False)
    overdue = list(reviewing.filter(stage_due__lt=now, reminded_after_due=False).values_list("pk", flat=True))
    due_soon = list(
        reviewing.filter(stage_due__gte=now, stage_due__lte=soon, reminded_before_due=False).values_list(
            "pk", flat=True
        )
    )
    Submission.objects.filter(pk__in=overdue).update(reminded_after_due=True, reminded_before_due=True)
    Submission.objects.filter(pk__in=due_soon).update(reminded_before_due=True)
    for pk in due_soon:
        deadline_reminder.enqueue(pk, False)
    for pk in overdue:
        deadline_reminder.enqueue(pk, True)
    return len(due_soon), len(overdue)
