"""Teachers' accounts through django-allauth, on the site's pages: sign up, verify, sign in, reset, abuse limits."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

PASSWORD = "Kazakh-steppe-2026"


@pytest.fixture(autouse=True)
def fresh_limits():
    """Rate limits count in the cache: each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def sign_up(client, email="aigerim@school.kz", language="kk", **extra):
    return client.post(
        f"/{language}/account/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    )


@pytest.mark.django_db
def test_sign_up_verify_and_sign_in_in_kazakh(client, homes):
    page = client.get("/kk/account/signup/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'href="/static/css/site.css"' in html  # the site's layout, not allauth's bare default
    assert "Тіркелу" in html and "Sign Up" not in html

    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/kk/account/confirm-email/"
    user = get_user_model().objects.get(email="aigerim@school.kz")
    assert not user.is_staff and not user.has_perm("wagtailadmin.access_admin")
    assert user.wagtail_userprofile.preferred_language == "kk"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Электрондық пошта" in message.subject or "растаңыз" in message.subject.lower()

    # Not verified yet: signing in is refused until the link is followed.
    response = client.post("/kk/account/login/", {"login": "aigerim@school.kz", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/kk/account/confirm-email/"
    assert "_auth_user_id" not in client.session

    confirm = link_in(message)
    assert confirm.startswith("/kk/account/confirm-email/")
    page = client.get(confirm)
    assert page.status_code == 200 and "aigerim@school.kz" in page.content.decode()
    response = client.post(confirm)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    client.post("/kk/account/logout/")
    response = client.post("/kk/account/login/", {"login": "aigerim@school.kz", "password": PASSWORD})
    # A teacher who signs in lands in their cabinet.
    assert response.status_code == 302 and response["Location"] == "/kk/cabinet/"
    assert client.get("/kk/account/profile/").status_code == 200
    # Teachers never need the CMS admin.
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_wrong_password_is_refused_in_russian(client, homes):
    sign_up(client, language="ru")
    response = client.post("/ru/account/login/", {"login": "aigerim@school.kz", "password": "wrong"})
    assert response.status_code == 200
    assert "адрес электронной почты и/или пароль" in response.content.decode()


@pytest.mark.django_db
def test_the_same_answer_whether_an_address_is_registered_or_not(client, homes):
    sign_up(client)
    mail.outbox.clear()
    # Signing up again with a known address: same page as for a new one, and a warning only to the owner's inbox.
    again = sign_up(client, language="en")
    new = sign_up(client, email="someone.new@school.kz", language="en")
    assert again.status_code == new.status_code == 302 and again["Location"] == new["Location"]
    assert get_user_model().objects.filter(email="aigerim@school.kz").count() == 1
    # Password reset for a known and an unknown address: the same page.
    mail.outbox.clear()
    known = client.post("/en/account/password/reset/", {"email": "aigerim@school.kz"})
    unknown = client.post("/en/account/password/reset/", {"email": "nobody@school.kz"})
    assert known.status_code == unknown.status_code == 302 and known["Location"] == unknown["Location"]


@pytest.mark.django_db
def test_password_reset_from_the_mailed_link(client, homes):
    sign_up(client)
    client.post(link_in(mail.outbox[0]))
    client.post("/kk/account/logout/")
    mail.outbox.clear()
    client.post("/ru/account/password/reset/", {"email": "aigerim@school.kz"})
    assert len(mail.outbox) == 1
    reset = link_in(mail.outbox[0])
    assert reset.startswith("/ru/account/password/reset/key/")
    form = client.get(reset, follow=True)
    assert form.status_code == 200
    action = form.redirect_chain[-1][0] if form.redirect_chain else reset
    response = client.post(action, {"password1": "New-password-2027", "password2": "New-password-2027"})
    assert response.status_code == 302
    assert (
        client.post("/ru/account/login/", {"login": "aigerim@school.kz", "password": "New-password-2027"}).status_code
        == 302
    )
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_change_password_and_email_while_signed_in(client, homes):
    sign_up(client)
    client.post(link_in(mail.outbox[0]))
    response = client.post(
        "/en/account/password/change/",
        {"oldpassword": PASSWORD, "password1": "Changed-2027-pass", "password2": "Changed-2027-pass"},
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(email="aigerim@school.kz").check_password("Changed-2027-pass")
    mail.outbox.clear()
    page = client.get("/en/account/email/")
    assert page.status_code == 200
    response = client.post("/en/account/email/", {"action_add": "", "email": "aigerim.new@school.kz"})
    assert response.status_code == 302
    assert any("aigerim.new@school.kz" in message.to for message in mail.outbox)


@pytest.mark.django_db
def test_the_honeypot_drops_a_bot_sign_up_without_telling_it(client, homes):
    response = sign_up(client, email="bot@spam.example", website="http://spam.example")
    assert response.status_code == 302  # the same answer a person gets
    assert not get_user_model().objects.filter(email="bot@spam.example").exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_sign_up_rate_limit_answers_in_the_visitors_language(client, homes, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    for number in range(2):
        assert sign_up(client, email=f"teacher{number}@school.kz", language="kk").status_code == 302
    refused = sign_up(client, email="teacher3@school.kz", language="kk")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Әрекет тым көп" in html and 'href="/static/css/site.css"' in html
    assert not get_user_model().objects.filter(email="teacher3@school.kz").exists()
    refused = sign_up(client, email="teacher4@school.kz", language="ru")
    assert refused.status_code == 429 and "Слишком много попыток" in refused.content.decode()
