"""The council's conclusion on an approved dissemination: a PDF in the submission's language, verifiable by number."""

import os
import re

import pytest
from django.urls import reverse
from django.utils import formats, translation

from attendance.documents import local_date
from attendance.tests.test_attendance import DATA, check_reference
from tests.pdf_support import pdf_text
from workflows.tests.test_flow import PROTOCOL, decide, network, private_root, reload, submitted  # noqa: F401

pytestmark = pytest.mark.django_db

TITLES = {
    "kk": "5-сыныпта критериалды бағалау",
    "ru": "Критериальное оценивание в 5 классе",
    "en": "Criteria-based assessment in grade 5",
}
HEADINGS = {"kk": "ҚОРЫТЫНДЫ", "ru": "ЗАКЛЮЧЕНИЕ", "en": "CONCLUSION"}


def approved(network, language):
    submission = submitted(network, language=language, title=TITLES[language])
    decide(submission, network["head"], "endorse")
    decide(reload(submission), network["regional"], "approve", conclusion="Өңірде таратуға ұсынылады.")
    return reload(submission)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_conclusion_pdf_in_the_submissions_language_and_verifiable(client, network, language):
    submission = approved(network, language)
    client.force_login(network["author"])
    # The author downloads it from the cabinet (teachers have no admin).
    response = client.get(reverse("cabinet:conclusion", args=[submission.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Language"] == language
    if os.environ.get("SAVE_PDF_DIR"):
        (DATA.parent / os.environ["SAVE_PDF_DIR"]).mkdir(exist_ok=True)
        (DATA.parent / os.environ["SAVE_PDF_DIR"] / f"conclusion_{language}.pdf").write_bytes(response.content)
    text = pdf_text(response.content)
    document = reload(submission).conclusion_document
    for phrase in (
        HEADINGS[language],
        TITLES[language],
        "Aigerim Bekova",
        "Өңірде таратуға ұсынылады.",
        document.number,
    ):
        assert phrase in text, phrase
    # The same number on every download.
    assert document.number in pdf_text(client.get(reverse("cabinet:conclusion", args=[submission.pk])).content)
    with translation.override(language):
        text = text.replace(local_date(submission.decided_at), "<DATE>")
        text = text.replace(formats.date_format(PROTOCOL["protocol_date"], "DATE_FORMAT"), "<PROTOCOL DATE>")
    text = re.sub(r"https?://[^/\s]+", "<SITE>", text.replace(document.number, "<NUMBER>"))
    check_reference(f"conclusion_{language}.txt", text)
    # Anyone can check it: title, authors, date; the other school's head cannot download it.
    client.logout()
    with translation.override("ru"):
        page = client.get(reverse("attendance:verify", args=[document.number])).content.decode()
    assert "Подлинный" in page and "Заключение о распространении опыта" in page and TITLES[language] in page
    assert "Aigerim Bekova" in page and "@example.kz" not in page


def test_conclusion_refused_to_other_schools_and_before_approval(client, network):
    submission = submitted(network, language="ru", title=TITLES["ru"])
    client.force_login(network["author"])
    # Not approved: no document.
    response = client.get(reverse("cabinet:conclusion", args=[submission.pk]))
    assert response.status_code in (302, 404) and response["Content-Type"] != "application/pdf"
    assert not hasattr(reload(submission), "conclusion_document")
    client.force_login(network["other_head"])
    response = client.get(reverse("workflows:conclusion", args=[submission.pk]))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
