"""Hole 1: sign-in lock-out (django-axes) and the throttled password reset, on the real admin URLs."""

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

ADMIN_LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def reviewer(db, django_user_model):
    user = django_user_model.objects.create_user(
        "reviewer", "reviewer@example.kz", "the-right-password-2026", is_staff=True
    )
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def sign_in(client, password, username="reviewer", **extra):
    return client.post(ADMIN_LOGIN, {"username": username, "password": password}, **extra)


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_the_right_password_signs_in(client, reviewer):
    response = sign_in(client, "the-right-password-2026")
    assert response.status_code == 302 and client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "language, message",
    [
        ("en", "Sign-in temporarily blocked"),
        ("ru", "Вход временно заблокирован"),
        ("kk", "Кіру уақытша бұғатталды"),
    ],
)
def test_wrong_passwords_then_the_right_one_is_refused_with_a_translated_message(
    client, reviewer, language, message, settings
):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, f"guess-{attempt}", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200  # the form again, with its error
    response = sign_in(client, "last-guess", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 429
    response = sign_in(client, "the-right-password-2026", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 429
    assert message in text(response)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still signed out


def test_the_account_is_locked_from_every_address(client, reviewer, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{attempt}", REMOTE_ADDR=f"198.51.100.{attempt + 1}")
    assert sign_in(client, "the-right-password-2026", REMOTE_ADDR="203.0.113.50").status_code == 429


def test_an_address_is_locked_for_every_account(client, reviewer, django_user_model, settings):
    django_user_model.objects.create_user("other", "other@example.kz", "other-right-password", is_staff=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "nope", username=f"someone-{attempt}", REMOTE_ADDR="198.51.100.7")
    assert sign_in(client, "other-right-password", username="other", REMOTE_ADDR="198.51.100.7").status_code == 429
    # Another address is not affected.
    assert sign_in(client, "other-right-password", username="other", REMOTE_ADDR="198.51.100.8").status_code == 302


@override_settings(CLIENT_PROXY_COUNT=1)
def test_a_forged_forwarded_for_does_not_reset_the_count(client, reviewer, django_user_model, settings):
    django_user_model.objects.create_user("other", "other@example.kz", "other-right-password", is_staff=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(
            client,
            "nope",
            username=f"someone-{attempt}",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 203.0.113.9",
        )
    response = sign_in(
        client,
        "other-right-password",
        username="other",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.9",
    )
    assert response.status_code == 429


def test_the_state_is_in_the_database_and_an_administrator_unlocks(client, reviewer, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{attempt}")
    assert AccessAttempt.objects.filter(username="reviewer").exists()
    call_command("axes_reset_username", "reviewer")
    assert not AccessAttempt.objects.filter(username="reviewer").exists()
    assert sign_in(client, "the-right-password-2026").status_code == 302


def test_an_administrator_sees_and_deletes_attempts_in_the_django_admin(client, reviewer, admin_user, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{attempt}")
    attempt = AccessAttempt.objects.get(username="reviewer")
    admin = client.__class__()
    admin.force_login(admin_user)
    assert "reviewer" in text(admin.get("/django-admin/axes/accessattempt/"))
    response = admin.post(f"/django-admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    assert sign_in(client, "the-right-password-2026").status_code == 302


def test_a_teacher_cannot_unlock(client, reviewer, settings, django_user_model):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{attempt}")
    staff = django_user_model.objects.create_user("staff", "s@example.kz", "pw-staff-2026", is_staff=True)
    other = client.__class__()
    other.force_login(staff)
    attempt = AccessAttempt.objects.get(username="reviewer")
    assert other.post(f"/django-admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AccessAttempt.objects.exists()


def test_the_password_reset_sends_mail_until_its_limits(client, reviewer):
    for _ in range(3):
        assert client.post(RESET, {"email": "reviewer@example.kz"}).status_code == 302
    assert len(mail.outbox) == 3
    # Past the per-e-mail limit the same answer, but the inbox is not flooded.
    assert client.post(RESET, {"email": "reviewer@example.kz"}).status_code == 302
    assert len(mail.outbox) == 3


@override_settings(PASSWORD_RESET_RATE_LIMITS={"address": (4, 3600), "email": (3, 3600)})
def test_the_password_reset_is_limited_per_address(client, reviewer):
    for i in range(4):
        client.post(RESET, {"email": f"nobody{i}@example.kz"}, REMOTE_ADDR="198.51.100.20")
    response = client.post(
        RESET, {"email": "reviewer@example.kz"}, REMOTE_ADDR="198.51.100.20", HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.status_code == 429 and "Вход временно заблокирован" in text(response)
    assert len(mail.outbox) == 0
    assert client.post(RESET, {"email": "reviewer@example.kz"}, REMOTE_ADDR="198.51.100.21").status_code == 302
    assert len(mail.outbox) == 1


def test_a_locked_out_address_cannot_reset_either(client, reviewer, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "nope", username=f"someone-{attempt}", REMOTE_ADDR="198.51.100.30")
    response = client.post(RESET, {"email": "reviewer@example.kz"}, REMOTE_ADDR="198.51.100.30")
    assert response.status_code == 429 and len(mail.outbox) == 0


@pytest.fixture
def teacher_account(db, django_user_model):
    """A teacher who signs in on the public site by e-mail (allauth), address verified."""
    from allauth.account.models import EmailAddress

    # Stored lower-cased, as allauth stores every address it is given.
    user = django_user_model.objects.create_user("teacher-signin", "aigerim@school.kz", "the-teachers-password-26")
    EmailAddress.objects.create(user=user, email="aigerim@school.kz", verified=True, primary=True)
    return user


@pytest.mark.parametrize(
    "language, message",
    [
        ("kk", "Кіру уақытша бұғатталды"),
        ("ru", "Вход временно заблокирован"),
    ],
)
def test_wrong_passwords_for_one_email_from_many_addresses_lock_that_account(
    client, teacher_account, settings, language, message
):
    """The public sign-in posts the e-mail as `login`: failures count per account, whatever the client address."""
    login_url = f"/{language}/account/login/"
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            login_url,
            {"login": "aigerim@school.kz" if attempt % 2 else "AIGERIM@school.kz", "password": f"guess-{attempt}"},
            REMOTE_ADDR=f"198.51.100.{attempt + 1}",
        )
        assert response.status_code == 200  # the form again, with its error
    response = client.post(
        login_url, {"login": "aigerim@school.kz", "password": "last-guess"}, REMOTE_ADDR="198.51.100.99"
    )
    assert response.status_code == 429
    assert AccessAttempt.objects.filter(username="aigerim@school.kz").exists()
    # The right password, from an address that never failed: refused, with the lock-out page in the page's language.
    response = client.post(
        login_url, {"login": "aigerim@school.kz", "password": "the-teachers-password-26"}, REMOTE_ADDR="203.0.113.77"
    )
    assert response.status_code == 429
    assert message in text(response)
    assert "_auth_user_id" not in client.session
    # An administrator unlocks the account: the right password signs in again.
    call_command("axes_reset_username", "aigerim@school.kz")
    cache.clear()  # allauth's own per-e-mail counter (5 failures in 5 minutes) has lapsed by then
    response = client.post(
        login_url, {"login": "aigerim@school.kz", "password": "the-teachers-password-26"}, REMOTE_ADDR="203.0.113.77"
    )
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(teacher_account.pk)


def test_the_account_named_for_axes(rf):
    from security.views import signin_account

    assert signin_account(rf.post("/", {"login": " Aigerim@School.KZ "})) == "aigerim@school.kz"
    assert signin_account(rf.post("/"), {"username": None, "email": "A@B.kz", "password": "x"}) == "a@b.kz"
    assert signin_account(rf.post("/", {"username": "Reviewer"})) == "Reviewer"
    assert signin_account(rf.post("/", {})) is None
