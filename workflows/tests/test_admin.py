"""The review in the Wagtail admin: inbox, task page, decisions, files, teachers' pages, scoping and query counts."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from viewflow.workflow.models import Task

from tests.pdf_support import pdf_text
from workflows import rules, services
from workflows.factories import complete_draft, teacher
from workflows.models import ApprovedExperiencePage, Submission, SubmissionFile
from workflows.tests.test_flow import decide, network, open_task, private_root, reload, submitted  # noqa: F401

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers a PermissionDenied by sending the user to the dashboard with a message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def login(client, user, language="en"):
    """Sign in as a reviewer or teacher whose admin language is `language`."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def test_reviews_menu_and_inbox_show_only_tasks_in_scope(client, network):
    mine = submitted(network, title="Ours")
    other_teacher = teacher("bolat", network["other"])
    theirs = complete_draft(other_teacher, title="Theirs")
    services.submit(theirs, other_teacher)
    response = login(client, network["head"]).get(reverse("workflows:inbox"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ours" in content and "Theirs" not in content
    assert reverse("workflows:inbox") in client.get(reverse("wagtailadmin_home")).content.decode()
    # The other school's head sees the other submission only.
    content = login(client, network["other_head"]).get(reverse("workflows:inbox")).content.decode()
    assert "Theirs" in content and "Ours" not in content
    # A council sees nothing before the school has endorsed.
    content = login(client, network["regional"]).get(reverse("workflows:inbox")).content.decode()
    assert "Ours" not in content
    assert mine.pk


def test_teacher_has_no_admin_at_all(client, network):
    response = login(client, network["author"]).get(reverse("workflows:inbox"))
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))


def test_task_page_decision_and_refusals(client, network):
    submission = submitted(network)
    task = open_task(submission)
    url = reverse("workflows:task", args=[task.pk])
    # Out of scope: refused, and the decision form is not even reachable.
    for outsider in ("other_head", "regional", "association", "republican", "other_regional"):
        assert refused(login(client, network[outsider]).get(url))
        assert refused(client.post(url, {"decision": "endorse"}))
    assert reload(submission).stage == "school"
    response = login(client, network["head"]).get(url)
    assert response.status_code == 200 and 'name="decision"' in response.content.decode()
    response = client.post(url, {"decision": "return", "comment": ""})
    assert response.status_code == 200  # the reason is required: the form comes back with the error
    assert reload(submission).state == "in_review"
    response = client.post(url, {"decision": "endorse", "comment": "Signed."})
    assert response.status_code == 302
    assert reload(submission).stage == "regional"
    # Deciding again: the task is done, the reviewer is told so.
    response = client.post(url, {"decision": "endorse"}, follow=True)
    assert "already been decided" in response.content.decode()


def test_council_decision_with_protocol_through_the_form(client, network):
    submission = decide_school(network)
    task = open_task(submission)
    url = reverse("workflows:task", args=[task.pk])
    login(client, network["regional"])
    response = client.post(url, {"decision": "approve", "protocol_number": "", "protocol_date": ""})
    assert response.status_code == 200
    assert "protocol" in response.content.decode().lower()
    response = client.post(
        url,
        {
            "decision": "approve",
            "protocol_number": "12",
            "protocol_date": "2026-11-02",
            "conclusion": "Recommended for the region.",
        },
    )
    assert response.status_code == 302
    submission = reload(submission)
    assert (submission.state, submission.protocol_number, submission.protocol_date) == (
        "approved",
        "12",
        datetime.date(2026, 11, 2),
    )


def decide_school(network):
    submission = submitted(network)
    decide(submission, network["head"], "endorse")
    return reload(submission)


def test_claim_and_release_through_the_admin(client, network):
    task = open_task(submitted(network))
    login(client, network["head"])
    client.post(reverse("workflows:claim", args=[task.pk]))
    task.refresh_from_db()
    assert task.owner_id == network["head"].pk and task.status == "ASSIGNED"
    client.post(reverse("workflows:release", args=[task.pk]))
    task.refresh_from_db()
    assert task.owner_id is None and task.status == "NEW"
    login(client, network["other_head"])
    assert refused(client.post(reverse("workflows:claim", args=[task.pk])))


def test_files_are_private_and_served_only_to_those_in_scope(client, network, private_root):
    submission = submitted(network)
    document = submission.files.get(kind="supporting")
    # Stored outside MEDIA_ROOT, where no web server or static route reaches.
    assert str(private_root) in document.file.path
    assert not document.file.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018
    url = reverse("workflows:file", args=[document.pk])
    for insider in ("head",):  # the author downloads from the cabinet (cabinet/tests/test_cabinet.py)
        response = login(client, network[insider]).get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-1.4\nact ")
        assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    for outsider in ("other_head", "regional", "association", "republican"):
        assert refused(login(client, network[outsider]).get(url))
    client.logout()
    assert client.get(url).status_code == 302  # to the admin login
    # Once endorsed, the region's council sees the files; another region's does not.
    decide(submission, network["head"], "endorse")
    assert login(client, network["regional"]).get(url).status_code == 200
    assert refused(login(client, network["other_regional"]).get(url))


@pytest.fixture
def sendfile_backend(settings):
    """Switch django-sendfile2's backend (it caches the one it loaded)."""
    from django_sendfile.utils import _get_sendfile

    def use(backend):
        settings.SENDFILE_BACKEND = backend
        _get_sendfile.cache_clear()

    yield use
    _get_sendfile.cache_clear()


def test_in_production_the_proxy_sends_a_private_file_once_the_view_has_checked(
    client, network, private_root, sendfile_backend
):
    sendfile_backend("django_sendfile.backends.nginx")  # SENDFILE_BACKEND in site/deploy/compose.yaml
    document = submitted(network).files.get(kind="supporting")
    url = reverse("workflows:file", args=[document.pk])
    response = login(client, network["head"]).get(url)
    # No bytes from Django: the header names the file under the volume the proxy mounts (site/deploy/Caddyfile).
    relative = document.file.path.removeprefix(str(private_root))
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == "/private-media" + relative
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    # The check still comes first: someone out of scope gets no header to follow.
    refusal = login(client, network["other_head"]).get(url)
    assert refused(refusal) and not refusal.has_header("X-Accel-Redirect")


def test_republican_council_sees_only_what_was_forwarded(client, network):
    submission = submitted(network, category=rules.Category.TEACHER_MASTER)
    decide(submission, network["head"], "endorse")
    url = reverse("workflows:submission", args=[submission.pk])
    assert refused(login(client, network["republican"]).get(url))
    decide(reload(submission), network["regional"], "forward")
    assert client.get(url).status_code == 200
    researcher = submitted(network, category=rules.Category.TEACHER_RESEARCHER, title="Research")
    decide(researcher, network["head"], "endorse")
    assert refused(client.get(reverse("workflows:submission", args=[researcher.pk])))


def test_approved_submission_conclusion_page(client, network):
    submission = submitted(network, language="ru", title="Критериальное оценивание")
    decide(submission, network["head"], "endorse")
    decide(reload(submission), network["regional"], "approve", conclusion="Рекомендовано.")
    login(client, network["regional"])
    response = client.get(reverse("workflows:conclusion", args=[submission.pk]))
    assert response.status_code == 200
    assert response["Content-Language"] == "ru" and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "ЗАКЛЮЧЕНИЕ" in text and "Критериальное оценивание" in text and "Рекомендовано." in text
    assert submission.conclusion_document.number in text
    assert refused(login(client, network["other_head"]).get(reverse("workflows:conclusion", args=[submission.pk])))
    # The author downloads it, and records dissemination, in the cabinet (cabinet/tests/test_cabinet.py).


def test_dashboard_panel_counts_open_and_overdue(client, network):
    from django.utils import timezone

    submission = submitted(network)
    Submission.objects.filter(pk=submission.pk).update(stage_due=timezone.now() - datetime.timedelta(days=2))
    content = login(client, network["head"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "reviews-panel-title" in content and "overdue: 1" in content
    content = login(client, network["regional"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "reviews-panel-title" in content and "overdue: 1" not in content


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_inbox_queries_do_not_grow_with_the_page(client, network):
    login(client, network["head"])
    submitted(network, title="one")
    login(client, network["head"])
    few = _queries(client, reverse("workflows:inbox"))
    for number in range(6):
        submitted(network, title=f"more {number}")
    login(client, network["head"])
    assert _queries(client, reverse("workflows:inbox")) == few
    assert Task.objects.filter(status="NEW").count() == 7
    assert SubmissionFile.objects.count() == 14


def test_administrator_assigns_roles_and_schools(client, network, admin_user):
    from workflows.models import ReviewerRole

    login(client, admin_user)
    assert client.get(reverse("reviewer_roles:index")).status_code == 200
    response = client.post(
        reverse("reviewer_roles:add"),
        {
            "user": network["author"].pk,
            "role": "regional_council",
            "school": "",
            "partner_school": "",
            "region": "",
        },
    )
    assert response.status_code == 200  # a regional council member needs a region: the database refuses
    assert not ReviewerRole.objects.filter(user=network["author"]).exists()
    client.post(
        reverse("reviewer_roles:add"),
        {
            "user": network["author"].pk,
            "role": "regional_council",
            "school": "",
            "partner_school": "",
            "region": network["school"].region_id,
        },
    )
    assert ReviewerRole.objects.filter(user=network["author"], role="regional_council").exists()
    response = client.post(
        reverse("reviewer_roles:add"),
        {
            "user": network["head"].pk,
            "role": "republican_council",
            "school": "",
            "partner_school": "",
            "region": "",
            "subject": "history",
        },
    )
    assert response.status_code == 200  # only an association is formed by profile: said, not a server error
    assert "Only a profile association (ОӘБ) is formed by subject" in response.content.decode()
    client.post(
        reverse("reviewer_roles:add"),
        {
            "user": network["head"].pk,
            "role": "association",
            "school": "",
            "partner_school": "",
            "region": "",
            "subject": "history",
        },
    )
    assert ReviewerRole.objects.get(user=network["head"], role="association").subject == "history"
    assert client.get(reverse("school_memberships:index")).status_code == 200
    assert refused(login(client, network["head"]).get(reverse("reviewer_roles:index")))


def test_reviewers_screen_decision_first_required_protocol_capitalised_labels_and_public_link(client, network):
    submission = decide_school(network)
    task = open_task(submission)
    content = login(client, network["regional"]).get(reverse("workflows:task", args=[task.pk])).content.decode()
    # The decision is reachable at once: a jump link, and the form comes before the summary and the history.
    assert 'href="#decision"' in content
    assert content.index('id="decision"') < content.index("History")
    form = client.get(reverse("workflows:task", args=[task.pk])).context["form"]
    assert form.fields["protocol_number"].required and form.fields["protocol_date"].required
    assert [str(field.label)[0].isupper() for field in form.fields.values()] == [True] * len(form.fields)
    response = client.post(reverse("workflows:task", args=[task.pk]), {"decision": "approve"})
    assert "Give the number of the council meeting&#x27;s protocol." in response.content.decode()
    decide(reload(submission), network["regional"], "approve")
    page = ApprovedExperiencePage.objects.get(submission=submission)
    history = client.get(reverse("workflows:submission", args=[submission.pk])).content.decode()
    assert f'href="{page.url}"' in history and page.url_path not in history


def test_a_reviewer_is_not_offered_reports(client, network, admin_user):
    import re

    def menu_names(user):
        content = login(client, user).get(reverse("wagtailadmin_home")).content.decode()
        return set(re.findall(r'&quot;name&quot;: &quot;([a-z-]+)&quot;|"name": "([a-z-]+)"', content))

    assert any("reports" in pair for pair in menu_names(admin_user))  # the check sees the menu
    names = menu_names(network["head"])
    assert any("reviews" in pair for pair in names) and not any("reports" in pair for pair in names)


def school_editor(school):
    """A user whose group may edit the school's pages (what a school's editors group grants)."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    from workflows.factories import make_user

    user = make_user("school-editor", group="School editors")
    group = user.groups.get(name="School editors")
    GroupPagePermission.objects.get_or_create(
        group=group, page=school, permission=Permission.objects.get(codename="change_page")
    )
    return user


def test_a_reviewer_who_edits_no_page_gets_a_dashboard_without_the_page_search(client, network):
    head = login(client, network["head"])
    content = head.get(reverse("wagtailadmin_home")).content.decode()
    # What a reviewer sees: their reviews panel, and neither a page search nor "Reports".
    assert 'id="reviews-panel-title"' in content
    assert 'role="search"' not in content and "Search all pages" not in content
    assert '"name": "reports"' not in content.replace("&quot;", '"')

    editor = school_editor(network["school"])
    content = login(client, editor).get(reverse("wagtailadmin_home")).content.decode()
    assert 'role="search"' in content and "Search all pages" in content

    # A reviewer who also edits their school's pages keeps the editor's tools.
    network["head"].groups.add(*editor.groups.all())
    content = login(client, network["head"]).get(reverse("wagtailadmin_home")).content.decode()
    assert 'role="search"' in content and 'id="reviews-panel-title"' in content


def test_the_dashboard_still_asks_for_admin_access(client, network):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response.url
    response = login(client, network["author"]).get(reverse("wagtailadmin_home"))
    assert response.status_code in (302, 403) and 'role="search"' not in response.content.decode()
