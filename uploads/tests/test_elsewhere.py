"""Every upload field outside the cabinet's submission form obeys the same limits, with the same messages:
the admin's documents and images (one by one, several at once, from a chooser) and a dissemination event's evidence.

Each test says what the user reads, and that the rest of what they typed is still in the form."""

import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.factories import make_home
from network.factories import make_school
from workflows import notifications, rules, services
from workflows.factories import PDF_HEADER, complete_draft, make_user, reviewer, teacher
from workflows.models import ReviewerRole, Submission

pytestmark = pytest.mark.django_db

KAZAKH_NAME = "Іс-әрекеттегі зерттеу нәтижелері " * 6 + ".pdf"  # 200+ letters, 370+ bytes
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


def pdf(name="plan.pdf", size=None):
    content = PDF_HEADER + b"lesson plan"
    return SimpleUploadedFile(name, content.ljust(size or 0, b" "), "application/pdf")


def png(name="photo.png", size=None):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    content = buffer.getvalue()
    if size:  # PNG readers ignore what follows the image's end: a big file that is still an image
        content = content.ljust(size, b"\0")
    return SimpleUploadedFile(name, content, "image/png")


def errors_of(response, field="file"):
    """The messages shown beside the field, as the user reads them."""
    soup = BeautifulSoup(response.content, "html.parser")
    block = soup.select_one(f"[data-field-wrapper] #id_{field}") or soup.select_one(f"#id_{field}")
    assert block is not None, f"no {field} field on the page"
    wrapper = block.find_parent(attrs={"data-field-wrapper": True}) or block.find_parent("div")
    return [text(node) for node in wrapper.select(".error-message, .w-field__errors p")]


def text(node):
    """The node's text with its spaces as the browser shows them (the no-break space between a size and its unit
    is kept)."""
    return re.sub(r"[ \t\n]+", " ", node.get_text(" ")).strip()


@pytest.fixture
def editor(db):
    """An administrator whose admin speaks English, so that Wagtail's and our messages are read in one language."""
    user = make_user("uploader", language="en")
    user.is_superuser = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def small_limit(settings):
    settings.UPLOADS_MAX_FILE_SIZE = 2048


# -- documents --------------------------------------------------------------------------------------------------------


def add_document(client, *files, title="Lesson plan", language="en"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "collection": 1, "file": list(files)},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_a_document_over_the_size_limit_is_refused_and_the_title_kept(editor, small_limit):
    response = add_document(editor, pdf("big.pdf", size=5000))
    assert response.status_code == 200
    assert "“big.pdf” is 4.9\xa0KB: a file may be at most 2.0\xa0KB." in errors_of(response)
    assert BeautifulSoup(response.content, "html.parser").select_one("#id_title")["value"] == "Lesson plan"
    assert not get_document_model().objects.exists()


def test_a_program_renamed_pdf_is_refused_by_its_content(editor):
    response = add_document(editor, SimpleUploadedFile("plan.pdf", EXE, "application/pdf"))
    assert errors_of(response) == [
        "“plan.pdf” is not a file of an accepted type. Accepted: PDF, DOC, DOCX, ODT, "
        "RTF, XLS, XLSX, ODS, PPT, PPTX, ODP, JPG, PNG, MP4."
    ]
    assert not get_document_model().objects.exists()


def test_a_200_letter_kazakh_name_is_stored_shortened_in_bytes(editor):
    assert len(KAZAKH_NAME) >= 200
    response = add_document(editor, pdf(KAZAKH_NAME), title="Зерттеу")
    assert response.status_code == 302, errors_of(response)
    document = get_document_model().objects.get()
    stored = document.file.name.rsplit("/", 1)[-1]  # with the storage's suffix when the name was taken
    assert stored.startswith("Іс-әрекеттегі") and stored.endswith(".pdf") and len(stored.encode()) <= 160


def test_several_files_in_the_document_field_are_refused_not_the_last_kept(editor):
    response = add_document(editor, pdf("first.pdf"), pdf("second.pdf"))
    assert response.status_code == 200
    assert errors_of(response) == ["This field takes one file and 2 were sent: choose one file."]
    assert BeautifulSoup(response.content, "html.parser").select_one("#id_title")["value"] == "Lesson plan"
    assert not get_document_model().objects.exists()


def test_the_multiple_upload_answers_each_refused_file_with_our_message(editor, small_limit):
    response = editor.post(reverse("wagtaildocs:add_multiple"), {"files[]": [pdf("big.pdf", size=5000)]})
    assert response.json()["success"] is False
    assert response.json()["error_message"] == "“big.pdf” is 4.9\xa0KB: a file may be at most 2.0\xa0KB."
    response = editor.post(reverse("wagtaildocs:add_multiple"), {"files[]": [pdf("fine.pdf")]})
    assert response.json()["success"] is True


def test_the_upload_page_says_the_limits_before_the_user_tries(editor):
    response = editor.get(reverse("wagtaildocs:add"))
    assert "Accepted: PDF, DOC, DOCX" in response.content.decode()
    assert "at most 20.0\xa0MB per file" in response.content.decode()


def test_the_refusals_are_translated(editor, small_limit):
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user__username="uploader").update(preferred_language="ru")
    response = add_document(editor, pdf("big.pdf", size=5000), pdf("two.pdf"), title="План урока")
    assert errors_of(response) == ["В это поле можно отправить только один файл (отправлено файлов: 2): выберите один."]
    response = add_document(editor, pdf("big.pdf", size=5000), title="План урока")
    assert errors_of(response) == ["«big.pdf» весит 4,9\xa0КБ: файл может быть не больше 2,0\xa0КБ."]
    UserProfile.objects.filter(user__username="uploader").update(preferred_language="kk")
    response = add_document(editor, pdf("one.pdf"), pdf("two.pdf"), pdf("three.pdf"), title="Сабақ жоспары")
    assert errors_of(response) == ["Бұл өріске тек бір файл жіберуге болады (жіберілген файлдар: 3): біреуін таңдаңыз."]


# -- images -----------------------------------------------------------------------------------------------------------


def test_an_image_over_the_size_limit_and_several_images_are_refused(editor, small_limit):
    response = editor.post(
        reverse("wagtailimages:add"), {"title": "Seminar", "collection": 1, "file": [png("big.png", size=5000)]}
    )
    assert "“big.png” is 4.9\xa0KB: a file may be at most 2.0\xa0KB." in errors_of(response)
    response = editor.post(
        reverse("wagtailimages:add"), {"title": "Seminar", "collection": 1, "file": [png("one.png"), png("two.png")]}
    )
    assert errors_of(response) == ["This field takes one file and 2 were sent: choose one file."]
    assert BeautifulSoup(response.content, "html.parser").select_one("#id_title")["value"] == "Seminar"
    assert not get_image_model().objects.exists()
    response = editor.post(reverse("wagtailimages:add"), {"title": "Seminar", "collection": 1, "file": png()})
    assert response.status_code == 302 and get_image_model().objects.get().title == "Seminar"


def test_the_image_choosers_upload_obeys_the_limits(editor, small_limit):
    response = editor.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Seminar",
            "image-chooser-upload-collection": 1,
            "image-chooser-upload-file": png("big.png", size=5000),
        },
    )
    assert "“big.png” is 4.9\xa0KB: a file may be at most 2.0\xa0KB." in response.json()["htmlFragment"]
    assert not get_image_model().objects.exists()


# -- a dissemination event's evidence, in the cabinet ------------------------------------------------------------------


@pytest.fixture
def approved(db):
    home = make_home()
    school = make_school(home, "Almaty region", "Leading School No. 1")
    author = teacher("aigerim", school)
    head = reviewer("head1", ReviewerRole.Role.SCHOOL_HEAD, school=school)
    council = reviewer("council1", ReviewerRole.Role.REGIONAL_COUNCIL, region=school.region)
    with notifications.quietly():
        submission = complete_draft(author)
        services.submit(submission, author)
        services.decide(services.open_task_of(submission).pk, head, rules.Decision.ENDORSE)
        submission = Submission.objects.get(pk=submission.pk)
        services.decide(
            services.open_task_of(submission).pk,
            council,
            rules.Decision.APPROVE,
            protocol_number="7",
            protocol_date=datetime.date(2026, 11, 1),
        )
    client = Client()
    client.force_login(author)
    return {"client": client, "submission": Submission.objects.get(pk=submission.pk)}


def send_evidence(approved, *files):
    with translation.override("en"):
        url = reverse("cabinet:submission", args=[approved["submission"].pk])
    return approved["client"].post(
        url,
        {"date": "2026-11-20", "place": "School-lyceum No. 8", "district": "Saryarka", "evidence": list(files)},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_evidence_is_one_file_within_the_limits_and_the_event_is_kept_in_the_form(approved, small_limit):
    refusals = {
        "several": ((pdf("one.pdf"), pdf("two.pdf")), "This field takes one file and 2 were sent: choose one file."),
        "big": ((pdf("big.pdf", size=5000),), "“big.pdf” is 4.9\xa0KB: a file may be at most 2.0\xa0KB."),
        "program": (
            (SimpleUploadedFile("act.pdf", EXE),),
            "“act.pdf” is not a file of an accepted type. Accepted: PDF, DOC, DOCX, ODT, RTF, XLS, XLSX, ODS, "
            "PPT, PPTX, ODP, JPG, PNG, MP4.",
        ),
    }
    for files, message in refusals.values():
        response = send_evidence(approved, *files)
        assert response.status_code == 200
        page = BeautifulSoup(response.content, "html.parser")
        assert message in text(page)
        assert page.select_one("#id_place")["value"] == "School-lyceum No. 8"
        assert page.select_one("#id_district")["value"] == "Saryarka"
        assert ".pdf" in page.select_one("#id_evidence")["accept"]  # the file picker offers the accepted types
    assert not approved["submission"].dissemination_events.exists()
    response = send_evidence(approved, pdf(KAZAKH_NAME))
    assert response.status_code == 302
    stored = approved["submission"].dissemination_events.get().evidence.name.rsplit("/", 1)[-1]
    assert stored.startswith("Іс-әрекеттегі") and stored.endswith(".pdf") and len(stored.encode()) <= 160
