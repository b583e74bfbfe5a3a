"""The review in the Wagtail admin: inbox, task page, decisions, files, teachers' pages, scoping and query counts."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from viewflow.workflow.models import Task

from tests.pdf_support import pdf_text
from tests.test_workflows_flow import decide, network, open_task, private_root, reload, submitted  # noqa: F401
from workflows import rules, services
from workflows.models import ApprovedExperiencePage, Submission, SubmissionFile
from workflows.testing import complete_draft, teacher, upload

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


def test_teacher_has_no_inbox(client, network):
    assert refused(login(client, network["author"]).get(reverse("workflows:inbox")))


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
    response = client.post(url, {"decision": "approve", "protocol_number": "12", "protocol_date": "2026-11-02",
                                 "conclusion": "Recommended for the region."})
    assert response.status_code == 302
    submission = reload(submission)
    assert (submission.state, submission.protocol_number, submission.protocol_date) == (
        "approved", "12", datetime.date(2026, 11, 2))


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
    for insider in ("author", "head"):
        response = login(client, network[insider]).get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"act ")
        assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    for outsider in ("other_head", "regional", "association", "republican"):
        assert refused(login(client, network[outsider]).get(url))
    client.logout()
    assert client.get(url).status_code == 302  # to the admin login
    # Once endorsed, the region's council sees the files; another region's does not.
    decide(submission, network["head"], "endorse")
    assert login(client, network["regional"]).get(url).status_code == 200
    assert refused(login(client, network["other_regional"]).get(url))


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


def test_teacher_submits_through_the_admin_and_nothing_is_lost_on_errors(client, network):
    author = network["author"]
    login(client, author)
    form = client.get(reverse("workflows:my_new")).content.decode()
    # The long kinds of result keep to the form's width (workflows/static/workflows/admin.css).
    assert 'class="review-form"' in form and "workflows/admin.css" in form
    response = client.post(reverse("workflows:my_new"), {
        "title": "Lesson Study in grade 7", "abstract": "What we did", "language": "kk",
        "category": "teacher_expert", "result_kind": "textbook",
    })
    assert response.status_code == 200  # textbook is not an association kind, and the subject is missing
    assert "Lesson Study in grade 7" in response.content.decode()
    assert set(response.context["form"].errors) == {"result_kind", "subject"}
    response = client.post(reverse("workflows:my_new"), {
        "title": "Lesson Study in grade 7", "abstract": "What we did", "language": "kk", "subject": "physics",
        "category": "teacher_expert", "result_kind": "didactic_materials",
    })
    submission = Submission.objects.get(title="Lesson Study in grade 7")
    edit = reverse("workflows:my_edit", args=[submission.pk])
    assert response.url == edit
    base = {"title": "Lesson Study in grade 7 (revised title)", "abstract": "What we did", "language": "kk",
            "subject": "physics", "category": "teacher_expert", "result_kind": "didactic_materials",
            "authors-TOTAL_FORMS": "2", "authors-INITIAL_FORMS": "0", "authors-MIN_NUM_FORMS": "0",
            "authors-MAX_NUM_FORMS": "9", "authors-0-full_name": "Dana Sadykova", "authors-0-workplace": "School 5"}
    # An invalid title and an upload at once: the upload is kept, the typed text comes back.
    response = client.post(edit, {**base, "title": "", "kind": "material", "file": upload(b"lesson plan", "plan.pdf"),
                                  "action": "submit"})
    assert response.status_code == 200
    assert "Dana Sadykova" in response.content.decode()
    assert submission.files.filter(original_name="plan.pdf").exists()
    assert reload(submission).state == "draft"
    response = client.post(edit, {**base, "kind": "supporting", "document_kind": "certificate",
                                  "file": upload(b"certificate", "cert.pdf"), "action": "submit"})
    assert response.status_code == 302
    submission = reload(submission)
    assert (submission.state, submission.stage, submission.title) == ("in_review", "school",
                                                                      "Lesson Study in grade 7 (revised title)")
    assert list(submission.authors.values_list("full_name", flat=True)) == [author.get_full_name(),
                                                                             "Dana Sadykova"]
    listing = client.get(reverse("workflows:my_submissions")).content.decode()
    assert "Lesson Study in grade 7 (revised title)" in listing


def test_publication_with_four_authors_is_refused_in_the_form(client, network):
    author = network["author"]
    submission = complete_draft(author, result_kind=rules.ResultKind.PUBLICATION)
    login(client, author)
    data = {"title": submission.title, "abstract": "", "language": "kk", "category": submission.category,
            "subject": submission.subject,
            "result_kind": "publication", "authors-TOTAL_FORMS": "3", "authors-INITIAL_FORMS": "0",
            "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "9", "action": "save"}
    for number, name in enumerate(["A B", "C D", "E F"]):
        data[f"authors-{number}-full_name"] = name
    response = client.post(reverse("workflows:my_edit", args=[submission.pk]), data)
    assert response.status_code == 200
    assert "at most 3 authors" in response.content.decode()
    assert submission.authors.count() == 1


def test_document_once_refusal_is_shown_in_the_form(client, network):
    first = complete_draft(network["author"], title="The first one")
    services.add_file(first, network["author"], upload(b"diploma 1"), "supporting", "diploma")
    colleague = teacher("dana", network["school"])
    second = complete_draft(colleague, title="The second one")
    login(client, colleague)
    response = client.post(reverse("workflows:my_edit", args=[second.pk]), {
        "title": second.title, "abstract": "", "language": "kk", "category": second.category,
        "subject": second.subject,
        "result_kind": second.result_kind, "authors-TOTAL_FORMS": "0", "authors-INITIAL_FORMS": "0",
        "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "9", "kind": "supporting",
        "document_kind": "diploma", "file": upload(b"diploma 1", "same.pdf"), "action": "save",
    })
    assert response.status_code == 200
    assert "The first one" in response.content.decode()
    assert not second.files.filter(original_name="same.pdf").exists()


def test_other_teachers_cannot_open_or_edit_a_submission(client, network):
    submission = complete_draft(network["author"])
    login(client, teacher("dana", network["school"]))
    for name in ("my_edit", "my_submission", "submission"):
        assert refused(client.get(reverse(f"workflows:{name}", args=[submission.pk])))
    assert refused(client.post(reverse("workflows:my_withdraw", args=[submission.pk])))
    # A draft is the author's alone, even for the school's head.
    assert refused(login(client, network["head"]).get(reverse("workflows:submission", args=[submission.pk])))


def test_revision_loop_through_the_admin(client, network):
    submission = submitted(network)
    decide(submission, network["head"], "return", comment="Add the programme copy.")
    login(client, network["author"])
    edit = reverse("workflows:my_edit", args=[submission.pk])
    assert "Add the programme copy." in client.get(edit).content.decode()
    response = client.post(edit, {
        "title": submission.title, "abstract": "Revised", "language": "kk", "category": submission.category,
        "subject": submission.subject,
        "result_kind": submission.result_kind, "authors-TOTAL_FORMS": "0", "authors-INITIAL_FORMS": "0",
        "authors-MIN_NUM_FORMS": "0", "authors-MAX_NUM_FORMS": "9", "kind": "supporting",
        "document_kind": "programme_copy", "file": upload(b"programme", "programme.pdf"), "action": "submit",
    })
    assert response.status_code == 302
    submission = reload(submission)
    assert (submission.state, submission.stage, submission.round, submission.abstract) == (
        "in_review", "school", 2, "Revised")


def test_approved_submission_conclusion_page_and_dissemination(client, network):
    submission = submitted(network, language="ru", title="Критериальное оценивание")
    decide(submission, network["head"], "endorse")
    decide(reload(submission), network["regional"], "approve", conclusion="Рекомендовано.")
    login(client, network["author"])
    response = client.get(reverse("workflows:conclusion", args=[submission.pk]))
    assert response.status_code == 200
    assert response["Content-Language"] == "ru" and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "ЗАКЛЮЧЕНИЕ" in text and "Критериальное оценивание" in text and "Рекомендовано." in text
    assert submission.conclusion_document.number in text
    assert refused(login(client, network["other_head"]).get(reverse("workflows:conclusion", args=[submission.pk])))
    login(client, network["author"])
    page_url = reverse("workflows:my_submission", args=[submission.pk])
    for number, district in enumerate(["Almaty", "Talgar", "Talgar ", "Kaskelen"]):
        client.post(page_url, {"date": f"2026-11-1{number}", "place": "School", "district": district})
    submission = reload(submission)
    assert submission.coverage_done() == 3
    page = ApprovedExperiencePage.objects.get(submission=submission)
    assert page.coverage_done == 3


def test_dashboard_panel_counts_open_and_overdue(client, network):
    from django.utils import timezone

    submission = submitted(network)
    Submission.objects.filter(pk=submission.pk).update(stage_due=timezone.now() - datetime.timedelta(days=2))
    content = login(client, network["head"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "reviews-panel-title" in content and "overdue: 1" in content
    content = login(client, network["author"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "reviews-panel-title" not in content


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_inbox_and_my_submissions_queries_do_not_grow_with_the_page(client, network):
    author = network["author"]
    login(client, network["head"])
    submitted(network, title="one")
    login(client, network["head"])
    few = _queries(client, reverse("workflows:inbox"))
    login(client, author)
    few_mine = _queries(client, reverse("workflows:my_submissions"))
    for number in range(6):
        submitted(network, title=f"more {number}")
    login(client, network["head"])
    assert _queries(client, reverse("workflows:inbox")) == few
    login(client, author)
    assert _queries(client, reverse("workflows:my_submissions")) == few_mine
    assert Task.objects.filter(status="NEW").count() == 7
    assert SubmissionFile.objects.count() == 14


def test_administrator_assigns_roles_and_schools(client, network, admin_user):
    from workflows.models import ReviewerRole

    login(client, admin_user)
    assert client.get(reverse("reviewer_roles:index")).status_code == 200
    response = client.post(reverse("reviewer_roles:add"), {
        "user": network["author"].pk, "role": "regional_council", "school": "", "partner_school": "", "region": "",
    })
    assert response.status_code == 200  # a regional council member needs a region: the database refuses
    assert not ReviewerRole.objects.filter(user=network["author"]).exists()
    client.post(reverse("reviewer_roles:add"), {
        "user": network["author"].pk, "role": "regional_council", "school": "", "partner_school": "",
        "region": network["school"].region_id,
    })
    assert ReviewerRole.objects.filter(user=network["author"], role="regional_council").exists()
    response = client.post(reverse("reviewer_roles:add"), {
        "user": network["head"].pk, "role": "republican_council", "school": "", "partner_school": "", "region": "",
        "subject": "history",
    })
    assert response.status_code == 200  # only an association is formed by profile: said, not a server error
    assert "Only a profile association (ОӘБ) is formed by subject" in response.content.decode()
    client.post(reverse("reviewer_roles:add"), {
        "user": network["head"].pk, "role": "association", "school": "", "partner_school": "", "region": "",
        "subject": "history",
    })
    assert ReviewerRole.objects.get(user=network["head"], role="association").subject == "history"
    assert client.get(reverse("school_memberships:index")).status_code == 200
    assert refused(login(client, network["head"]).get(reverse("reviewer_roles:index")))
