"""A teacher asks to join their school; its head or editors confirm or decline it in the admin, and only theirs."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from accounts.models import AffiliationRequest, TeacherProfile
from network.models import LeadingSchoolPage, PartnerSchool, SchoolWorkspace, Teacher
from workflows.factories import reviewer
from workflows.models import ReviewerRole, SchoolMembership

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers a PermissionDenied by sending the user to the dashboard with a message."""
    return response.status_code == 302 and response.url == "/admin/"


def school(slug, code="kk"):
    return LeadingSchoolPage.objects.get(slug=slug, locale__language_code=code)


@pytest.fixture
def people(demo_network, django_user_model):
    a, b = school("school-54"), school("school-159")

    def user(name, group=None, language=""):
        person = django_user_model.objects.create_user(
            name, f"{name}@school.kz", "pass-for-tests", first_name="Айгерім", last_name="Бекова"
        )
        if group:
            person.groups.add(group)
        if language:
            UserProfile.objects.update_or_create(user=person, defaults={"preferred_language": language})
        return person

    head_a = reviewer("head_a", ReviewerRole.Role.SCHOOL_HEAD, school=a)
    return {
        "a": a,
        "b": b,
        "teacher": user("teacher", language="ru"),
        "editor_a": user("editor_a", SchoolWorkspace.objects.get(translation_key=a.translation_key).editors),
        "editor_b": user("editor_b", SchoolWorkspace.objects.get(translation_key=b.translation_key).editors),
        "head_a": head_a,
    }


def test_an_unconfirmed_teacher_is_told_why_and_what_to_do(client, people):
    client.force_login(people["teacher"])
    page = client.get("/ru/account/school/").content.decode()
    assert "Пока вы не можете отправить заявку" in page and "Найдите свою школу" in page
    assert client.get("/kk/account/school/").content.decode().count("Әзірге өтінім жібере алмайсыз") == 1


def test_finding_a_school_costs_the_same_few_queries_whatever_the_region_holds(client, people):
    a = people["a"]
    client.force_login(people["teacher"])
    # The Russian version of the region and of the school: the teacher searches in their language.
    region_ru = a.region.get_translation(a.get_translation(a.locale.__class__.objects.get(language_code="ru")).locale)
    with CaptureQueriesContext(connection) as everything:
        page = client.get("/ru/account/school/", {"region": region_ru.pk, "school_name": ""})
    with CaptureQueriesContext(connection) as narrowed:
        narrow_page = client.get("/ru/account/school/", {"region": region_ru.pk, "school_name": "54"})
    assert page.status_code == 200
    found = page.context["found"]
    assert {item.value.split(":")[0] for item in found} == {"school", "partner"}
    assert [item.name for item in narrow_page.context["found"]] == [a_ru_title(a)]
    # Session, user, locale, regions, the two searches, history, profile, membership, and what base.html costs.
    assert len(everything) == len(narrowed) <= 16
    search_queries = [
        q["sql"]
        for q in everything.captured_queries
        if 'FROM "network_partnerschool"' in q["sql"] or 'FROM "network_leadingschoolpage"' in q["sql"]
    ]
    assert len(search_queries) == 2  # one for Leading Schools, one for partner schools


def a_ru_title(school):
    return school.get_translation(school.locale.__class__.objects.get(language_code="ru")).title


def test_ask_confirm_and_the_teacher_becomes_an_author_of_their_school(
    client, people, django_capture_on_commit_callbacks
):
    a, teacher = people["a"], people["teacher"]
    TeacherProfile.objects.create(user=teacher, latin_name="Aigerim Bekova", position="Учитель математики")
    client.force_login(teacher)
    a_ru = a.get_translation(a.locale.__class__.objects.get(language_code="ru"))
    response = client.post(
        "/ru/account/school/join/", {"organisation": f"school:{a_ru.pk}", "position": "Учитель математики"}
    )
    assert response.status_code == 302
    request = AffiliationRequest.objects.get(user=teacher)
    assert request.status == "pending" and request.school == a  # the default-language page the roles name
    assert "Ваш запрос ждёт ответа школы" in client.get("/ru/account/school/").content.decode()
    assert client.get("/admin/").status_code == 302  # a teacher has no admin

    client.force_login(people["editor_a"])
    listing = client.get("/admin/teachers/")
    assert listing.status_code == 200 and "teacher@school.kz" in listing.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/teachers/{request.pk}/confirm/")
    assert response.status_code == 302
    membership = SchoolMembership.objects.get(user=teacher)
    assert membership.school == a and membership.partner_school is None
    assert membership.position == "Учитель математики"
    record = Teacher.objects.get(user=teacher)
    assert record in Teacher.objects.of_school(a) and record.full_name == "Айгерім Бекова"
    assert [m.to for m in mail.outbox] == [["teacher@school.kz"]]
    assert mail.outbox[0].subject == "Ваша школа подтвердила вас"
    assert "/ru/account/school/" in mail.outbox[0].body

    client.force_login(teacher)
    assert "Школа подтвердила вас" in client.get("/ru/account/school/").content.decode()
    # Confirming twice is told, not repeated.
    client.force_login(people["editor_a"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/teachers/{request.pk}/confirm/")
    assert len(mail.outbox) == 1


def test_an_editor_sees_and_decides_only_their_own_schools_requests(client, people):
    request = AffiliationRequest.objects.create(user=people["teacher"], school=people["a"])
    client.force_login(people["editor_b"])
    assert "teacher@school.kz" not in client.get("/admin/teachers/").content.decode()
    assert refused(client.post(f"/admin/teachers/{request.pk}/confirm/"))
    assert refused(client.post(f"/admin/teachers/{request.pk}/decline/", {"reason": "no"}))
    assert refused(client.post(f"/admin/teachers/{request.pk}/decline/", {"reason": ""}))
    assert refused(client.post("/admin/teachers/999999/confirm/"))
    request.refresh_from_db()
    assert request.status == "pending" and not SchoolMembership.objects.filter(user=people["teacher"]).exists()
    # A teacher, and a user with no school at all, have no such page.
    client.force_login(people["teacher"])
    assert client.get("/admin/teachers/").status_code == 302


def test_the_head_declines_with_a_reason_the_teacher_reads_in_their_language(
    client, people, django_capture_on_commit_callbacks
):
    request = AffiliationRequest.objects.create(user=people["teacher"], school=people["a"])
    client.force_login(people["head_a"])
    assert client.post(f"/admin/teachers/{request.pk}/decline/", {"reason": ""}).status_code == 302
    request.refresh_from_db()
    assert request.status == "pending"  # a decline needs its reason
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/teachers/{request.pk}/decline/", {"reason": "Не работает в нашей школе"})
    request.refresh_from_db()
    assert request.status == "declined" and request.decided_by == people["head_a"]
    assert mail.outbox[0].subject == "Ваш запрос на присоединение к школе отклонён"
    assert "Не работает в нашей школе" in mail.outbox[0].body
    client.force_login(people["teacher"])
    assert "Не работает в нашей школе" in client.get("/ru/account/school/").content.decode()


def test_a_partner_schools_teacher_and_moving_school_keeps_the_history(client, people):
    a, b, teacher = people["a"], people["b"], people["teacher"]
    SchoolMembership.objects.create(user=teacher, school=a)
    partner = PartnerSchool.objects.filter(leading_school=b).first()
    client.force_login(teacher)
    client.post("/kk/account/school/join/", {"organisation": f"partner:{partner.pk}"})
    # Until the new school confirms, the teacher stays at the old one.
    assert SchoolMembership.objects.get(user=teacher).school == a
    request = AffiliationRequest.objects.get(user=teacher, status="pending")
    assert request.school == b and request.partner_school == partner
    # The head of A (not of this partner school) does not decide it; B's editors do.
    client.force_login(people["head_a"])
    assert refused(client.post(f"/admin/teachers/{request.pk}/confirm/"))
    client.force_login(people["editor_b"])
    client.post(f"/admin/teachers/{request.pk}/confirm/")
    membership = SchoolMembership.objects.get(user=teacher)
    assert (membership.school, membership.partner_school) == (b, partner)
    # Asking again withdraws the pending one; every request stays in the history.
    client.force_login(teacher)
    client.post("/kk/account/school/join/", {"organisation": f"school:{a.pk}"})
    client.post("/kk/account/school/join/", {"organisation": f"school:{b.pk}"})
    assert list(AffiliationRequest.objects.filter(user=teacher).values_list("status", flat=True)) == [
        "pending",
        "withdrawn",
        "confirmed",
    ]


def test_a_forged_school_is_refused_with_a_translated_message(client, people):
    client.force_login(people["teacher"])
    response = client.post("/kk/account/school/join/", {"organisation": "school:999999"}, follow=True)
    assert "Мектебіңізді іздеу нәтижелерінен таңдаңыз." in response.content.decode()
    assert not AffiliationRequest.objects.exists()
