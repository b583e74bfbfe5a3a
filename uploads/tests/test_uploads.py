"""The site's upload limits (uploads/): size per file and per submission, type by content, names in bytes."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from uploads import limits
from uploads.fields import MultipleFileField
from workflows.factories import PDF_HEADER

pytestmark = pytest.mark.django_db(databases=[])


def pdf(name="plan.pdf", size=None, body=b"lesson plan"):
    content = PDF_HEADER + body
    if size is not None:
        content = content.ljust(size, b" ")
    return SimpleUploadedFile(name, content, "application/pdf")


def docx(name="plan.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


# File sizes are written with a no-break space between the figure and the unit, as the user sees them.
def refusal(uploaded):
    with pytest.raises(ValidationError) as error:
        limits.check_file(uploaded)
    return error.value.messages[0]


def test_a_pdf_and_a_word_document_are_accepted_by_their_content():
    assert limits.check_file(pdf()).name == "plan.pdf"
    assert limits.detected_type(docx()) == "docx"


def test_a_file_is_judged_by_its_content_not_its_name(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        message = refusal(SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" + b"\x00" * 100, "application/pdf"))
    assert message == (
        "“virus.pdf” is not a file of an accepted type. Accepted: PDF, DOC, DOCX, ODT, RTF, XLS, "
        "XLSX, ODS, PPT, PPTX, ODP, JPG, PNG, MP4."
    )


def test_a_file_over_the_size_limit_is_refused_with_both_sizes(settings):
    settings.UPLOADS_MAX_FILE_SIZE = 1024
    with translation.override("en"):
        assert refusal(pdf("big.pdf", size=3000)) == "“big.pdf” is 2.9\u00a0KB: a file may be at most 1.0\u00a0KB."
    with translation.override("ru"):
        assert (
            refusal(pdf("big.pdf", size=3000)) == "«big.pdf» весит 2,9\u00a0КБ: файл может быть не больше 1,0\u00a0КБ."
        )
    with translation.override("kk"):
        assert (
            refusal(pdf("big.pdf", size=3000))
            == "«big.pdf» файлының көлемі — 2,9\u00a0КБ; бір файлдың шегі — 1,0\u00a0КБ."
        )


def test_an_empty_file_is_refused():
    with translation.override("en"):
        assert refusal(SimpleUploadedFile("empty.pdf", b"")) == "“empty.pdf” is empty."


def test_the_submission_total_is_bounded(settings):
    settings.UPLOADS_MAX_TOTAL_SIZE = 2048
    limits.check_total(pdf(size=1000), already=1000)
    with pytest.raises(ValidationError) as error, translation.override("en"):
        limits.check_total(pdf("more.pdf", size=1000), already=1500)
    assert error.value.messages == [
        "“more.pdf” was not added: the files of one submission may be at most "
        "2.0\u00a0KB together; with it they would be 2.4\u00a0KB."
    ]


def test_a_200_letter_kazakh_name_is_shortened_in_bytes_keeping_its_extension():
    name = "Іс-әрекеттегі зерттеу " * 10 + ".pdf"
    assert len(name) > 200 and len(name.encode()) > 255
    uploaded = limits.check_file(pdf(name))
    assert uploaded.name.endswith(".pdf")
    assert len(uploaded.name.encode()) <= limits.max_name_bytes()
    assert uploaded.name.startswith("Іс-әрекеттегі зерттеу")
    uploaded.name.encode().decode()  # never cut inside a letter


def test_a_path_in_the_name_is_dropped():
    assert limits.bounded_name("C:\\Users\\teacher\\plan.pdf") == "plan.pdf"
    assert limits.bounded_name("../../etc/passwd") == "passwd"


def test_several_files_in_one_field_each_refusal_names_its_file(settings):
    settings.UPLOADS_MAX_FILE_SIZE = 1024
    field = MultipleFileField()
    good, big, fake = pdf("good.pdf"), pdf("big.pdf", size=2000), SimpleUploadedFile("fake.pdf", b"just text")
    with pytest.raises(ValidationError) as error, translation.override("en"):
        field.clean([good, big, fake])
    assert [message.split("”")[0] for message in error.value.messages] == ["“big.pdf", "“fake.pdf"]
    assert field.accepted == [good]
    assert field.clean([good, pdf("second.pdf")]) == [good, field.accepted[1]]
    assert len(field.accepted) == 2
