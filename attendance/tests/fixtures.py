"""Two provisioned Leading Schools with one event each (kk, with ru and en translations), organisers and teachers:
shared by the attendance tests."""

import datetime

import pytest
from django.utils import timezone

from network.factories import ensure_locales, make_school, translate_page
from network.models import EventIndexPage, EventPage, SchoolWorkspace
from network.provisioning import provision_school
from workflows.factories import make_user

TITLES = {
    "kk": "Сабақты зерттеу: әдістемелік семинар",
    "ru": "Lesson Study: методический семинар",
    "en": "Lesson Study: a methods seminar",
}


def make_event(
    school, title=TITLES["kk"], start=None, online_url="https://meet.example.kz/lesson-study", translations=True
):
    start = start or timezone.now() + datetime.timedelta(days=10)
    index = EventIndexPage.objects.child_of(school).get()
    event = EventPage(
        title=title,
        slug=f"event-{EventPage.objects.count() + 1}",
        kind="seminar",
        start=start,
        end=start + datetime.timedelta(hours=3),
        venue="Мектеп, 12 кабинет",
        online_url=online_url,
        live=True,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    event.refresh_from_db()
    if translations:
        locales = ensure_locales()
        for code in ("ru", "en"):
            for page in (school.get_parent(), school, index):
                translate_page(page.specific, locales[code], {})
            translate_page(event, locales[code], {"title": TITLES[code]})
    return event


def organiser(username, school, role="editors", **kwargs):
    user = make_user(username, group=None, **kwargs)
    workspace = SchoolWorkspace.objects.get(translation_key=school.translation_key)
    user.groups.add(getattr(workspace, role))
    return user


@pytest.fixture
def events_network(request, db, events_network_rows):
    """The world below, restored from the rows written once per test process (conftest.py's
    `events_network_rows`, tests/db_snapshot.py): the same rows as building it, in a fraction of the time."""
    from tests import db_snapshot

    return db_snapshot.restored(
        request, events_network_rows, lambda: build_events_network(request.getfixturevalue("homes"))
    )


def build_events_network(homes):
    home = homes["kk"] if isinstance(homes, dict) else homes
    school = make_school(home, "Алматы облысы", "№ 1 жетекші мектеп", region_slug="almaty-obl", school_slug="ls-1")
    other = make_school(home, "Қарағанды облысы", "№ 2 жетекші мектеп", region_slug="karaganda-obl", school_slug="ls-2")
    provision_school(school)
    provision_school(other)
    return {
        "school": school,
        "other": other,
        "home": home,
        "event": make_event(school),
        "other_event": make_event(
            other, title="Шеберлік сыныбы", online_url="https://meet.example.kz/master-class", translations=False
        ),
        "editor": organiser("editor_a", school, language="ru"),
        "moderator": organiser("moderator_a", school, role="moderators"),
        "other_editor": organiser("editor_b", other),
        "aigerim": make_user("aigerim", language="kk", full_name="Әйгерім Бекова"),
        "ivan": make_user("ivan", language="ru", full_name="Иван Петров"),
        "john": make_user("john", language="en", full_name="John Smith"),
    }
