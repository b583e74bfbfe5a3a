"""Monitoring: each indicator against a count written here by hand on a small fixture network, each scope refused
to the others, the reports' filters and exports, the dashboard panels and the public page."""

import csv
import datetime
import io

import pytest
from django.utils import timezone, translation
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from monitoring import figures
from monitoring.models import MonitoringRole, SchoolFigures
from monitoring.periods import Period
from monitoring.scopes import NETWORK, Scope
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
from workflows.models import DisseminationEvent, ReviewerRole, Submission
from workflows.testing import complete_draft, make_home, make_school, make_user, reviewer, teacher

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


@pytest.fixture(autouse=True)
def frozen_period(monkeypatch):
    """The current academic year is 2025–2026 whatever the machine's date, so that the fixture's dates stay in it."""
    monkeypatch.setattr(Period, "current", classmethod(lambda cls, today=None: PERIOD))


def event(index, title, start, kind="seminar", live=True, cancelled=False):
    page = EventPage(title=title, kind=kind, start=start, end=start + datetime.timedelta(hours=2), venue="Hall",
                     is_cancelled=cancelled, live=live)
    index.add_child(instance=page)
    return page


def post(index, title, date):
    page = BlogPostPage(title=title, date=date, live=True)
    index.add_child(instance=page)
    return page


def resource(portal, title, published, downloads=0, kind="lesson_plan", subject="mathematics", language="kk"):
    page = ResourcePage(title=title, kind=kind, subject=subject, language=language, live=True,
                        first_published_at=published)
    portal.add_child(instance=page)
    ResourcePage.objects.filter(pk=page.pk).update(download_count=downloads)
    return page


@pytest.fixture
def network(db, django_capture_on_commit_callbacks):
    """Two regions; school A (region 1) busy and over the ratio, school B (region 1) quiet, school C (region 2)
    with nothing at all in the period."""
    from home.demo import load_home

    with django_capture_on_commit_callbacks(execute=True):
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
    return {"home": home, "a": a, "b": b, "c": c, "author": author, "head_a": head_a, "council": council,
            "events_a": events_a, "portal_b": portal_b}


def submit(network, title):
    submission = complete_draft(network["author"], title=title)
    services.submit(submission, network["author"])
    return Submission.objects.get(pk=submission.pk)


def decide(submission, user, decision, **kwargs):
    task = Task.objects.get(process_id=submission.pk, status__in=[STATUS.NEW, STATUS.ASSIGNED])
    return services.decide(task.pk, user, decision, **kwargs)


@pytest.fixture
def reviewed(network, django_capture_on_commit_callbacks):
    """Three submissions of school A in the period: one waiting at the school (overdue), one at the regional
    council after 2 days at the school, one approved with its coverage reached."""
    waiting = submit(network, "Waiting")
    Submission.objects.filter(pk=waiting.pk).update(stage_due=timezone.now() - datetime.timedelta(days=1),
                                                    submitted_at=at(2025, 10, 1))
    forwarded = submit(network, "Forwarded")
    decide(forwarded, network["head_a"], rules.Decision.ENDORSE)
    Submission.objects.filter(pk=forwarded.pk).update(submitted_at=at(2025, 10, 2))
    approved = submit(network, "Approved")
    with django_capture_on_commit_callbacks(execute=True):
        decide(approved, network["head_a"], rules.Decision.ENDORSE)
        decide(Submission.objects.get(pk=approved.pk), network["council"], rules.Decision.APPROVE,
               protocol_number="7", protocol_date=datetime.date(2025, 11, 1))
    Submission.objects.filter(pk=approved.pk).update(submitted_at=at(2025, 10, 3), decided_at=at(2025, 11, 1))
    # The school stage of "forwarded" took two days, of "approved" four; the regional stage of "approved" one.
    school_tasks = Task.objects.filter(process_id__in=[forwarded.pk, approved.pk], flow_task__endswith="school_review")
    for task, days in zip(school_tasks.order_by("process_id"), (2, 4), strict=False):
        Task.objects.filter(pk=task.pk).update(created=at(2025, 10, 1), finished=at(2025, 10, 1 + days))
    Task.objects.filter(process_id=approved.pk, flow_task__endswith="regional_review").update(
        created=at(2025, 10, 10), finished=at(2025, 10, 11))
    # Required coverage of a regional level is 3 districts; 3 distinct ones recorded (one twice, in other case).
    for district in ("Almaty", "Talgar", "almaty ", "Kaskelen"):
        DisseminationEvent.objects.create(submission=approved, date=datetime.date(2025, 12, 1), place="School",
                                          district=district)
    return {"waiting": waiting, "forwarded": forwarded, "approved": approved}


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


def test_a_publication_recounts_its_school(network, django_capture_on_commit_callbacks):
    figures.refresh(PERIOD)
    assert figures.read(PERIOD, Scope(school_id=network["a"].pk))["events"] == 3
    with django_capture_on_commit_callbacks(execute=True):
        page = EventPage(title="New seminar", kind="seminar", start=at(2025, 12, 1), end=at(2025, 12, 2),
                         venue="Hall", live=False)
        network["events_a"].add_child(instance=page)
        page.save_revision().publish()
    assert figures.read(PERIOD, Scope(school_id=network["a"].pk))["events"] == 4


# Who sees what.

def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def people(network):
    a, b = network["a"], network["b"]
    trainer = make_user("trainer-almaty", language="en")
    MonitoringRole.objects.create(user=trainer, role=MonitoringRole.Role.TRAINER, region=a.region)
    centre = make_user("centre", language="en")
    MonitoringRole.objects.create(user=centre, role=MonitoringRole.Role.CENTRE)
    editor = make_user("editor-b", language="en")
    editor.groups.add(provision_school(b).editors)
    return {"trainer": trainer, "centre": centre, "editor_b": editor, "head_a": network["head_a"],
            "teacher": network["author"], "council": network["council"]}


def overview(client, **params):
    return client.get("/admin/monitoring/", {"period": 2025, **params})


def answer(response):
    """200, or "refused": Wagtail's admin answers a PermissionDenied by sending the user to the dashboard with a
    message (as the review's views do), and a user with no admin access at all (a teacher) to its sign-in page."""
    if response.status_code == 302 and (response.url == "/admin/" or response.url.startswith("/admin/login/")):
        return "refused"
    return response.status_code


@pytest.mark.parametrize("who, params, status", [
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
])
def test_each_scope_is_refused_to_the_others(client, network, people, who, params, status):
    resolved = {name: (network[value].region_id if name == "region" else network[value].pk)
                for name, value in params.items()}
    login(client, people[who])
    assert answer(overview(client, **resolved)) == status
    for report in ("schools", "submissions", "teachers"):
        assert answer(client.get(f"/admin/monitoring/{report}/", {"period": 2025, **resolved})) == status
        assert answer(client.get(f"/admin/monitoring/{report}/", {"period": 2025, "export": "csv", **resolved})) == (
            status)


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
        "School B", "School C"]
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
        "application/vnd.openxmlformats-officedocument.spreadsheetml")


def test_submissions_report_lists_what_the_figures_count(client, network, people, reviewed):
    login(client, people["head_a"])
    listed = lambda **params: sorted(  # noqa: E731
        s.title for s in client.get("/admin/monitoring/submissions/", {"period": 2025, **params}).context[
            "object_list"])
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
