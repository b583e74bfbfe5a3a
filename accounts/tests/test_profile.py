"""The teacher's profile, closing an account, and the privacy notice that says what is kept."""

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from wagtail.users.models import UserProfile

from accounts.models import AffiliationRequest, TeacherProfile
from accounts.names import display_name
from follow.models import Subscriber
from network.models import LeadingSchoolPage, Teacher
from workflows import rules
from workflows.factories import complete_draft
from workflows.models import SchoolMembership, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher(django_user_model):
    user = django_user_model.objects.create_user(
        "aigerim", "aigerim@school.kz", "pass-for-tests", first_name="Айгерім", last_name="Жақыпова"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_the_profile_offers_the_latin_name_and_the_reviews_own_lists(client, homes, teacher):
    client.force_login(teacher)
    page = client.get("/kk/account/profile/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'value="Aygerim Zhaqypova"' in html  # transliterated from the Cyrillic name, for the teacher to correct
    form = page.context["form"]
    assert [code for code, _label in form.fields["category"].choices][1:] == list(rules.Category.values)
    assert "mathematics" in dict(form.fields["subjects"].choices)


def test_saving_the_profile_writes_the_name_the_language_and_the_subjects(client, homes, teacher):
    client.force_login(teacher)
    response = client.post(
        "/kk/account/profile/",
        {
            "first_name": "Айгерім",
            "last_name": "Жақыпова",
            "latin_name": "Aigerim Zhakypova",
            "position": "Математика мұғалімі",
            "subjects": ["mathematics", "physics"],
            "category": "teacher_researcher",
            "preferred_language": "ru",
        },
    )
    assert response.status_code == 302
    profile = TeacherProfile.objects.get(user=teacher)
    assert profile.subjects == ["mathematics", "physics"] and profile.category == "teacher_researcher"
    assert UserProfile.objects.get(user=teacher).preferred_language == "ru"
    teacher.refresh_from_db()
    assert display_name(teacher, "en") == "Aigerim Zhakypova"
    assert display_name(teacher, "kk") == "Айгерім Жақыпова"


def test_a_bad_profile_is_refused_in_the_visitors_language_and_keeps_what_was_typed(client, homes, teacher):
    client.force_login(teacher)
    response = client.post(
        "/ru/account/profile/",
        {
            "first_name": "",
            "last_name": "Жақыпова",
            "position": "Учитель физики",
            "subjects": ["astrology"],
            "category": "grand_master",
            "preferred_language": "ru",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Требуется заполнить это поле." in html and "Выберите корректный вариант." in html
    assert 'value="Учитель физики"' in html
    assert not TeacherProfile.objects.filter(user=teacher).exists()


def test_the_teachers_pages_need_a_signed_in_teacher(client, homes):
    for url in ("/kk/account/profile/", "/kk/account/school/", "/kk/account/close/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/kk/account/login/")


def test_closing_an_account_removes_personal_data_and_keeps_the_submissions(client, demo_network, teacher):
    school = LeadingSchoolPage.objects.get(slug="school-54", locale__language_code="kk")
    membership = SchoolMembership.objects.create(user=teacher, school=school)
    teacher.school_membership = membership
    submission = complete_draft(teacher)
    TeacherProfile.objects.create(user=teacher, latin_name="Aigerim", position="Мұғалім")
    AffiliationRequest.objects.create(user=teacher, school=school, status="confirmed")
    Teacher.objects.create(full_name="Айгерім Жақыпова", school=school, user=teacher)
    Subscriber.objects.create(email="aigerim@school.kz", language="kk", consented_at=timezone.now())
    client.force_login(teacher)

    refused = client.post("/kk/account/close/", {"password": "wrong"})
    assert refused.status_code == 200 and "Құпиясөз дұрыс емес." in refused.content.decode()
    teacher.refresh_from_db()
    assert teacher.is_active and TeacherProfile.objects.filter(user=teacher).exists()

    closed = client.post("/kk/account/close/", {"password": "pass-for-tests"})
    assert closed.status_code == 200 and "Тіркелгіңіз жабылды" in closed.content.decode()
    teacher.refresh_from_db()
    assert not teacher.is_active and teacher.email == "" and not teacher.has_usable_password()
    assert teacher.username == f"closed-{teacher.pk}"
    for model in (EmailAddress, TeacherProfile, AffiliationRequest, SchoolMembership):
        assert not model.objects.filter(user=teacher).exists(), model
    assert not Subscriber.objects.filter(email="aigerim@school.kz").exists()
    # The official record stays, with its author's name; the published author record stays, unlinked.
    assert Submission.objects.get(pk=submission.pk).author == teacher
    assert teacher.get_full_name() == "Айгерім Жақыпова"
    assert Teacher.objects.get(full_name="Айгерім Жақыпова").user is None
    # Signed out, and cannot sign in again.
    assert "_auth_user_id" not in client.session
    assert (
        client.post("/kk/account/login/", {"login": "aigerim@school.kz", "password": "pass-for-tests"}).status_code
        == 200
    )


@pytest.mark.parametrize(
    "language, kept",
    [
        ("kk", "біліктілік санаты соларға негізделуі мүмкін"),
        ("ru", "на них может основываться квалификационная категория"),
        ("en", "a qualification category may rest on them"),
    ],
)
def test_the_privacy_page_says_what_is_kept_and_why(client, homes, language, kept):
    response = client.get(f"/{language}/privacy/")
    assert response.status_code == 200 and kept in response.content.decode()
