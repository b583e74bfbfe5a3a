"""The capacity on PostgreSQL: two teachers taking the last seat at the same instant get one seat and one place on
the waiting list, never two seats."""

import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from attendance import services
from attendance.models import Registration, RegistrationDesk
from attendance.tests.fixtures import events_network  # noqa: F401
from workflows.tests.test_concurrency import concurrently

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback: the flush after a transactional test would take Wagtail's root page and collection with it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


@pytest.fixture
def slow_count(monkeypatch):
    """Widen the window between reading the seat count and saving the registration, so the requests overlap."""
    original = services._facts

    def slow(desk):
        time.sleep(0.3)
        return original(desk)

    monkeypatch.setattr(services, "_facts", slow)


def test_two_teachers_taking_the_last_seat_at_once_never_exceed_the_capacity(events_network, slow_count):
    desk = services.open_desk(events_network["event"], capacity=2)
    services.register(desk.pk, events_network["aigerim"])
    clients = []
    for name in ("ivan", "john"):
        client = Client()
        client.force_login(events_network[name])
        clients.append(client)
    url = reverse("attendance:register", args=[desk.pk])
    responses = concurrently(*[(lambda client=client: client.post(url, {"next": "/"})) for client in clients])
    assert all(getattr(response, "status_code", None) == 302 for response in responses), responses
    statuses = sorted(Registration.objects.exclude(user=events_network["aigerim"]).values_list("status", flat=True))
    assert statuses == ["confirmed", "waiting"]
    desk = RegistrationDesk.objects.get(pk=desk.pk)
    assert desk.seats_taken == 2 == Registration.objects.filter(status="confirmed").count()


def test_a_cancellation_racing_a_registration_keeps_the_count_exact(events_network, slow_count):
    desk = services.open_desk(events_network["event"], capacity=1)
    first = services.register(desk.pk, events_network["aigerim"])
    services.register(desk.pk, events_network["ivan"])  # waiting
    results = concurrently(
        lambda: services.cancel(first.pk, events_network["aigerim"]),
        lambda: services.register(desk.pk, events_network["john"]),
    )
    assert not any(isinstance(result, Exception) for result in results), results
    confirmed = Registration.objects.filter(status="confirmed")
    assert confirmed.count() == 1 == RegistrationDesk.objects.get(pk=desk.pk).seats_taken
    # The waiting list keeps its order: Ivan queued first and takes the freed seat.
    assert confirmed.get().user == events_network["ivan"]
