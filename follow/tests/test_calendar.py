"""iCalendar feeds: round trip through `icalendar`, UTC times, stable UIDs, cancellations, only live public events."""

import datetime

import icalendar
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from network.factories import ALMATY, add_event

from .fixtures import empty_cache, network  # noqa: F401 (fixtures)

UTC = datetime.UTC


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, {str(component["UID"]): component for component in calendar.walk("VEVENT")}


def test_school_calendar_round_trips_to_the_same_events(client, network):
    seminar = add_event(
        network["events"],
        "Lesson Study seminar",
        start=datetime.datetime(2026, 12, 10, 10, 0, tzinfo=ALMATY),
        hours=3,
        online_url="https://meet.example.kz/lesson-study",
    )
    cancelled = add_event(network["events"], "Master class", is_cancelled=True)
    calendar, events = parse(client.get(f"/kk/follow/schools/{network['school'].pk}/events.ics"))

    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    assert set(events) == {
        f"event-{seminar.translation_key}@leading-schools.kz",
        f"event-{cancelled.translation_key}@leading-schools.kz",
    }
    event = events[f"event-{seminar.translation_key}@leading-schools.kz"]
    # 10:00 in Kazakhstan (UTC+5 since 2024-03-01) is 05:00 UTC, written in UTC.
    assert event.decoded("DTSTART") == datetime.datetime(2026, 12, 10, 5, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime.datetime(2026, 12, 10, 8, 0, tzinfo=UTC)
    assert event["DTSTART"].to_ical().endswith(b"Z")
    assert event.decoded("DTSTART") == seminar.start and event.decoded("DTEND") == seminar.end
    assert str(event["SUMMARY"]) == "Lesson Study seminar"
    assert str(event["LOCATION"]) == seminar.venue
    assert "https://meet.example.kz/lesson-study" in str(event["DESCRIPTION"])
    assert str(event["URL"]) == "http://testserver" + seminar.get_url()
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert str(events[f"event-{cancelled.translation_key}@leading-schools.kz"]["STATUS"]) == "CANCELLED"


def test_online_only_event_is_located_at_its_link(client, network):
    event = add_event(network["events"], "Webinar", venue="", online_url="https://meet.example.kz/w")
    _calendar, events = parse(client.get("/kk/follow/events.ics"))
    assert str(events[f"event-{event.translation_key}@leading-schools.kz"]["LOCATION"]) == "https://meet.example.kz/w"


def test_uid_and_dtstamp_are_stable_between_fetches(client, network):
    add_event(network["events"], "Seminar")
    first = parse(client.get("/kk/follow/events.ics"))[1]
    cache.clear()
    second = parse(client.get("/kk/follow/events.ics"))[1]
    assert first.keys() == second.keys()
    for uid in first:
        assert first[uid].decoded("DTSTAMP") == second[uid].decoded("DTSTAMP")


def test_drafts_private_and_old_events_stay_out(client, network):
    live = add_event(network["events"], "Live")
    add_event(network["events"], "Draft", publish_it=False)
    private = add_event(network["events"], "Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    add_event(network["events"], "Long ago", start=datetime.datetime(2024, 1, 10, 10, 0, tzinfo=ALMATY))
    for url in ("/kk/follow/events.ics", f"/kk/follow/schools/{network['school'].pk}/events.ics"):
        _calendar, events = parse(client.get(url))
        assert [str(e["SUMMARY"]) for e in events.values()] == ["Live"]
    assert client.get(f"/kk/follow/events/{private.pk}.ics").status_code == 404
    assert client.get(f"/kk/follow/events/{live.pk + 1000}.ics").status_code == 404


def test_single_event_download(client, network):
    event = add_event(network["events"], "Forum", slug="forum-2026")
    response = client.get(f"/kk/follow/events/{event.pk}.ics")
    assert response["Content-Disposition"] == 'attachment; filename="forum-2026.ics"'
    _calendar, events = parse(response)
    assert list(events) == [f"event-{event.translation_key}@leading-schools.kz"]
    assert client.get(f"/kk/follow/events/{event.pk}.ics", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_calendar_is_refreshed_when_an_event_is_cancelled(client, network):
    event = add_event(network["events"], "Conference")
    first = client.get("/kk/follow/events.ics")
    assert client.get("/kk/follow/events.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    event.is_cancelled = True
    event.save_revision().publish()
    again = client.get("/kk/follow/events.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    _calendar, events = parse(again)
    assert str(events[f"event-{event.translation_key}@leading-schools.kz"]["STATUS"]) == "CANCELLED"


def test_calendar_queries_do_not_grow_with_the_events(client, network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            parse(client.get("/kk/follow/events.ics"))
        return len(queries)

    add_event(network["events"], "One")
    few = count()
    for i in range(5):
        add_event(network["events"], f"More {i}")
    assert count() == few
