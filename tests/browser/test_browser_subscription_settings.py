"""Hole 7: in a real Chromium, the subscription settings page saves and deletes (no CSRF 403 "Origin null").

The page reached through the personal link must not leak that link as a referrer; with `Referrer-Policy:
no-referrer` Chromium sent `Origin: null` on the page's own POSTs and Django's CSRF check refused both forms.
A test client sends no Origin at all, so only a browser shows it.
"""

import pytest
from django.utils import timezone

from tests.browser.support import save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def subscriber(db):
    from follow.models import Subscriber, Subscription

    person = Subscriber.objects.create(email="reader@example.kz", language="en", consented_at=timezone.now())
    Subscription.objects.create(subscriber=person, news=True, events=True, consented_at=timezone.now())
    return person


def manage_url(live_server, subscriber):
    from follow.tokens import make_manage_token

    return f"{live_server.url}/en/follow/manage/{make_manage_token(subscriber)}/"


def test_saving_preferences_works_in_a_browser(live_server, desktop_page, subscriber):
    from follow.models import Subscription

    posts = []
    desktop_page.on("request", lambda request: request.method == "POST" and posts.append(request.headers))
    response = desktop_page.goto(manage_url(live_server, subscriber))
    assert response.headers["referrer-policy"] == "same-origin"
    desktop_page.get_by_label("resources", exact=False).first.check()
    with desktop_page.expect_navigation():
        desktop_page.get_by_role("button", name="Save preferences").click()
    assert "saved=1" in desktop_page.url
    assert desktop_page.get_by_role("status").inner_text() == "Your preferences have been saved."
    assert posts and posts[0].get("origin") == live_server.url  # a real origin, not "null"
    assert Subscription.objects.get(subscriber=subscriber).resources
    save_screenshot(desktop_page, "subscription-settings-saved-1280")


def test_unsubscribing_and_deleting_works_in_a_browser(live_server, phone_page, subscriber):
    from follow.models import Subscriber

    phone_page.goto(manage_url(live_server, subscriber))
    with phone_page.expect_navigation():
        phone_page.get_by_role("button", name="Unsubscribe and delete all my data").click()
    assert phone_page.locator("h1").first.inner_text().strip()
    assert "403" not in phone_page.title() and "CSRF" not in phone_page.content()
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    save_screenshot(phone_page, "subscription-deleted-390")
