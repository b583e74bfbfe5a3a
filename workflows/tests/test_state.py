"""The review's state lives in Viewflow; the stored copy on Submission (state, stage, reached) agrees after every step.

`viewflow_says` reads Viewflow's rows directly (process status, open human task, end reached), independently of
workflows.flows.position, and every transition of every route is followed by the comparison.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS, STATUS

from workflows import rules, services
from workflows.factories import complete_draft
from workflows.flows import ReviewTask, SubmissionFlow, position
from workflows.models import Submission
from workflows.tests.test_flow import english, network, private_root  # noqa: F401 (fixtures)

PROTOCOL = {"protocol_number": "12", "protocol_date": datetime.date(2026, 11, 2)}
OPEN = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)


def viewflow_says(submission):
    """(state, stage of the open review task or None) from Viewflow's own tables."""
    process = Submission.objects.get(pk=submission.pk)
    tasks = Task.objects.filter(process_id=submission.pk)
    open_tasks = [task for task in tasks if task.flow_task_type == "HUMAN" and task.status in OPEN]
    assert len(open_tasks) <= 1, "more than one open task"
    if process.status == PROCESS.CANCELED:
        return "withdrawn", None
    if process.status == PROCESS.DONE:
        ends = {task.flow_task for task in tasks if task.flow_task_type == "END"}
        assert len(ends) == 1
        return ("approved" if SubmissionFlow.approved in ends else "rejected"), None
    if not open_tasks:
        assert not tasks.exists(), "a process with tasks but none open must have ended"
        return "draft", None
    node = open_tasks[0].flow_task
    if node is SubmissionFlow.revise:
        return "revision", None
    assert isinstance(node, ReviewTask)
    return "in_review", node.stage


def assert_agrees(submission):
    stored = Submission.objects.get(pk=submission.pk)
    state, stage = viewflow_says(submission)
    assert stored.state == state
    if stage is not None:
        assert stored.stage == stage
    assert (stored.state, stored.stage, stored.reached) == position(stored)[:3]
    assert (stored.stage_due is not None) == (state == "in_review")
    return stored


def open_task_id(submission):
    return Task.objects.get(process_id=submission.pk, flow_task_type="HUMAN", status__in=OPEN).pk


def decide(submission, user, decision):
    stored = Submission.objects.get(pk=submission.pk)
    kwargs = dict(PROTOCOL) if rules.needs_protocol(stored.stage, decision) else {}
    if decision in rules.DECISIONS_NEEDING_COMMENT:
        kwargs["comment"] = "Add the act of implementation."
    services.decide(open_task_id(submission), user, decision, **kwargs)
    return assert_agrees(submission)


def test_every_transition_of_the_longest_route_keeps_the_copy_in_agreement(network):
    author = network["author"]
    submission = complete_draft(author, category=rules.Category.TEACHER_MASTER)
    assert assert_agrees(submission).state == "draft"
    services.submit(submission, author)
    assert assert_agrees(submission).stage == "school"
    services.claim(open_task_id(submission), network["head"])
    assert_agrees(submission)
    services.release(open_task_id(submission), network["head"])
    assert_agrees(submission)
    assert decide(submission, network["head"], "endorse").stage == "regional"
    stored = decide(submission, network["regional"], "return")
    assert (stored.state, stored.stage, stored.reached) == ("revision", "regional", 1)
    services.submit(stored, author)
    stored = assert_agrees(submission)
    assert (stored.state, stored.stage, stored.round) == ("in_review", "regional", 2)
    stored = decide(submission, network["regional"], "forward")
    assert (stored.stage, stored.reached) == ("republican", 2)
    stored = decide(submission, network["republican"], "approve")
    assert (stored.state, stored.stage, stored.stage_due) == ("approved", "republican", None)


@pytest.mark.parametrize("stop", ["draft", "in_review", "revision"])
def test_withdrawing_is_viewflows_cancel_and_the_copy_follows(network, stop):
    author = network["author"]
    submission = complete_draft(author)
    if stop != "draft":
        services.submit(submission, author)
    if stop == "revision":
        decide(submission, network["head"], "return")
    services.withdraw(Submission.objects.get(pk=submission.pk), author, comment="Changed my mind")
    stored = assert_agrees(submission)
    assert (stored.state, stored.status) == ("withdrawn", PROCESS.CANCELED)
    assert not Task.objects.filter(process_id=submission.pk, status__in=OPEN).exists()


def test_rejection_ends_the_process_and_the_copy_says_rejected(network):
    submission = complete_draft(network["author"])
    services.submit(submission, network["author"])
    stored = decide(submission, network["head"], "reject")
    assert (stored.state, stored.status) == ("rejected", PROCESS.DONE)


def test_the_decision_lives_in_its_task_and_routes_the_flow(network):
    submission = complete_draft(network["author"])
    services.submit(submission, network["author"])
    task_id = open_task_id(submission)
    decide(submission, network["head"], "endorse")
    assert Task.objects.get(pk=task_id).data["decision"] == "endorse"
    assert Task.objects.get(pk=open_task_id(submission)).flow_task is SubmissionFlow.regional_review


def test_a_stale_copy_saved_by_a_service_does_not_write_the_state_back(network):
    """The draft is saved by the cabinet from an instance loaded before a transition: the state is not reverted."""
    author = network["author"]
    submission = complete_draft(author)
    stale = Submission.objects.get(pk=submission.pk)
    services.submit(submission, author)
    stale.abstract = "Edited elsewhere"
    stale.save()
    stored = assert_agrees(submission)
    assert (stored.state, stored.abstract) == ("in_review", "Edited elsewhere")


def test_a_refused_actor_changes_nothing(network):
    submission = complete_draft(network["author"])
    services.submit(submission, network["author"])
    before = Submission.objects.get(pk=submission.pk)
    with pytest.raises(PermissionDenied):
        services.decide(open_task_id(submission), network["other_head"], "endorse")
    after = assert_agrees(submission)
    assert (after.state, after.stage, after.updated_at) == (before.state, before.stage, before.updated_at)
