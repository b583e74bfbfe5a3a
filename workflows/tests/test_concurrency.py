"""Integrity on PostgreSQL: two simultaneous decisions on one task give one decision and no forked process."""

import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from viewflow.workflow.models import Task

from workflows.flows import SubmissionFlow
from workflows.models import SubmissionEvent
from workflows.tests.test_flow import network, open_task, private_root, reload, submitted  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback: the flush after a transactional test would take Wagtail's root page and collection with it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def concurrently(*calls):
    """Run the calls in threads (one database connection each), released at the same instant."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.fixture
def slow_transition(monkeypatch):
    """Hold the process lock a little while the next task is created, so that the two requests overlap."""
    original = SubmissionFlow.review_opened

    def slow(self, activation):
        time.sleep(0.4)
        return original(self, activation)

    monkeypatch.setattr(SubmissionFlow, "review_opened", slow)
    for node in SubmissionFlow.review_nodes():
        monkeypatch.setattr(node, "_on_create", SubmissionFlow.instance.review_opened)


def test_two_heads_deciding_the_same_task_at_once_give_one_decision(network, slow_transition):
    from wagtail.users.models import UserProfile

    from workflows.factories import reviewer
    from workflows.models import ReviewerRole

    deputy = reviewer("deputy", ReviewerRole.Role.SCHOOL_HEAD, school=network["school"])
    UserProfile.objects.update_or_create(user=deputy, defaults={"preferred_language": "ru"})
    UserProfile.objects.update_or_create(user=network["head"], defaults={"preferred_language": "ru"})
    submission = submitted(network)
    task = open_task(submission)
    url = reverse("workflows:task", args=[task.pk])
    clients = []
    for user in (network["head"], deputy):
        client = Client()
        client.force_login(user)
        clients.append(client)

    responses = concurrently(
        *[
            (lambda client=client: client.post(url, {"decision": "endorse", "comment": "Signed."}, follow=True))
            for client in clients
        ]
    )

    assert all(not isinstance(response, Exception) for response in responses), responses
    with translation.override("ru"):
        already = gettext("This task has already been decided.")
        taken = gettext("Another reviewer has taken this task.")
    refusals = [r for r in responses if already in r.content.decode() or taken in r.content.decode()]
    assert len(refusals) == 1
    submission = reload(submission)
    assert submission.stage == "regional"
    # No fork: one endorsement, one next-stage task, the school task done once.
    assert SubmissionEvent.objects.filter(submission=submission, action="endorse").count() == 1
    assert Task.objects.filter(process_id=submission.pk, flow_task=SubmissionFlow.regional_review).count() == 1
    assert (
        Task.objects.filter(process_id=submission.pk, flow_task=SubmissionFlow.school_review, status="DONE").count()
        == 1
    )


def test_two_simultaneous_service_calls_one_wins_the_other_is_told(network, slow_transition):
    from workflows import services

    submission = submitted(network)
    task = open_task(submission)
    results = concurrently(
        lambda: services.decide(task.pk, network["head"], "endorse"),
        lambda: services.decide(task.pk, network["head"], "reject", comment="No."),
    )
    winners = [result for result in results if not isinstance(result, Exception)]
    losers = [result for result in results if isinstance(result, Exception)]
    assert len(winners) == 1 and len(losers) == 1
    assert isinstance(losers[0], services.AlreadyDecided), losers
    assert SubmissionEvent.objects.filter(submission=submission, action__in=["endorse", "reject"]).count() == 1
    assert Task.objects.filter(process_id=submission.pk, status__in=["NEW", "ASSIGNED"]).count() <= 1
