"""Dates, numbers and plurals follow each language's conventions on a page, in an e-mail and in a PDF.

Kazakh: "2026 жылғы 22 қараша" (the month in lower case), "22.11.2026", a space between thousands, a noun after a
number stays singular ("5 ресурс"). Russian: "22 ноября 2026 г.", the three plural forms ("1 ресурс", "3 ресурса",
"5 ресурсов"). The formats are config/formats/kk (Django has none for kk) and Django's own ru.
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import ngettext

from attendance import services
from attendance.models import Certificate, Registration, RegistrationDesk
from attendance.tests.fixtures import TITLES, events_network  # noqa: F401
from tests.pdf_support import pdf_text

pytestmark = pytest.mark.django_db

KAZAKH_DATE = re.compile(
    r"\b20\d\d жылғы \d{1,2} (қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан"
    r"|қараша|желтоқсан)\b"
)
RUSSIAN_DATE = re.compile(
    r"\b\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября"
    r"|декабря) 20\d\d г\."
)


def test_dates_and_numbers_per_language():
    day = datetime.date(2026, 11, 30)
    with translation.override("kk"):
        assert formats.date_format(day) == "2026 жылғы 30 қараша"
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "30.11.2026"
        assert formats.date_format(day, "YEAR_MONTH_FORMAT") == "2026 жылғы қараша"
        assert formats.number_format(12345.5, 1, force_grouping=True) == "12\xa0345,5"
        assert [ngettext("%(counter)s resource", "%(counter)s resources", n) % {"counter": n} for n in (1, 3, 5)] == [
            "1 ресурс",
            "3 ресурс",
            "5 ресурс",
        ]
    with translation.override("ru"):
        assert formats.date_format(day) == "30 ноября 2026 г."
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "30.11.2026"
        assert [
            ngettext("%(counter)s resource", "%(counter)s resources", n) % {"counter": n} for n in (1, 3, 5, 21)
        ] == ["1 ресурс", "3 ресурса", "5 ресурсов", "21 ресурс"]


def test_an_event_page_gives_its_date_in_the_pages_language(client, events_network):  # noqa: F811
    event = events_network["event"]
    for code, pattern in (("kk", KAZAKH_DATE), ("ru", RUSSIAN_DATE)):
        page = event.get_translation(event.locale.__class__.objects.get(language_code=code))
        html = client.get(page.url).content.decode()
        assert pattern.search(html), (code, re.findall(r"<time[^>]*>[^<]*</time>", html))
    assert "ж. " not in client.get(event.url).content.decode()  # no abbreviated year left


def test_the_registration_e_mail_gives_the_date_in_the_teachers_language(
    client, events_network, django_capture_on_commit_callbacks
):  # noqa: F811
    desk = services.open_desk(events_network["event"], capacity=5)
    for name in ("aigerim", "ivan"):
        client.force_login(events_network[name])
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("attendance:register", args=[desk.pk]), {"next": "/"})
    kazakh, russian = mail.outbox
    assert kazakh.subject == f"Сіз тіркелдіңіз: {TITLES['kk']}"
    start = timezone.localtime(events_network["event"].start)
    with translation.override("kk"):
        assert formats.date_format(start, "DATETIME_FORMAT") in kazakh.body
    assert KAZAKH_DATE.search(kazakh.body) and not RUSSIAN_DATE.search(kazakh.body)
    assert RUSSIAN_DATE.search(russian.body) and not KAZAKH_DATE.search(russian.body)


def test_the_certificate_pdf_gives_dates_in_the_holders_language(client, events_network):  # noqa: F811
    desk = services.open_desk(events_network["event"], capacity=5)
    for name in ("aigerim", "ivan"):
        services.register(desk.pk, events_network[name])
    event = events_network["event"]
    event.start = timezone.now() - datetime.timedelta(days=2)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save()
    services.mark_attendance(desk.pk, Registration.objects.values_list("pk", flat=True), by=events_network["moderator"])
    RegistrationDesk.objects.filter(pk=desk.pk).update(hours=3)
    services.issue_batch(desk.pk)

    texts = {}
    for name in ("aigerim", "ivan"):
        certificate = Certificate.objects.get(registration__user=events_network[name])
        client.force_login(events_network[name])
        texts[name] = pdf_text(client.get(reverse("attendance:certificate", args=[certificate.number])).content)
    # "Бұл сертификат / <name> / мына іс-шараға қатысқаны үшін берілді:": the name needs no case ending.
    assert "Бұл сертификат\nӘйгерім Бекова\nмына іс-шараға қатысқаны үшін берілді:" in texts["aigerim"]
    assert len(KAZAKH_DATE.findall(texts["aigerim"])) == 2  # the event's date and the date of issue
    assert len(RUSSIAN_DATE.findall(texts["ivan"])) == 2
    assert not RUSSIAN_DATE.search(texts["aigerim"]) and not KAZAKH_DATE.search(texts["ivan"])
