"""Monitoring: each indicator against a count written here by hand on a small fixture network, each scope refused
to the others, the reports' filters and exports, the dashboard panels and the public page."""

import csv
import datetime
import io

import pytest
from django.test import TestCase
from django.utils import timezone, translation
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from home.factories import make_home
from monitoring import figures
from monitoring.models import MonitoringRole, SchoolFigures
from monitoring.periods import Period
from monitoring.scopes import NETWORK, Scope
from network.factories import make_school
from network.models import (
    BlogIndexPage,
    BlogPostPage,
    CreativeGroup,
    EventIndexPage,
    EventPage,
    PartnerSchool,
    ResourcePage,
    ResourcePortalPage,
)
from network.provisioning import provision_school
from workflows import rules, services
from workflows.factories import complete_draft, make_user, reviewer, teacher
from workflows.models import DisseminationEvent, ReviewerRole, Submission

Role = ReviewerRole.Role
PERIOD = Period.academic_year(2025)  # 1 Sep 2025 – 31 Aug 2026
TZ = datetime.timezone(datetime.timedelta(hours=5))


def at(year, month, day):
    return datetime.datetime(year, month, day, 10, 0, tzinfo=TZ)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.WORKFLOWS_PRIVATE_ROOT = tmp_path / "private"
    settings.SENDFILE_ROOT = str(settings.WORKFLOWS_PRIVATE_ROOT)  # where django-sendfile2 may read
    return settings.WORKFLOWS_PRIVATE_ROOT


@pytest.fixture(autouse=True)
def frozen_period(monkeypatch):
    """The current academic year is 2025–2026 whatever the machine's date, so that the fixture's dates stay in it."""
    monkeypatch.setattr(Period, "current", classmethod(lambda cls, today=None: PERIOD))


def event(index, title, start, kind="seminar", live=True, cancelled=False):
    page = EventPage(
        title=title,
        kind=kind,
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue="Hall",
        is_cancelled=cancelled,
        live=live,
    )
    index.add_child(instance=page)
    return page


def post(index, title, date):
    page = BlogPostPage(title=title, date=date, live=True)
    index.add_child(instance=page)
    return page


def resource(portal, title, published, downloads=0, kind="lesson_plan", subject="mathematics", language="kk"):
    page = ResourcePage(
        title=title, kind=kind, subject=subject, language=language, live=True, first_published_at=published
    )
    portal.add_child(instance=page)
    ResourcePage.objects.filter(pk=page.pk).update(download_count=downloads)
    return page


def build_network():
    """Two regions; school A (region 1) busy and over the ratio, school B (region 1) quiet, school C (region 2)
    with nothing at all in the period."""
    from demo.home import load_home

    with TestCase.captureOnCommitCallbacks(execute=True):
        load_home()  # the kk home as the site's root, with its ru and en translations
    home = make_home()
    a = make_school(home, "Almaty region", "School A", region_slug="almaty", school_slug="school-a")
    b = make_school(home, "Almaty region", "School B", region_slug="almaty", school_slug="school-b")
    c = make_school(home, "Karaganda region", "School C", region_slug="karaganda", school_slug="school-c")
    for n in range(10):  # A: 11 partners, over the ratio; B and C: 1 each, under it
        PartnerSchool.objects.create(leading_school=a, name=f"Partner {n}", locality="Almaty")
    CreativeGroup.objects.create(school=a, name="Maths", kind="subject", members="Aida\nBerik\n\nDana\n")
    CreativeGroup.objects.create(school=a, name="Lesson Study", kind="research", members="Erlan\nGulnar")
    CreativeGroup.objects.create(school=b, name="Primary", kind="primary", members="")

    events_a = a.add_child(instance=EventIndexPage(title="Events", slug="events", live=True))
    blog_a = a.add_child(instance=BlogIndexPage(title="Blog", slug="blog", live=True))
    blog_b = b.add_child(instance=BlogIndexPage(title="Blog", slug="blog", live=True))
    portal_b = ResourcePortalPage.objects.child_of(b).get()
    event(events_a, "Seminar in September", at(2025, 9, 20))
    event(events_a, "Master class in October", at(2025, 10, 5), kind="master_class")
    event(events_a, "Another seminar in October", at(2025, 10, 25))
    event(events_a, "Cancelled", at(2025, 11, 5), cancelled=True)  # not held
    event(events_a, "Draft", at(2025, 11, 6), live=False)  # not published
    event(events_a, "Last year", at(2025, 3, 1))  # the previous period
    post(blog_a, "Post one", datetime.date(2025, 9, 2))
    post(blog_a, "Post two", datetime.date(2026, 8, 31))
    post(blog_b, "Post of last year", datetime.date(2024, 12, 1))
    resource(portal_b, "Plan", at(2025, 12, 1), downloads=5)
    resource(portal_b, "Video", at(2026, 1, 10), downloads=2, kind="video_lesson", subject="physics", language="ru")
    resource(portal_b, "Old plan", at(2024, 10, 1), downloads=40)

    author = teacher("aigerim", a, full_name="Aigerim Bekova")
    teacher("bolat", a, full_name="Bolat Nurlanov")
    teacher("saule", b, full_name="Saule Omarova")
    head_a = reviewer("head-a", Role.SCHOOL_HEAD, school=a)
    council = reviewer("council-almaty", Role.REGIONAL_COUNCIL, region=a.region)
    return {
        "home": home,
        "a": a,
        "b": b,
        "c": c,
        "author": author,
        "head_a": head_a,
        "council": council,
        "events_a": events_a,
        "portal_b": portal_b,
    }


def submit(network, title):
    submission = complete_draft(network["author"], title=title)
    services.submit(submission, network["author"])
    return Submission.objects.get(pk=submission.pk)


def decide(submission, user, decision, **kwargs):
    task = Task.objects.get(process_id=submission.pk, status__in=[STATUS.NEW, STATUS.ASSIGNED])
    return services.decide(task.pk, user, decision, **kwargs)


def add_reviewed(network):
    """Three submissions of school A in the period: one waiting at the school (overdue), one at the regional
    council after 2 days at the school, one approved with its coverage reached."""
    waiting = submit(network, "Waiting")
    Submission.objects.filter(pk=waiting.pk).update(
        stage_due=timezone.now() - datetime.timedelta(days=1), submitted_at=at(2025, 10, 1)
    )
    forwarded = submit(network, "Forwarded")
    decide(forwarded, network["head_a"], rules.Decision.ENDORSE)
    Submission.objects.filter(pk=forwarded.pk).update(submitted_at=at(2025, 10, 2))
    approved = submit(network, "Approved")
    with TestCase.captureOnCommitCallbacks(execute=True):
        decide(approved, network["head_a"], rules.Decision.ENDORSE)
        decide(
            Submission.objects.get(pk=approved.pk),
            network["council"],
            rules.Decision.APPROVE,
            protocol_number="7",
            protocol_date=datetime.date(2025, 11, 1),
        )
    Submission.objects.filter(pk=approved.pk).update(submitted_at=at(2025, 10, 3), decided_at=at(2025, 11, 1))
    # The school stage of "forwarded" took two days, of "approved" four; the regional stage of "approved" one.
    school_tasks = Task.objects.filter(process_id__in=[forwarded.pk, approved.pk], flow_task__endswith="school_review")
    for task, days in zip(school_tasks.order_by("process_id"), (2, 4), strict=False):
        Task.objects.filter(pk=task.pk).update(created=at(2025, 10, 1), finished=at(2025, 10, 1 + days))
    Task.objects.filter(process_id=approved.pk, flow_task__endswith="regional_review").update(
        created=at(2025, 10, 10), finished=at(2025, 10, 11)
    )
    # Required coverage of a regional level is 3 districts; 3 distinct ones recorded (one twice, in other case).
    for district in ("Almaty", "Talgar", "almaty ", "Kaskelen"):
        DisseminationEvent.objects.create(
            submission=approved, date=datetime.date(2025, 12, 1), place="School", district=district
        )
    return {"waiting": waiting, "forwarded": forwarded, "approved": approved}


LAYERS = ("people", "reviewed", "registrations")  # what a test may ask for on top of the network


def add_layers(network, layers):
    """`layers` added on the network, in that order: {layer: what its builder returned}."""
    add = {"people": add_people, "reviewed": add_reviewed, "registrations": add_registrations}
    return {layer: add[layer](network) for layer in layers}


@pytest.fixture
def world(request, db, monitoring_worlds, private_root):
    """The network with the layers this test asks for (`people`, `reviewed`, `registrations`, in the order it lists
    them), restored from the rows written once per test process (conftest.py's `Worlds`): the same rows, and the
    same files, as the fixtures building them for each test."""
    layers = tuple(name for name in request.node.fixturenames if name in LAYERS)
    return monitoring_worlds.restored(layers, private_root, build_network, add_layers)


@pytest.fixture
def network(world):
    return world["network"]


@pytest.fixture
def reviewed(world):
    """Three submissions of school A in the period (`add_reviewed`)."""
    return world["reviewed"]


@pytest.fixture
def people(world):
    """A trainer of school A's region, the centre, school B's editor and the network's reviewers (`add_people`)."""
    return world["people"]


@pytest.fixture
def registrations(world):
    """Registrations and attendance at school A's events (`add_registrations`)."""
    return world["registrations"]


# Each indicator against a count written by hand.


def test_indicators_of_each_school_region_and_the_network(network, reviewed):
    a, b, c = network["a"], network["b"], network["c"]
    figures.refresh(PERIOD)
    school_a = figures.read(PERIOD, Scope(school_id=a.pk))
    assert school_a["partners"] == 11 and school_a["partners_over"] == 1 and school_a["partners_under"] == 0
    assert school_a["groups"] == 2 and school_a["group_members"] == 5
    assert school_a["groups:kind:subject"] == 1 and school_a["groups:kind:research"] == 1
    assert school_a["events"] == 3  # not the cancelled, the unpublished or last year's
    assert school_a["events:kind:seminar"] == 2 and school_a["events:kind:master_class"] == 1
    assert school_a["events:month:2025-09"] == 1 and school_a["events:month:2025-10"] == 2
    assert school_a["posts"] == 2 and school_a["posts:language:kk"] == 2
    assert school_a["teachers"] == 2
    assert school_a["submissions"] == 3
    assert school_a["submissions:outcome:in_review"] == 2 and school_a["submissions:outcome:approved"] == 1
    assert school_a["submissions:stage:school"] == 1 and school_a["submissions:stage:regional"] == 1
    assert school_a["submissions:category:teacher_researcher"] == 3
    assert school_a["overdue"] == 1 and school_a["overdue:stage:school"] == 1
    assert school_a["review_tasks:stage:school"] == 2 and school_a["review_days:stage:school"] == 6
    assert school_a["review_tasks:stage:regional"] == 1 and school_a["review_days:stage:regional"] == 1
    assert school_a["approved"] == 1 and school_a["approved:level:region"] == 1
    assert school_a["coverage_reached"] == 1

    school_b = figures.read(PERIOD, Scope(school_id=b.pk))
    assert school_b["partners"] == 1 and school_b["partners_under"] == 1
    assert school_b["groups"] == 1 and school_b["group_members"] == 0
    assert school_b["resources"] == 2 and school_b["downloads"] == 7
    assert school_b["resources:kind:video_lesson"] == 1 and school_b["resources:subject:physics"] == 1
    assert school_b["resources:language:ru"] == 1 and school_b["resources:language:kk"] == 1
    assert school_b["events"] == 0 and school_b["teachers"] == 1

    region = figures.read(PERIOD, Scope(region_id=a.region_id))
    assert region["partners"] == 12 and region["events"] == 3 and region["resources"] == 2
    assert region["partners_over"] == 1 and region["partners_under"] == 1
    assert region.thin_schools() == []

    network_figures = figures.read(PERIOD, NETWORK)
    assert network_figures.school_count == 3 and network_figures["partners"] == 13
    assert network_figures["partners_under"] == 2 and network_figures["teachers"] == 3
    assert network_figures.thin_schools() == [c.pk]
    assert network_figures.thin_regions() == [c.region_id]

    before = figures.read(PERIOD.previous, NETWORK)
    assert before["events"] == 1 and before["posts"] == 1 and before["resources"] == 1 and before["downloads"] == 40
    assert before["submissions"] == 0 and before.thin_schools() == [c.pk]


def test_a_translation_counts_once_for_its_school(network, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    seminar = EventPage.objects.get(title="Seminar in September")
    with django_capture_on_commit_callbacks(execute=True):
        ru = Locale.objects.get(language_code="ru")
        translated = seminar.copy_for_translation(ru, copy_parents=True)
        translated.save_revision().publish()
    assert EventPage.objects.filter(translation_key=seminar.translation_key).count() == 2
    figures.refresh(PERIOD)
    school_a = figures.read(PERIOD, Scope(school_id=network["a"].pk))
    assert school_a["events"] == 3
    assert SchoolFigures.objects.filter(period_start=PERIOD.start).count() == 3  # the ru school is not a 4th


def test_the_stored_figures_name_their_school_or_area_and_year(network):
    from monitoring.models import AreaFigures, FiguresRefresh

    figures.refresh(PERIOD)
    assert str(SchoolFigures.objects.get(period_start=PERIOD.start, school=network["a"])) == "School A, 2025–2026"
    areas = {str(row) for row in AreaFigures.objects.filter(period_start=PERIOD.start)}
    assert areas == {"The whole network, 2025–2026", "Almaty region, 2025–2026", "Karaganda region, 2025–2026"}
    refresh = FiguresRefresh.objects.get(period_start=PERIOD.start)
    assert str(refresh) == f"2025–2026: {refresh.computed_at:%Y-%m-%d %H:%M}"


def test_a_publication_recounts_its_school(network, django_capture_on_commit_callbacks):
    figures.refresh(PERIOD)
    assert figures.read(PERIOD, Scope(school_id=network["a"].pk))["events"] == 3
    with django_capture_on_commit_callbacks(execute=True):
        page = EventPage(
            title="New seminar", kind="seminar", start=at(2025, 12, 1), end=at(2025, 12, 2), venue="Hall", live=False
        )
        network["events_a"].add_child(instance=page)
        page.save_revision().publish()
    assert figures.read(PERIOD, Scope(school_id=network["a"].pk))["events"] == 4


# Who sees what.


def login(client, user):
    client.force_login(user)
    return client


def add_people(network):
    a, b = network["a"], network["b"]
    trainer = make_user("trainer-almaty", language="en")
    MonitoringRole.objects.create(user=trainer, role=MonitoringRole.Role.TRAINER, region=a.region)
    centre = make_user("centre", language="en")
    MonitoringRole.objects.create(user=centre, role=MonitoringRole.Role.CENTRE)
    editor = make_user("editor-b", language="en")
    editor.groups.add(provision_school(b).editors)
    return {
        "trainer": trainer,
        "centre": centre,
        "editor_b": editor,
        "head_a": network["head_a"],
        "teacher": network["author"],
        "council": network["council"],
    }


def overview(client, **params):
    return client.get("/admin/monitoring/", {"period": 2025, **params})


def answer(response):
    """200, or "refused": Wagtail's admin answers a PermissionDenied by sending the user to the dashboard with a
    message (as the review's views do), and a user with no admin access at all (a teacher) to its sign-in page."""
    if response.status_code == 302 and (response.url == "/admin/" or response.url.startswith("/admin/login/")):
        return "refused"
    return response.status_code


@pytest.mark.parametrize(
    "who, params, status",
    [
        ("centre", {}, 200),
        ("centre", {"region": "a"}, 200),
        ("centre", {"school": "c"}, 200),
        ("trainer", {}, 200),  # their region
        ("trainer", {"region": "a"}, 200),
        ("trainer", {"school": "b"}, 200),
        ("trainer", {"region": "c"}, "refused"),
        ("trainer", {"school": "c"}, "refused"),
        ("head_a", {}, 200),
        ("head_a", {"school": "a"}, 200),
        ("head_a", {"school": "b"}, "refused"),
        ("head_a", {"region": "a"}, "refused"),
        ("editor_b", {"school": "b"}, 200),
        ("editor_b", {"school": "a"}, "refused"),
        ("editor_b", {"region": "b"}, "refused"),
        ("teacher", {}, "refused"),
        ("council", {}, "refused"),  # a regional council member reviews; watching the region is the trainer's role
    ],
)
def test_each_scope_is_refused_to_the_others(client, network, people, who, params, status):
    resolved = {
        name: (network[value].region_id if name == "region" else network[value].pk) for name, value in params.items()
    }
    login(client, people[who])
    assert answer(overview(client, **resolved)) == status
    for report in ("schools", "submissions", "teachers"):
        assert answer(client.get(f"/admin/monitoring/{report}/", {"period": 2025, **resolved})) == status
        assert answer(client.get(f"/admin/monitoring/{report}/", {"period": 2025, "export": "csv", **resolved})) == (
            status
        )


def test_the_default_scope_of_each_role(client, network, people):
    assert b"The whole network" in overview(login(client, people["centre"])).content
    assert "Almaty region" in overview(login(client, people["trainer"])).content.decode()
    response = overview(login(client, people["head_a"]))
    assert response.context["scope"] == Scope(school_id=network["a"].pk)


def test_anonymous_visitors_are_sent_to_sign_in(client, network):
    response = overview(client)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_trainer_role_needs_its_region_and_the_centre_none(network):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        MonitoringRole(user=make_user("x"), role=MonitoringRole.Role.TRAINER).full_clean()
    with pytest.raises(ValidationError):
        MonitoringRole(user=make_user("y"), role=MonitoringRole.Role.CENTRE, region=network["a"].region).full_clean()


# What the reports show.


def test_overview_shows_figures_with_previous_period_and_links(client, network, people, reviewed):
    response = overview(login(client, people["centre"]))
    summary = {row.slug: row for row in response.context["summary"]}
    assert (summary["events"].current, summary["events"].previous) == (3, 1)
    assert summary["partners_over"].current == 1 and summary["partners_over"].previous is None
    assert summary["overdue"].current == 1 and "overdue=1" in summary["overdue"].url
    assert summary["thin"].current == 1 and "thin=1" in summary["thin"].url
    content = response.content.decode()
    assert "<svg" in content and 'class="mon-table' in content
    assert summary["partners_over"].url in content.replace("&amp;", "&")
    regions = {row["name"]: row for row in response.context["comparison"]}
    assert regions["Karaganda region"]["thin"] and not regions["Almaty region"]["thin"]


def test_schools_report_filters_and_lists(client, network, people, reviewed):
    login(client, people["centre"])
    titles = lambda response: [school.title for school in response.context["object_list"]]  # noqa: E731
    assert titles(client.get("/admin/monitoring/schools/", {"period": 2025, "norm": "over"})) == ["School A"]
    assert titles(client.get("/admin/monitoring/schools/", {"period": 2025, "norm": "under"})) == [
        "School B",
        "School C",
    ]
    assert titles(client.get("/admin/monitoring/schools/", {"period": 2025, "thin": "1"})) == ["School C"]
    login(client, people["trainer"])
    assert titles(client.get("/admin/monitoring/schools/", {"period": 2025})) == ["School A", "School B"]


def test_schools_report_exports_csv_and_xlsx(client, network, people, reviewed):
    login(client, people["trainer"])
    response = client.get("/admin/monitoring/schools/", {"period": 2025, "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Leading School", "Region", "Partner schools"]
    assert [row[0] for row in rows[1:]] == ["School A", "School B"]
    events_column = rows[0].index("Events held")
    assert [row[events_column] for row in rows[1:]] == ["3", "0"]
    response = client.get("/admin/monitoring/schools/", {"period": 2025, "export": "xlsx"})
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    import openpyxl  # the workbook opens in a spreadsheet reader: numbers as numbers, the same rows as the CSV

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert cells[0][:3] == ["Leading School", "Region", "Partner schools"]
    assert [(row[0], row[events_column]) for row in cells[1:]] == [("School A", 3), ("School B", 0)]


def test_submissions_report_lists_what_the_figures_count(client, network, people, reviewed):
    login(client, people["head_a"])
    listed = lambda **params: sorted(  # noqa: E731
        s.title for s in client.get("/admin/monitoring/submissions/", {"period": 2025, **params}).context["object_list"]
    )
    assert listed() == ["Approved", "Forwarded", "Waiting"]
    assert listed(overdue="1") == ["Waiting"]
    assert listed(state="approved") == ["Approved"]
    assert listed(stage="regional") == ["Forwarded"]
    content = client.get("/admin/monitoring/submissions/", {"period": 2025}).content.decode()
    assert "Aigerim" not in content  # no author named in a monitoring list
    login(client, people["editor_b"])
    assert listed() == []


def test_teachers_report_lists_the_affiliated(client, network, people):
    login(client, people["trainer"])
    response = client.get("/admin/monitoring/teachers/", {"period": 2025})
    assert sorted(m.user.username for m in response.context["object_list"]) == ["aigerim", "bolat", "saule"]
    response = client.get("/admin/monitoring/teachers/", {"period": 2025, "school": network["b"].pk})
    assert [m.user.username for m in response.context["object_list"]] == ["saule"]


def test_dashboard_panel_per_role(client, network, people, reviewed):
    content = login(client, people["head_a"]).get("/admin/").content.decode()
    assert "monitoring-panel-title" in content and "School A" in content
    content = login(client, people["trainer"]).get("/admin/").content.decode()
    assert "monitoring-panel-title" in content and "Almaty region" in content
    content = login(client, people["teacher"]).get("/admin/").content.decode()
    assert "monitoring-panel-title" not in content


# The public page.


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_public_page_in_each_language_names_nobody(client, network, reviewed, language):
    response = client.get(f"/{language}/network-in-numbers/", {"period": 2025})
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{language}">' in content
    for name in ("Aigerim", "Bolat", "Saule", "Aida", "Berik"):
        assert name not in content
    summary = {row.slug: row for row in response.context["summary"]}
    assert (summary["events"].current, summary["events"].previous) == (3, 1)
    assert "<svg" in content and response.context["computed_at"] is not None
    regions = {row["name"]: row["url"] for row in response.context["comparison"]}
    # Each region leads to its page in the visitor's language; the fixture's regions exist in Kazakh only.
    assert regions["Almaty region"] == ("/kk/almaty/" if language == "kk" else "")


def test_public_page_is_linked_from_the_footer_and_home(client, homes):
    content = client.get("/kk/").content.decode()
    assert content.count('href="/kk/network-in-numbers/"') >= 2


def test_an_unknown_period_falls_back_to_the_current_one(client, network):
    response = client.get("/en/network-in-numbers/", {"period": "1900"})
    assert response.status_code == 200 and response.context["period"] == PERIOD


# Registrations and attendance.


def add_registrations(network):
    """Through the organisers' services: the September seminar has 3 seats taken (2 marked present by school A's
    editor), one teacher on its waiting list and one who cancelled; the October master class 2 seats, attendance
    never marked; the cancelled event 1 seat; last year's event 1 seat, present."""
    from attendance import services as desk_services

    events = {page.title: page for page in EventPage.objects.filter(school=network["a"])}
    users = [make_user(f"participant-{n}") for n in range(8)]
    organiser = make_user("organiser-a", language="en")
    organiser.groups.add(provision_school(network["a"]).editors)
    open_until = timezone.now() + datetime.timedelta(days=1)  # the deadline, not the past start, closes the desk

    def desk(title, **settings):
        return desk_services.open_desk(events[title], deadline=open_until, **settings)

    with TestCase.captureOnCommitCallbacks(execute=True):
        seminar = desk("Seminar in September", capacity=3)
        seats = [desk_services.register(seminar.pk, user) for user in users[:3]]
        leaving = desk_services.register(seminar.pk, users[3])
        assert leaving.status == "waiting"
        desk_services.register(seminar.pk, users[4])  # the waiting list, once the leaver has gone
        september = events["Seminar in September"]
        EventPage.objects.filter(pk=september.pk).update(end=open_until)  # a teacher cancels before it is over
        desk_services.cancel(leaving.pk, users[3])
        EventPage.objects.filter(pk=september.pk).update(end=september.end)
        desk_services.mark_attendance(seminar.pk, [seats[0].pk, seats[1].pk], by=organiser)
        master_class = desk("Master class in October")
        for user in users[5:7]:
            desk_services.register(master_class.pk, user)
        cancelled = events["Cancelled"]
        EventPage.objects.filter(pk=cancelled.pk).update(is_cancelled=False)
        desk_services.register(desk("Cancelled").pk, users[7])
        EventPage.objects.filter(pk=cancelled.pk).update(is_cancelled=True)
        last_year = desk("Last year")
        present = desk_services.register(last_year.pk, users[0])
        desk_services.mark_attendance(last_year.pk, [present.pk], by=organiser)
    events["organiser"] = organiser
    return events


def test_registrations_and_attendance_of_school_region_and_network(network, registrations):
    from attendance.models import Registration

    # Counted by hand from the fixture above; the database agrees that the waiting and cancelled exist.
    assert Registration.objects.filter(status="waiting").count() == 1
    assert Registration.objects.filter(status="cancelled").count() == 1
    figures.refresh(PERIOD)
    figures.refresh(PERIOD.previous)
    for scope in (Scope(school_id=network["a"].pk), Scope(region_id=network["a"].region_id), NETWORK):
        now = figures.read(PERIOD, scope)
        assert (now["registrations"], now["registrations_held"], now["registrations_marked"]) == (5, 5, 3)
        # The master class was never marked: its 2 teachers are neither present nor absent, but "not marked".
        assert (now["attended"], now["no_shows"], now["registrations_unmarked"], now["events_unmarked"]) == (2, 1, 2, 1)
        assert now["registrations:kind:seminar"] == 3 and now["attended:kind:seminar"] == 2
        assert now["no_shows:kind:seminar"] == 1 and now["no_shows:kind:master_class"] == 0
        assert now["registrations_unmarked:kind:master_class"] == 2 and now["events_unmarked:kind:master_class"] == 1
        assert now["registrations:month:2025-09"] == 3 and now["registrations:month:2025-10"] == 2
        assert now["attended:month:2025-09"] == 2 and now["no_shows:month:2025-10"] == 0
        assert now["events_unmarked:month:2025-10"] == 1 and now["events_unmarked:month:2025-09"] == 0
        before = figures.read(PERIOD.previous, scope)
        assert (before["registrations"], before["attended"], before["no_shows"]) == (1, 1, 0)
        assert (before["registrations_unmarked"], before["events_unmarked"]) == (0, 0)
    assert figures.read(PERIOD, Scope(school_id=network["b"].pk))["registrations"] == 0
    assert figures.read(PERIOD, Scope(region_id=network["c"].region_id))["registrations"] == 0


def test_overview_shows_the_attendance_rate_beside_the_year_before(client, network, people, registrations):
    response = overview(login(client, people["trainer"]))
    summary = {row.slug: row for row in response.context["summary"]}
    assert (summary["registrations"].current, summary["registrations"].previous) == (5, 1)
    assert (summary["attended"].current, summary["no_shows"].current) == (2, 1)
    assert (summary["events_unmarked"].current, summary["events_unmarked"].previous) == (1, 0)
    # 2 present of the 3 registered at marked events; the master class, never marked, is left out.
    assert (summary["attendance_rate"].current, summary["attendance_rate"].previous) == (66.7, 100.0)
    by_kind = {row.value: row for row in response.context["attendance_by_kind"]}
    assert (by_kind["seminar"].registrations, by_kind["seminar"].attended, by_kind["seminar"].rate) == (3, 2, 66.7)
    assert (by_kind["master_class"].no_shows, by_kind["master_class"].unmarked, by_kind["master_class"].rate) == (
        0,
        2,
        None,
    )
    by_month = [(row.registrations, row.attended, row.unmarked) for row in response.context["attendance_by_month"]]
    assert by_month == [(3, 2, 0), (2, 0, 2), (0, 0, 0)]  # September, October, and March of the year before
    content = response.content.decode()
    assert "Registrations and attendance by kind of event" in content and "66.7 %" in content
    assert "Attendance not marked" in content and "Events held whose attendance was not marked" in content


def events_listed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return {event.title: (event.registered, event.present, event.absent) for event in response.context["object_list"]}


def test_each_registration_figure_links_to_the_events_it_counts(client, network, people, registrations):
    response = overview(login(client, people["trainer"]))
    summary = {row.slug: row for row in response.context["summary"]}
    listed = events_listed(client, summary["registrations"].url)
    assert listed == {"Seminar in September": (3, 2, 1), "Master class in October": (2, None, None)}
    assert sum(registered for registered, _p, _a in listed.values()) == summary["registrations"].current
    assert set(events_listed(client, summary["attended"].url)) == {"Seminar in September"}
    assert set(events_listed(client, summary["no_shows"].url)) == {"Seminar in September"}
    assert set(events_listed(client, summary["events_unmarked"].url)) == {"Master class in October"}
    assert set(events_listed(client, summary["attendance_rate"].url)) == {"Seminar in September"}
    by_kind = {row.value: row for row in response.context["attendance_by_kind"]}
    assert set(events_listed(client, by_kind["master_class"].links["no_shows"])) == set()
    assert set(events_listed(client, by_kind["master_class"].links["unmarked"])) == {"Master class in October"}
    by_month = {row.label: row for row in response.context["attendance_by_month"]}
    september = next(row for label, row in by_month.items() if "2025" in label and row.registrations == 3)
    assert set(events_listed(client, september.links["registrations"])) == {"Seminar in September"}
    # The events held, of a kind and of a month, are the same list filtered.
    assert set(events_listed(client, summary["events"].url)) == {
        "Seminar in September",
        "Master class in October",
        "Another seminar in October",
    }
    charts = {chart.slug: chart for chart in response.context["charts"]}
    seminars = charts["events_by_kind"].rows[0]  # seminars come first, as in the regulation's list
    assert seminars.current == 2
    assert set(events_listed(client, seminars.url)) == {"Seminar in September", "Another seminar in October"}
    october = charts["events_by_month"].rows[1]
    assert october.current == 2 and set(events_listed(client, october.url)) == {
        "Master class in October",
        "Another seminar in October",
    }


def test_the_events_list_exports_its_counts(client, network, people, registrations):
    login(client, people["centre"])
    response = client.get("/admin/monitoring/events/", {"period": 2025, "registrations": "any", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][-4:] == ["Registrations for events", "Present", "Absent", "Attendance marked"]
    from attendance.models import RegistrationDesk

    # The day the world was built on (tests/db_snapshot.py may have built it before midnight), not today.
    marked_at = RegistrationDesk.objects.get(event__title="Seminar in September").attendance_marked_at
    marked_on = timezone.localdate(marked_at).isoformat()
    assert sorted((row[0], row[-4:]) for row in rows[1:]) == [
        ("Master class in October", ["2", "", "", "not marked"]),
        ("Seminar in September", ["3", "2", "1", marked_on]),
    ]


def links_of(response):
    import re

    return [
        url.replace("&amp;", "&") for url in re.findall(r'href="(/admin/monitoring/[^"]*)"', response.content.decode())
    ]


def test_every_link_of_a_trainers_overview_stays_in_their_region(client, network, people, registrations, reviewed):
    """Each figure's link opens for the trainer; the same link with another region's id is refused."""
    login(client, people["trainer"])
    urls = set(links_of(overview(client)))
    lists = [url for url in urls if url.split("?")[0] != "/admin/monitoring/"]
    assert {url.split("?")[0] for url in lists} >= {
        "/admin/monitoring/schools/",
        "/admin/monitoring/events/",
        "/admin/monitoring/submissions/",
        "/admin/monitoring/teachers/",
    }
    other_region = str(network["c"].region_id)
    for url in sorted(urls):
        assert client.get(url).status_code == 200, url
        path, _sep, query = url.partition("?")
        params = dict(pair.split("=", 1) for pair in query.split("&") if pair)
        params.pop("school", None)
        params["region"] = other_region
        assert answer(client.get(path, params)) == "refused", url
        params.pop("region")
        params["school"] = str(network["c"].pk)
        assert answer(client.get(path, params)) == "refused", url


def test_a_school_heads_links_stay_in_their_school(client, network, people, registrations):
    login(client, people["head_a"])
    urls = links_of(overview(client))
    assert any("/admin/monitoring/events/" in url for url in urls)
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert f"school={network['a'].pk}" in url or url.startswith("/admin/monitoring/?"), url
    assert answer(client.get("/admin/monitoring/events/", {"period": 2025, "school": network["b"].pk})) == "refused"
    assert answer(client.get("/admin/monitoring/events/", {"period": 2025, "region": network["a"].region_id})) == (
        "refused"
    )


def test_the_public_page_links_to_public_lists_only(client, network, registrations):
    from network.models import NetworkEventsPage

    network["home"].add_child(instance=NetworkEventsPage(title="Events", slug="network-events", live=True))
    response = client.get("/kk/network-in-numbers/", {"period": 2025})
    content = response.content.decode()
    assert "/admin/" not in content
    summary = {row.slug: row for row in response.context["summary"]}
    assert summary["registrations"].current == 5 and summary["registrations"].url == ""
    regions = {
        row["name"]: dict(
            zip(
                [name for name, _l in __import__("monitoring.report").report.COMPARISON_FIELDS],
                row["cells"],
                strict=True,
            )
        )
        for row in response.context["comparison"]
    }
    value, url = regions["Almaty region"]["events"]
    assert value == 3 and url.startswith("/kk/") and f"region={network['a'].region_id}" in url
    assert "registrations" in regions["Almaty region"] and regions["Almaty region"]["registrations"][1] == ""


def test_posts_resources_and_coverage_figures_link_to_what_they_count(client, network, people, reviewed):
    response = overview(login(client, people["centre"]))
    summary = {row.slug: row for row in response.context["summary"]}
    listed = lambda url: {page.title: page for page in client.get(url).context["object_list"]}  # noqa: E731
    assert set(listed(summary["posts"].url)) == {"Post one", "Post two"}  # not last year's
    resources = listed(summary["resources"].url)
    assert {title: page.downloads for title, page in resources.items()} == {"Plan": 5, "Video": 2}
    assert sum(page.downloads for page in resources.values()) == summary["downloads"].current
    charts = {chart.slug: chart for chart in response.context["charts"]}
    in_russian = next(row for row in charts["resources_by_language"].rows if row.current == 1 and "ru" in row.url)
    assert set(listed(in_russian.url)) == {"Video"}
    physics = next(row for row in charts["resources_by_subject"].rows if "physics" in row.url)
    assert set(listed(physics.url)) == {"Video"}
    assert [s.title for s in listed(summary["coverage_reached"].url).values()] == ["Approved"]
    assert summary["coverage_reached"].current == 1
    login(client, people["editor_b"])  # school B's editor: B's resources only, A's posts are not theirs
    assert set(listed(f"/admin/monitoring/resources/?period=2025&school={network['b'].pk}")) == {"Plan", "Video"}
    assert answer(client.get("/admin/monitoring/posts/", {"period": 2025, "school": network["a"].pk})) == "refused"


def test_only_an_organiser_marks_attendance_and_the_figures_follow(client, network, people, registrations):
    """Marking the master class through the organiser's page moves its 2 teachers from "not marked" to present and
    absent; school B's editor, a teacher and the trainer are refused, and nothing changes."""
    from django.core.exceptions import PermissionDenied

    from attendance import services as desk_services
    from attendance.models import Registration, RegistrationDesk

    master_class = registrations["Master class in October"]
    desk = RegistrationDesk.objects.get(event_key=master_class.translation_key)
    seats = list(Registration.objects.filter(desk=desk, status="confirmed").order_by("pk").values_list("pk", flat=True))
    assert desk.attendance_marked_at is None and len(seats) == 2
    url = f"/admin/event-registrations/event/{master_class.pk}/attendance/"
    for who in ("editor_b", "teacher", "trainer"):
        with pytest.raises(PermissionDenied):
            desk_services.mark_attendance(desk.pk, seats, by=people[who])
        assert answer(login(client, people[who]).post(url, {"present": seats})) in ("refused", 403)
    desk.refresh_from_db()
    assert desk.attendance_marked_at is None and not Registration.objects.filter(desk=desk, attended=True).exists()
    page = login(client, registrations["organiser"]).get(f"/admin/event-registrations/event/{master_class.pk}/")
    assert "Attendance not marked yet." in page.content.decode()

    response = client.post(url, {"present": [seats[0]]})
    assert response.status_code == 302
    desk.refresh_from_db()
    assert desk.attendance_marked_by == registrations["organiser"] and desk.attendance_marked_at is not None
    assert "Attendance marked on" in client.get(response.url).content.decode()
    figures.refresh(PERIOD)
    now = figures.read(PERIOD, NETWORK)
    assert (now["registrations_marked"], now["attended"], now["no_shows"]) == (5, 3, 2)
    assert (now["registrations_unmarked"], now["events_unmarked"]) == (0, 0)
    assert (now["attended:kind:master_class"], now["no_shows:kind:master_class"]) == (1, 1)
    # Marking everyone absent is marking too: the event is no longer "not marked".
    desk_services.mark_attendance(desk.pk, [], by=registrations["organiser"])
    figures.refresh(PERIOD)
    now = figures.read(PERIOD, NETWORK)
    assert (now["attended"], now["no_shows"], now["events_unmarked"]) == (2, 3, 0)


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_page_lists_export_what_their_pages_say_in_the_admins_language(client, network, people, export):
    """The posts, events and resources exports (read as plain rows, not pages) against the pages themselves: titles,
    school, region and the choice fields' labels in the reader's language (Russian here)."""
    from openpyxl import load_workbook

    people["centre"].wagtail_userprofile.preferred_language = "ru"
    people["centre"].wagtail_userprofile.save()
    login(client, people["centre"])

    def exported(report):
        response = client.get(f"/admin/monitoring/{report}/", {"period": 2025, "export": export})
        if export == "csv":
            return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))[1:]
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        return [
            ["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(min_row=2, values_only=True)
        ]

    def expected(pages, *fields):
        with translation.override("ru"):
            return sorted(
                [page.title, page.school.title, page.region.title, *(str(getattr(page, f)()) for f in fields)]
                for page in pages
            )

    held = ["Seminar in September", "Master class in October", "Another seminar in October"]
    assert sorted(row[:4] for row in exported("events")) == expected(
        EventPage.objects.filter(title__in=held), "get_kind_display"
    )
    assert "мастер-класс" in {row[3] for row in exported("events")}  # a label, in the reader's language
    resources = ResourcePage.objects.filter(title__in=["Plan", "Video"])
    assert sorted(row[:6] for row in exported("resources")) == expected(
        resources, "get_kind_display", "get_subject_display", "get_language_display"
    )
    assert sorted(row[:3] for row in exported("posts")) == expected(
        BlogPostPage.objects.filter(title__in=["Post one", "Post two"])
    )
