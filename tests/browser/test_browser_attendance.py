"""A teacher registers for an event and cancels in a real browser; anyone checks a certificate's number."""

import pytest
from django.test import Client
from django.utils import translation

from attendance import services
from attendance.tests.fixtures import TITLES, events_network  # noqa: F401
from tests.browser.support import assert_fits_width, assert_no_serious_axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_teacher_registers_sees_the_link_and_cancels_on_a_phone(events_network, live_server, phone_page):
    services.open_desk(events_network["event"], capacity=20)
    sign_in(phone_page, live_server, events_network["aigerim"])
    with translation.override("kk"):
        url = events_network["event"].get_url()
    phone_page.goto(live_server.url + url)
    box = phone_page.locator(".registration-box")
    assert "Бос орындар: 20 / 20" in box.inner_text()
    assert phone_page.locator("a[href='https://meet.example.kz/lesson-study']").count() == 0

    box.get_by_role("button", name="Тіркелу").click()

    phone_page.wait_for_selector("text=Сіз тіркелдіңіз.")
    assert "Бос орындар: 19 / 20" in phone_page.locator(".registration-box").inner_text()
    assert phone_page.locator("a[href='https://meet.example.kz/lesson-study']").count() == 2
    assert_no_serious_axe_violations(phone_page)
    save_screenshot(phone_page, "attendance-registered-kk-390")

    phone_page.locator(".registration-box").get_by_role("button", name="Тіркелуден бас тарту").click()

    phone_page.wait_for_selector("text=Тіркелуіңіз тоқтатылды.")
    assert "Бос орындар: 20 / 20" in phone_page.locator(".registration-box").inner_text()


def test_anyone_checks_a_certificate_number(events_network, live_server, phone_page, desktop_page):
    desk = services.open_desk(events_network["event"], capacity=20)
    services.register(desk.pk, events_network["ivan"])
    from django.utils import timezone

    from attendance.models import Registration, RegistrationDesk
    from network.models import EventPage

    start = timezone.now() - timezone.timedelta(days=1)
    EventPage.objects.filter(translation_key=events_network["event"].translation_key).update(
        start=start, end=start + timezone.timedelta(hours=2)
    )
    RegistrationDesk.objects.update(event_start=start)
    services.mark_attendance(desk.pk, Registration.objects.values_list("pk", flat=True), by=events_network["editor"])
    services.issue_batch(desk.pk)
    number = Registration.objects.get().certificate.number
    for page, width in ((phone_page, 390), (desktop_page, 1280)):
        page.goto(f"{live_server.url}/ru/verify/")
        page.get_by_label("Номер документа").fill(number.lower())
        page.get_by_role("button", name="Проверить").click()
        page.wait_for_selector("text=Подлинный: документ выдан сетью.")
        assert "Иван Петров" in page.content() and TITLES["ru"] in page.content()
        assert_fits_width(page)
        assert_no_serious_axe_violations(page)
        save_screenshot(page, f"attendance-verify-ru-{width}")
