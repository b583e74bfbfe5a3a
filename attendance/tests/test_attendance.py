"""Event registration, the waiting list, attendance, certificates and their verification, through real URLs."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from attendance import services
from attendance.models import Certificate, Registration, RegistrationDesk
from attendance.notifications import send_due_reminders
from attendance.tests.fixtures import TITLES, events_network, make_event  # noqa: F401
from network.models import EventPage
from tests.pdf_support import pdf_text

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def url_of(page, language="kk"):
    with translation.override(language):
        return page.get_url()


def in_language(event, code):
    return EventPage.objects.get(translation_key=event.translation_key, locale__language_code=code)


@pytest.fixture
def desk(events_network):
    return services.open_desk(events_network["event"], capacity=2)


def register(client, user, desk, capture):
    client.force_login(user)
    with capture(execute=True):
        return client.post(reverse("attendance:register", args=[desk.pk]), {"next": "/"})


def test_registration_confirms_and_mails_the_ics_in_the_teachers_language(
    client, events_network, desk, django_capture_on_commit_callbacks
):
    response = register(client, events_network["ivan"], desk, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    registration = Registration.objects.get(user=events_network["ivan"])
    assert registration.status == "confirmed"
    desk.refresh_from_db()
    assert desk.seats_taken == 1 and desk.seats_left == 1
    # The monitoring copy of the event's facts.
    event = events_network["event"]
    assert (registration.school_id, registration.region_id, registration.event_kind) == (
        event.school_id,
        event.region_id,
        "seminar",
    )
    [message] = mail.outbox
    assert message.to == ["ivan@example.kz"] and message.extra_headers["Content-Language"] == "ru"
    assert message.subject == f"Вы зарегистрированы: {TITLES['ru']}"
    assert "https://meet.example.kz/lesson-study" in message.body
    [(name, ics, kind)] = message.attachments
    assert name == "event.ics" and kind == "text/calendar"
    assert "BEGIN:VEVENT" in ics and "Lesson Study" in ics
    # Registering twice changes nothing.
    register(client, events_network["ivan"], desk, django_capture_on_commit_callbacks)
    desk.refresh_from_db()
    assert desk.seats_taken == 1 and len(mail.outbox) == 1


def test_full_event_gives_the_waiting_list_and_a_cancellation_promotes_the_first(
    client, events_network, desk, django_capture_on_commit_callbacks
):
    for name in ("aigerim", "ivan", "john"):
        register(client, events_network[name], desk, django_capture_on_commit_callbacks)
    statuses = dict(Registration.objects.values_list("user__username", "status"))
    assert statuses == {"aigerim": "confirmed", "ivan": "confirmed", "john": "waiting"}
    assert mail.outbox[-1].subject == f"You are on the waiting list: {TITLES['en']}"
    desk.refresh_from_db()
    assert desk.seats_taken == 2 and desk.is_full
    # The event page (any language) says so, and offers the waiting list.
    client.force_login(events_network["john"])
    content = client.get(url_of(in_language(events_network["event"], "ru"), "ru")).content.decode()
    assert "Осталось мест: 0 из 2" in content and "Вы в листе ожидания." in content
    mail.outbox.clear()
    aigerim = Registration.objects.get(user=events_network["aigerim"])
    client.force_login(events_network["aigerim"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("attendance:cancel", args=[aigerim.pk]))
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("user__username", "status"))
    assert statuses == {"aigerim": "cancelled", "ivan": "confirmed", "john": "confirmed"}
    [message] = mail.outbox
    assert message.to == ["john@example.kz"]
    assert message.subject == f"A seat has freed up, you are registered: {TITLES['en']}"
    assert message.attachments
    desk.refresh_from_db()
    assert desk.seats_taken == 2


def test_only_the_teacher_cancels_their_registration(client, events_network, desk, django_capture_on_commit_callbacks):
    register(client, events_network["ivan"], desk, django_capture_on_commit_callbacks)
    registration = Registration.objects.get(user=events_network["ivan"])
    client.force_login(events_network["john"])
    assert client.post(reverse("attendance:cancel", args=[registration.pk])).status_code == 404
    client.logout()
    response = client.post(reverse("attendance:cancel", args=[registration.pk]))
    assert response.status_code == 302 and "login" in response.url
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_more_seats_promote_the_waiting_list(events_network, desk, django_capture_on_commit_callbacks):
    for name in ("aigerim", "ivan", "john"):
        services.register(desk.pk, events_network[name])
    with django_capture_on_commit_callbacks(execute=True):
        services.update_settings(desk.pk, is_open=True, capacity=3, deadline=None, hours=3)
    assert Registration.objects.get(user=events_network["john"]).status == "confirmed"
    assert mail.outbox[-1].to == ["john@example.kz"]


def test_deadline_and_closing_refuse_registration_with_a_translated_message(client, events_network, desk):
    RegistrationDesk.objects.filter(pk=desk.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(events_network["ivan"])
    page_url = url_of(in_language(events_network["event"], "ru"), "ru")
    response = client.post(
        reverse("attendance:register", args=[desk.pk]), {"next": page_url}, HTTP_ACCEPT_LANGUAGE="ru", follow=True
    )
    assert "Регистрация на это мероприятие закрыта." in response.content.decode()
    assert not Registration.objects.exists()
    RegistrationDesk.objects.filter(pk=desk.pk).update(deadline=None, is_open=False)
    with pytest.raises(services.RegistrationError):
        services.register(desk.pk, events_network["ivan"])
    RegistrationDesk.objects.filter(pk=desk.pk).update(is_open=True)
    assert services.register(desk.pk, events_network["ivan"]).status == "confirmed"


def test_online_link_only_for_registered_teachers_and_anonymous_visitors_are_asked_to_sign_in(
    client, events_network, desk
):
    link = "https://meet.example.kz/lesson-study"
    page_url = url_of(events_network["event"])
    content = client.get(page_url).content.decode()
    assert link not in content
    assert "Тіркелу үшін кіріңіз" in content
    response = client.post(reverse("attendance:register", args=[desk.pk]), {"next": page_url})
    assert response.status_code == 302 and "login" in response.url and not Registration.objects.exists()
    client.force_login(events_network["ivan"])
    assert link not in client.get(page_url).content.decode()
    services.register(desk.pk, events_network["ivan"])
    assert link in client.get(page_url).content.decode()
    # The public calendar file no longer gives it away either.
    ics = client.get(reverse("follow:event_ics", args=[events_network["event"].pk])).content.decode()
    assert link not in ics
    rss = client.get(reverse("follow:rss", args=["events"])).content.decode()
    assert TITLES["kk"] in rss and link not in rss
    # An event that takes no registrations keeps its link public.
    assert "https://meet.example.kz" in client.get(url_of(events_network["other_event"])).content.decode()


def test_network_events_filter_open_for_registration(client, events_network, desk):
    from network.models import NetworkEventsPage

    network_page = NetworkEventsPage(title="Іс-шаралар", slug="network-events", live=True)
    events_network["home"].add_child(instance=network_page)
    every = client.get(url_of(network_page)).content.decode()
    assert TITLES["kk"] in every and "Шеберлік сыныбы" in every
    only_open = client.get(url_of(network_page) + "?registration=open").content.decode()
    assert TITLES["kk"] in only_open and "Шеберлік сыныбы" not in only_open


def test_teachers_list_of_registrations(client, events_network, desk):
    services.register(desk.pk, events_network["ivan"])
    client.force_login(events_network["ivan"])
    with translation.override("ru"):
        content = client.get(reverse("attendance:mine")).content.decode()
    assert TITLES["ru"] in content and "Предстоящие" in content
    client.logout()
    with translation.override("ru"):
        assert client.get(reverse("attendance:mine")).status_code == 302


def test_the_cabinet_lists_the_teachers_events(client, events_network, desk):
    services.register(desk.pk, events_network["ivan"])
    client.force_login(events_network["ivan"])
    with translation.override("ru"):
        content = client.get(reverse("cabinet:home")).content.decode()
    assert "Мои мероприятия" in content and TITLES["ru"] in content and "Предстоящие" in content


@pytest.mark.parametrize(
    "language, said, events_title",
    [("kk", "Желінің іс-шараларын қараңыз", "Іс-шаралар"), ("ru", "Посмотрите мероприятия сети", "Мероприятия")],
)
def test_a_teacher_with_no_events_is_shown_where_the_events_are(client, events_network, language, said, events_title):
    from home.models import HomePage
    from network.factories import NetworkEventsPageFactory

    client.force_login(events_network["aigerim"])
    with translation.override(language):
        assert said not in client.get(reverse("cabinet:home")).content.decode()  # no network events page yet
        home = HomePage.objects.get(locale__language_code=language)
        events_page = NetworkEventsPageFactory(parent=home, title=events_title, slug="events", published=True)
        content = client.get(reverse("cabinet:home")).content.decode()
    assert f'<a href="{events_page.url}">{said}</a>' in content


# Organisers ---------------------------------------------------------------------------------------------------------


def refused(response):
    """Wagtail's admin answers a PermissionDenied by sending the user to the dashboard with a message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_organiser_opens_registration_and_exports_csv_and_xlsx(client, events_network):
    event = events_network["event"]
    client.force_login(events_network["editor"])
    assert client.post(reverse("attendance_admin:open", args=[event.pk])).status_code == 302
    desk = RegistrationDesk.objects.get(event_key=event.translation_key)
    services.register(desk.pk, events_network["ivan"])
    response = client.post(
        reverse("attendance_admin:settings", args=[event.pk]),
        {"is_open": "on", "capacity": "30", "deadline": "", "hours": "4"},
    )
    assert response.status_code == 302
    desk.refresh_from_db()
    assert (desk.capacity, desk.hours) == (30, 4)
    page = client.get(reverse("attendance_admin:event", args=[event.pk]))
    assert page.status_code == 200 and "Иван Петров" in page.content.decode()
    csv = b"".join(
        client.get(reverse("attendance_admin:report", args=[event.pk]) + "?export=csv").streaming_content
    ).decode()
    assert "Петров,Иван,ivan@example.kz" in csv
    xlsx = client.get(reverse("attendance_admin:report", args=[event.pk]) + "?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "Иван Петров" in client.get(reverse("attendance_admin:report", args=[event.pk])).content.decode()
    # Fewer seats than are taken: refused, nothing changed.
    services.register(desk.pk, events_network["john"])
    response = client.post(
        reverse("attendance_admin:settings", args=[event.pk]),
        {"is_open": "on", "capacity": "1", "deadline": "", "hours": "4"},
        follow=True,
    )
    desk.refresh_from_db()
    assert desk.capacity == 30


def test_other_schools_organisers_and_anonymous_visitors_are_refused(client, events_network, desk):
    event = events_network["event"]
    services.register(desk.pk, events_network["ivan"])
    registration = Registration.objects.get()
    urls = [
        reverse("attendance_admin:event", args=[event.pk]),
        reverse("attendance_admin:report", args=[event.pk]),
        reverse("attendance_admin:report", args=[event.pk]) + "?export=csv",
    ]
    posts = [
        (reverse("attendance_admin:open", args=[event.pk]), {}),
        (reverse("attendance_admin:settings", args=[event.pk]), {"capacity": "1", "hours": "1"}),
        (reverse("attendance_admin:attendance", args=[event.pk]), {"present": [registration.pk]}),
        (reverse("attendance_admin:issue", args=[event.pk]), {}),
    ]
    client.force_login(events_network["other_editor"])
    for url in urls:
        assert refused(client.get(url)), url
    for url, data in posts:
        assert refused(client.post(url, data)), url
    index = client.get(reverse("attendance_admin:index")).content.decode()
    assert "Шеберлік сыныбы" in index and TITLES["kk"] not in index
    client.logout()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url
    # A teacher without an admin role sees no organiser pages.
    client.force_login(events_network["ivan"])
    assert client.get(reverse("attendance_admin:event", args=[event.pk])).status_code == 302
    registration.refresh_from_db()
    desk.refresh_from_db()
    assert (registration.attended, desk.capacity, desk.attendance_marked_at) == (False, 2, None)


def past(event):
    start = timezone.now() - datetime.timedelta(days=2)
    EventPage.objects.filter(translation_key=event.translation_key).update(
        start=start, end=start + datetime.timedelta(hours=3)
    )


def test_attendance_in_bulk_then_certificates_for_those_present(
    client, events_network, desk, django_capture_on_commit_callbacks
):
    event = events_network["event"]
    for name in ("aigerim", "ivan", "john"):
        services.update_settings(desk.pk, is_open=True, capacity=3, deadline=None, hours=3)
        services.register(desk.pk, events_network[name])
    client.force_login(events_network["moderator"])
    # Not before the event.
    client.post(reverse("attendance_admin:issue", args=[event.pk]))
    assert not Certificate.objects.exists()
    past(event)
    present = list(Registration.objects.exclude(user__username="john").values_list("pk", flat=True))
    client.post(reverse("attendance_admin:attendance", args=[event.pk]), {"present": present})
    assert set(Registration.objects.filter(attended=True).values_list("user__username", flat=True)) == {
        "aigerim",
        "ivan",
    }
    desk.refresh_from_db()  # the desk records that the moderator marked it (monitoring counts it as marked)
    assert desk.attendance_marked_by == events_network["moderator"] and desk.attendance_marked_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("attendance_admin:issue", args=[event.pk]))
    certificates = Certificate.objects.order_by("holder_name")
    assert [c.holder_name for c in certificates] == ["Иван Петров", "Әйгерім Бекова"]
    assert all(c.hours == 3 and c.school_id == event.school_id and c.event_kind == "seminar" for c in certificates)
    desk.refresh_from_db()
    assert (desk.issue_total, desk.issue_done, desk.issue_in_progress) == (2, 2, False)
    content = client.get(reverse("attendance_admin:event", args=[event.pk])).content.decode()
    assert certificates[0].number in content
    # A second run issues nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("attendance_admin:issue", args=[event.pk]))
    assert Certificate.objects.count() == 2


def test_bulk_issue_runs_in_batches_and_shows_progress(
    events_network, desk, monkeypatch, django_user_model, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "ISSUE_BATCH", 7)
    services.update_settings(desk.pk, is_open=True, capacity=None, deadline=None, hours=2)
    users = django_user_model.objects.bulk_create(
        [django_user_model(username=f"teacher{n}", first_name="Мұғалім", last_name=str(n)) for n in range(30)]
    )
    for user in users:
        services.register(desk.pk, user)
    past(events_network["event"])
    services.mark_attendance(desk.pk, Registration.objects.values_list("pk", flat=True), by=events_network["editor"])
    seen = []
    original = services.issue_batch

    def watching(desk_id):
        count = original(desk_id)
        seen.append(RegistrationDesk.objects.values_list("issue_done", flat=True).get(pk=desk_id))
        return count

    monkeypatch.setattr(services, "issue_batch", watching)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.start_issue(desk.pk) == 30
    assert seen == [7, 14, 21, 28, 30, 30]
    assert Certificate.objects.count() == 30


def issued(events_network, desk, name):
    services.register(desk.pk, events_network[name])
    past(events_network["event"])
    services.mark_attendance(desk.pk, Registration.objects.values_list("pk", flat=True), by=events_network["editor"])
    RegistrationDesk.objects.filter(pk=desk.pk).update(hours=3)
    services.issue_batch(desk.pk)
    return Certificate.objects.get(registration__user=events_network[name])


def normalised(text, certificate, language):
    """The PDF's text with what changes from run to run (number, dates, host) replaced by placeholders."""
    from attendance.documents import local_date

    with translation.override(language):
        for value in (certificate.event_start, certificate.issued_at):
            text = text.replace(local_date(value), "<DATE>")
    text = text.replace(certificate.number, "<NUMBER>")
    return re.sub(r"https?://[^/\s]+", "<SITE>", text)


def check_reference(name, text):
    path = DATA / name
    if os.environ.get("UPDATE_PDF_REFERENCES") or not path.exists():
        path.write_text(text + "\n", encoding="utf-8")
    assert text + "\n" == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name,language,expected",
    [
        ("aigerim", "kk", ["ҚАТЫСУ ТУРАЛЫ СЕРТИФИКАТ", "Әйгерім Бекова", TITLES["kk"], "Семинар"]),
        ("ivan", "ru", ["СЕРТИФИКАТ УЧАСТНИКА", "Иван Петров", TITLES["ru"], "Семинар"]),
        ("john", "en", ["CERTIFICATE OF PARTICIPATION", "John Smith", TITLES["en"], "Seminar"]),
    ],
)
def test_certificate_pdf_in_the_holders_language(client, events_network, desk, name, language, expected):
    certificate = issued(events_network, desk, name)
    client.force_login(events_network[name])
    response = client.get(reverse("attendance:certificate", args=[certificate.number]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Language"] == language
    if os.environ.get("SAVE_PDF_DIR"):
        (DATA.parent / os.environ["SAVE_PDF_DIR"]).mkdir(exist_ok=True)
        (DATA.parent / os.environ["SAVE_PDF_DIR"] / f"certificate_{language}.pdf").write_bytes(response.content)
    text = pdf_text(response.content)
    for phrase in expected + [certificate.number, "№ 1 жетекші мектеп"]:
        assert phrase in text, phrase
    with translation.override(language):
        assert reverse("attendance:verify", args=[certificate.number]) in text
    check_reference(f"certificate_{language}.txt", normalised(text, certificate, language))
    # Another teacher may not download it; the organiser may; the other school's may not.
    client.force_login(events_network["aigerim" if name != "aigerim" else "ivan"])
    assert client.get(reverse("attendance:certificate", args=[certificate.number])).status_code == 403
    client.force_login(events_network["editor"])
    assert client.get(reverse("attendance:certificate", args=[certificate.number])).status_code == 200
    client.force_login(events_network["other_editor"])
    assert client.get(reverse("attendance:certificate", args=[certificate.number])).status_code == 403


def test_verification_page_genuine_unknown_and_revoked(client, events_network, desk):
    certificate = issued(events_network, desk, "ivan")
    with translation.override("ru"):
        url = reverse("attendance:verify", args=[certificate.number])
    response = client.get(url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Подлинный: документ выдан сетью." in content
    assert certificate.number in content and "Иван Петров" in content and TITLES["ru"] in content
    assert "ivan@example.kz" not in content
    with translation.override("en"):
        unknown = client.get(reverse("attendance:verify_form") + "?number=LS-AAAAA-BBBBB")
    assert unknown.status_code == 404 and "Unknown number." in unknown.content.decode()
    # The other school's organiser may not revoke; the school's own may, with a reason.
    client.force_login(events_network["other_editor"])
    assert refused(client.post(reverse("attendance_admin:revoke", args=[certificate.pk]), {"reason": "x"}))
    client.force_login(events_network["editor"])
    client.post(reverse("attendance_admin:revoke", args=[certificate.pk]), {"reason": ""})
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    client.post(reverse("attendance_admin:revoke", args=[certificate.pk]), {"reason": "Не присутствовал"})
    client.logout()
    content = client.get(url).content.decode()
    assert "Документ отозван." in content and "Не присутствовал" in content
    client.force_login(events_network["ivan"])
    assert client.get(reverse("attendance:certificate", args=[certificate.number])).status_code == 404


def test_reminder_the_day_before_once_in_the_teachers_language(events_network, desk, run_command):
    services.register(desk.pk, events_network["aigerim"])
    assert "0" in run_command("send_event_reminders")
    start = timezone.now() + datetime.timedelta(hours=20)
    EventPage.objects.filter(pk=events_network["event"].pk).update(start=start, end=start + datetime.timedelta(hours=2))
    Registration.objects.update(event_start=start)
    mail.outbox.clear()
    assert send_due_reminders() == 1
    [message] = mail.outbox
    assert message.subject == f"Ертең: {TITLES['kk']}" and message.extra_headers["Content-Language"] == "kk"
    assert send_due_reminders() == 0


def test_event_changes_reach_the_monitoring_copies(events_network, desk):
    services.register(desk.pk, events_network["ivan"])
    event = EventPage.objects.get(pk=events_network["event"].pk)
    event.kind = "master_class"
    event.save()
    assert Registration.objects.get().event_kind == "master_class"
    assert RegistrationDesk.objects.get().event_kind == "master_class"


def test_the_registration_message_is_said_once_on_the_event_page(
    client, events_network, desk, django_capture_on_commit_callbacks
):
    """base.html shows the site's messages; the registration box used to repeat them (seen in a browser)."""
    event = events_network["event"]
    client.force_login(events_network["ivan"])
    with django_capture_on_commit_callbacks(execute=True), translation.override("kk"):
        response = client.post(reverse("attendance:register", args=[desk.pk]), {"next": event.url}, follow=True)
        said = translation.gettext("You are registered. A confirmation has been sent to your e-mail.")
    assert response.redirect_chain[-1][0] == event.url
    assert response.content.decode().count(said) == 1
