"""The teacher's cabinet on the public site: one form, several files, the checklist, every transition, refusals."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.pdf_support import pdf_text
from workflows import rules, services
from workflows.factories import complete_draft, make_user, teacher, upload
from workflows.models import ApprovedExperiencePage, Submission
from workflows.tests.test_flow import decide, network, private_root, reload  # noqa: F401

pytestmark = pytest.mark.django_db

NO_BREAK = "\u00a0"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def url(name, *args):
    return reverse(f"cabinet:{name}", args=args)


def fields(**overrides):
    data = {
        "title": "Lesson Study in grade 7",
        "abstract": "What we did",
        "language": "kk",
        "subject": "physics",
        "category": "teacher_expert",
        "result_kind": "didactic_materials",
        "authors-TOTAL_FORMS": "2",
        "authors-INITIAL_FORMS": "0",
        "authors-MIN_NUM_FORMS": "0",
        "authors-MAX_NUM_FORMS": "9",
        "default_kind": "material",
        "action": "save",
    }
    data.update(overrides)
    return data


def fake(name="fake.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"this is not a pdf at all", "application/pdf")


def three_files(tag="1"):
    return {
        "files": [
            upload(f"plan {tag}", "plan.pdf"),
            upload(f"act {tag}", "act.pdf"),
            upload(f"certificate {tag}", "certificate.pdf"),
        ],
        "file_kind": ["material", "supporting:implementation_act", "supporting:certificate"],
    }


def page(response):
    return response.content.decode()


def test_the_cabinet_needs_a_signed_in_user(client):
    response = client.get(url("home"))
    assert response.status_code == 302 and response.url.startswith(resolve_url(settings.LOGIN_URL))


def test_an_unconfirmed_teacher_is_told_why_and_where_to_go(client, network):
    newcomer = make_user("newcomer")
    client.force_login(newcomer)
    home = page(client.get(url("home")))
    assert "Your school has not confirmed you yet." in home and 'href="/en/account/"' in home
    assert url("new") not in home
    response = client.get(url("new"))
    assert response.status_code == 403 and "Ask your school to confirm you" in page(response)
    response = client.post(url("new"), {**fields(), **three_files()})
    assert response.status_code == 403
    assert not Submission.objects.filter(author=newcomer).exists()


def test_one_form_with_three_files_each_with_its_kind_then_send(client, network):
    author = network["author"]
    client.force_login(author)
    form = page(client.get(url("new")))
    assert 'type="file" name="files" id="id_files" multiple' in form and "data-kind-template" in form
    response = client.post(
        url("new"),
        {**fields(**{"authors-0-full_name": "Dana Sadykova", "authors-0-workplace": "School 5"}), **three_files()},
    )
    submission = Submission.objects.get(author=author)
    assert response.status_code == 302 and response.url == url("edit", submission.pk)
    assert sorted(submission.files.values_list("original_name", "kind", "document_kind")) == [
        ("act.pdf", "supporting", "implementation_act"),
        ("certificate.pdf", "supporting", "certificate"),
        ("plan.pdf", "material", ""),
    ]
    assert list(submission.authors.values_list("full_name", flat=True)) == ["Aigerim Bekova", "Dana Sadykova"]
    edit = client.get(url("edit", submission.pk))
    assert edit.context_data["missing"] == [] and page(edit).count("Draft saved.") == 1  # said once, by base.html
    assert "Withdraw" not in page(edit)  # withdrawing lives on its own page, never beside "send"
    response = client.post(
        url("edit", submission.pk),
        fields(action="send", **{"authors-0-full_name": "Dana Sadykova", "authors-0-workplace": "School 5"}),
    )
    assert response.status_code == 302 and response.url == url("submission", submission.pk)
    submission = reload(submission)
    assert (submission.state, submission.stage) == ("in_review", "school")
    # The upload script is told where to go instead of being redirected.
    assert client.get(url("submission", submission.pk)).status_code == 200


def test_the_checklist_says_what_is_missing_and_sending_waits_for_it(client, network):
    client.force_login(network["author"])
    client.post(url("new"), fields(title="Only a title", category="", result_kind="", subject=""))
    submission = Submission.objects.get(title="Only a title")
    missing = client.get(url("edit", submission.pk)).context_data["missing"]
    assert missing == [
        "Choose the subject profile.",
        "Choose the qualification category sought.",
        "Choose the kind of result.",
        "Attach at least one material.",
        "Attach at least one supporting document.",
    ]
    response = client.post(
        url("edit", submission.pk),
        fields(title="Only a title", category="", result_kind="", subject="", action="send"),
        follow=True,
    )
    assert "Choose the kind of result." in page(response)
    assert reload(submission).state == "draft"


def test_nothing_typed_or_uploaded_is_lost_when_something_is_refused(client, network):
    client.force_login(network["author"])
    response = client.post(
        url("new"),
        {
            **fields(title="Kept title", result_kind="textbook"),
            "files": [upload("good material", "good.pdf"), fake()],
            "file_kind": ["material", "material"],
        },
    )
    assert response.status_code == 200
    content = page(response)
    submission = Submission.objects.get(title="Kept title")
    # The refused file is named beside the files, the good one is kept, the typed fields come back.
    assert (
        "“fake.pdf” is not a file of an accepted type. Accepted: PDF, DOC, DOCX, ODT, RTF, XLS, XLSX, ODS, PPT, "
        "PPTX, ODP, JPG, PNG, MP4."
    ) in content
    assert "This kind of result is not counted for the qualification category sought." in content
    assert "The draft has been saved except what is marked below: correct it and save again." in content
    assert "has not been sent" not in content  # the teacher saved a draft: they are told about the draft
    assert list(submission.files.values_list("original_name", flat=True)) == ["good.pdf"]
    assert submission.result_kind == ""  # the refused value is not stored, but it is shown as typed
    assert 'value="textbook" selected' in content
    assert f'action="{url("edit", submission.pk)}"' in content  # the next save goes to the same draft
    response = client.post(
        url("edit", submission.pk), {**fields(title="Kept title", result_kind="textbook", action="send")}
    )
    assert "The submission has not been sent: correct what is marked below." in page(response)


def test_a_200_letter_kazakh_file_name_is_kept_shortened_not_a_server_error(client, network):
    client.force_login(network["author"])
    name = "Критериалды бағалау бойынша әдістемелік ұсыныстар " * 4 + ".pdf"
    assert len(name) > 200
    response = client.post(url("new"), {**fields(), "files": [upload("material", name)], "file_kind": "material"})
    assert response.status_code == 302
    stored = Submission.objects.get(author=network["author"]).files.get()
    assert stored.original_name.startswith("Критериалды бағалау") and stored.original_name.endswith(".pdf")
    assert len(stored.original_name.encode()) <= 150


def test_size_limits_per_file_and_per_submission_are_said_beside_the_files(client, network, settings):
    settings.UPLOADS_MAX_FILE_SIZE = 2000
    settings.UPLOADS_MAX_TOTAL_SIZE = 2500
    client.force_login(network["author"])
    response = client.post(
        url("new"),
        {
            **fields(),
            "files": [upload(b"x" * 2500, "big.pdf"), upload(b"y" * 1500, "one.pdf"), upload(b"z" * 1500, "two.pdf")],
        },
    )
    content = page(response)
    assert f"“big.pdf” is 2.5{NO_BREAK}KB: a file may be at most 2.0{NO_BREAK}KB." in content
    assert (
        f"“two.pdf” was not added: the files of one submission may be at most 2.4{NO_BREAK}KB together; with "
        f"it they would be 2.9{NO_BREAK}KB."
    ) in content
    submission = Submission.objects.get(author=network["author"])
    assert list(submission.files.values_list("original_name", flat=True)) == ["one.pdf"]


def test_a_publication_with_four_authors_is_refused_in_the_form(client, network):
    author = network["author"]
    submission = complete_draft(author, result_kind=rules.ResultKind.PUBLICATION)
    client.force_login(author)
    data = fields(
        title=submission.title,
        category=submission.category,
        subject=submission.subject,
        result_kind="publication",
        **{"authors-TOTAL_FORMS": "3"},
    )
    for number, name in enumerate(["A B", "C D", "E F"]):
        data[f"authors-{number}-full_name"] = name
    response = client.post(url("edit", submission.pk), data)
    assert response.status_code == 200
    assert "A submission of this kind may have at most 3 authors, the submitter included; it has 4." in page(response)
    assert submission.authors.count() == 1


def test_a_supporting_document_counted_elsewhere_is_refused_and_named(client, network):
    first = complete_draft(network["author"], title="The first one")
    services.add_file(first, network["author"], upload(b"diploma 1"), "supporting", "diploma")
    colleague = teacher("dana", network["school"])
    second = complete_draft(colleague, title="The second one")
    client.force_login(colleague)
    response = client.post(
        url("edit", second.pk),
        {
            **fields(
                title=second.title, category=second.category, result_kind=second.result_kind, subject=second.subject
            ),
            "files": [upload(b"diploma 1", "same.pdf")],
            "file_kind": "supporting:diploma",
        },
    )
    assert response.status_code == 200
    assert (
        f"This supporting document was already counted in the submission “The first one” (no. {first.pk}). "
        "The commission considers each supporting document only once."
    ) in page(response)
    assert not second.files.filter(original_name="same.pdf").exists()


def test_other_teachers_see_nothing_of_a_submission(client, network):
    submission = complete_draft(network["author"])
    services.submit(submission, network["author"])
    document = submission.files.first()
    for outsider in (teacher("dana", network["school"]), teacher("bolat", network["other"])):
        client.force_login(outsider)
        for name in ("edit", "submission", "withdraw", "conclusion"):
            assert client.get(url(name, submission.pk)).status_code == 403
        assert client.post(url("withdraw", submission.pk)).status_code == 403
        assert client.post(url("edit", submission.pk), fields()).status_code == 403
        assert client.get(url("file", document.pk)).status_code == 403
    assert reload(submission).state == "in_review"
    client.force_login(network["author"])
    response = client.get(url("file", document.pk))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_revision_loop_with_the_reviewers_comment(client, network):
    submission = complete_draft(network["author"])
    services.submit(submission, network["author"])
    decide(reload(submission), network["head"], "return", comment="Add the programme copy.")
    client.force_login(network["author"])
    assert "Add the programme copy." in page(client.get(url("home")))
    assert "Add the programme copy." in page(client.get(url("edit", submission.pk)))
    response = client.post(
        url("edit", submission.pk),
        {
            **fields(
                title=submission.title,
                abstract="Revised",
                category=submission.category,
                result_kind=submission.result_kind,
                subject=submission.subject,
                action="send",
            ),
            "files": [upload("programme", "programme.pdf")],
            "file_kind": "supporting:programme_copy",
        },
    )
    assert response.status_code == 302
    submission = reload(submission)
    assert (submission.state, submission.stage, submission.round, submission.abstract) == (
        "in_review",
        "school",
        2,
        "Revised",
    )


def test_withdrawal_asks_for_confirmation_on_its_own_page(client, network):
    submission = complete_draft(network["author"])
    services.submit(submission, network["author"])
    client.force_login(network["author"])
    confirmation = page(client.get(url("withdraw", submission.pk)))
    assert "Withdraw the submission?" in confirmation and "Send for review" not in confirmation
    assert reload(submission).state == "in_review"  # looking at the question changes nothing
    response = client.post(url("withdraw", submission.pk), {"comment": "Changed my mind"})
    assert response.status_code == 302
    assert reload(submission).state == "withdrawn"
    assert "Withdraw the submission" not in page(client.get(url("submission", submission.pk)))


def test_approval_conclusion_and_dissemination_in_the_cabinet(client, network):
    submission = complete_draft(network["author"], language="ru", title="Критериальное оценивание")
    services.submit(submission, network["author"])
    decide(reload(submission), network["head"], "endorse")
    decide(reload(submission), network["regional"], "approve", conclusion="Рекомендовано.")
    client.force_login(network["author"])
    home = page(client.get(url("home")))
    assert "Dissemination covered:" in home and "0 / 3" in home
    response = client.get(url("conclusion", submission.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "Рекомендовано." in pdf_text(response.content)
    for number, district in enumerate(["Almaty", "Talgar", "Talgar ", "Kaskelen"]):
        client.post(
            url("submission", submission.pk), {"date": f"2026-11-1{number}", "place": "School", "district": district}
        )
    submission = reload(submission)
    assert submission.coverage_done() == 3
    assert ApprovedExperiencePage.objects.get(submission=submission).coverage_done == 3
    assert "Dissemination covered:" not in page(client.get(url("home")))


def _queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_cabinet_pages_have_a_fixed_number_of_queries(client, network):
    author = network["author"]
    first = complete_draft(author, title="first")
    client.force_login(author)
    pages = [url("home"), url("edit", first.pk), url("submission", first.pk)]
    client.get(url("home"))  # the site's and the menu's caches are filled by the first page of a session
    few = [_queries(client, address) for address in pages]
    sent = []
    for number in range(6):
        submission = complete_draft(author, title=f"more {number}")
        services.submit(submission, author)
        sent.append(submission)
        if number % 2:
            decide(reload(submission), network["head"], "return", comment="More, please.")
    approved = reload(sent[0])
    decide(approved, network["head"], "endorse")
    decide(reload(approved), network["regional"], "approve")
    services.record_dissemination(
        reload(approved), author, date=datetime.date(2026, 11, 2), place="School", district="Talgar"
    )
    assert [_queries(client, address) for address in pages] == few


def test_teachers_have_no_admin_and_its_old_addresses_lead_to_the_cabinet(client, network):
    submission = complete_draft(network["author"])
    client.force_login(network["author"])
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "login" in response.url
    response = client.get("/admin/reviews/mine/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302 and response.url == "/ru/cabinet/"
    response = client.get(f"/admin/reviews/mine/{submission.pk}/edit/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response.url == url("submission", submission.pk)


def test_approved_materials_are_offered_under_the_chosen_licence_and_listed_in_the_portal(client, homes, network):
    author = network["author"]
    client.force_login(author)
    client.post(
        url("new"),
        {
            **fields(category="teacher_researcher", result_kind="talk", licence="cc-by-4.0"),
            **three_files(),
            "files": [upload("plan", "plan.pdf"), upload("notes", "notes.pdf"), upload("act", "act.pdf")],
            "file_kind": ["material", "material", "supporting:implementation_act"],
        },
    )
    submission = Submission.objects.get(author=author)
    notes = submission.files.get(original_name="notes.pdf")
    # The author keeps the notes to themselves: only the plan is published.
    plan = submission.files.get(original_name="plan.pdf")
    response = client.post(
        url("edit", submission.pk),
        {
            **fields(category="teacher_researcher", result_kind="talk", licence="cc-by-4.0", action="send"),
            "publish_shown": "1",
            "publish": [str(plan.pk)],
        },
    )
    assert response.status_code == 302
    assert not reload(submission).files.get(pk=notes.pk).publish
    public = reverse("published_material", args=[plan.pk])
    client.logout()
    assert client.get(public).status_code == 404  # nothing is public before approval
    decide(reload(submission), network["head"], "endorse")
    decide(reload(submission), network["regional"], "approve")
    page = ApprovedExperiencePage.objects.get(submission=submission)
    content = page_content = client.get(page.url).content.decode()
    assert f"/experience/materials/{plan.pk}/" in content and f"/experience/materials/{notes.pk}/" not in content
    assert "creativecommons.org/licenses/by/4.0" in page_content
    response = client.get(public)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert client.get(reverse("published_material", args=[notes.pk])).status_code == 404
    # Listed in the school's resource portal and in the network's library of this language.
    portal = page.get_parent()
    assert page.url in client.get(portal.url).content.decode()


def test_the_cabinet_names_the_school_in_the_visitors_language(client, homes, network):
    """The Russian cabinet said «Школа: № 27 Жетекші мектеп» (seen in the teacher's journey)."""
    from wagtail.models import Locale

    from network.factories import translate_page

    school = network["author"].school_membership.school
    russian = Locale.objects.get(language_code="ru")
    translate_page(school.get_parent().specific, russian, {"title": "Алматинская область"})
    translate_page(school, russian, {"title": "Ведущая школа № 1"})
    client.force_login(network["author"])
    with translation.override("ru"):
        assert "Ведущая школа № 1" in page(client.get(url("home")))
    with translation.override("kk"):
        assert "Leading School No. 1" in page(client.get(url("home")))
