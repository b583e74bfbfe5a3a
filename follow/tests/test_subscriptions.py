"""E-mail subscriptions: double opt-in, no leak, rate limit, one-click unsubscribe, preferences, deletion, digests."""

import re

from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client, override_settings
from django.utils import timezone, translation

from follow.models import Frequency, SentItem, Subscriber, Subscription
from follow.tasks import deliver, send_digest
from follow.tokens import make_confirm_token, make_manage_token, read_manage_token
from network.factories import add_event, add_post, translate

from .fixtures import empty_cache, network  # noqa: F401 (fixtures)


class FailingBackend(EmailBackend):
    """An SMTP server that is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unavailable")


def subscribe(
    client, email="reader@example.kz", lang="kk", topics=("news", "events"), frequency="daily", school=None, **extra
):
    data = {
        "email": email,
        "language": lang,
        "topics": list(topics),
        "frequency": frequency,
        "school": school.pk if school else "",
    }
    return client.post(f"/{lang}/follow/subscribe/", data, **extra)


def confirm_link(message):
    return re.search(r"https?://testserver(/\w\w/follow/confirm/[^/\s]+/)", message.body).group(1)


def subscribe_and_confirm(client, **kwargs):
    mail.outbox.clear()
    assert subscribe(client, **kwargs).status_code == 302
    link = confirm_link(mail.outbox[-1])
    assert client.post(link).status_code == 200
    mail.outbox.clear()
    return Subscriber.objects.get(email=kwargs.get("email", "reader@example.kz"))


def test_the_form_renders_in_every_language(client, network):
    for lang in ("kk", "ru", "en"):
        response = client.get(f"/{lang}/follow/subscribe/?school={network['school'].pk}")
        assert response.status_code == 200
        page = BeautifulSoup(response.content, "html.parser")
        assert page.html["lang"] == lang
        assert page.find("input", attrs={"name": "school"})["value"] == str(network["school"].pk)
    assert client.get("/kk/follow/").status_code == 200


def test_double_opt_in_stores_nothing_before_confirmation(client, network):
    response = subscribe(client, lang="ru")
    assert response.status_code == 302 and response["Location"] == "/ru/follow/subscribe/sent/"
    assert Subscriber.objects.count() == 0
    (message,) = mail.outbox
    assert message.to == ["reader@example.kz"]
    link = confirm_link(message)
    assert link.startswith("/ru/follow/confirm/")

    # Opening the link (a mail scanner does) confirms nothing; the button does.
    assert client.get(link).status_code == 200
    assert Subscriber.objects.count() == 0
    assert Client(enforce_csrf_checks=True).post(link).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "ru" and subscriber.consented_at
    subscription = subscriber.subscriptions.get()
    assert subscription.school is None and subscription.topics() == ["news", "events"]
    assert subscription.frequency == Frequency.DAILY


def test_the_answer_is_the_same_whether_or_not_already_subscribed(client, network):
    first = subscribe(client)
    first_page = client.get(first["Location"]).content
    client.post(confirm_link(mail.outbox[-1]))
    again = subscribe(client)
    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    assert client.get(again["Location"]).content == first_page
    assert len(mail.outbox) == 2  # a confirmation again, never "you are already subscribed"


def test_bad_input_gets_a_clear_error(client, network):
    response = subscribe(client, email="not-an-address", topics=(), lang="en")
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    errors = " ".join(e.get_text() for e in page.select(".errorlist"))
    assert "Enter a valid e-mail address." in errors and "Choose at least one kind of news." in errors
    assert mail.outbox == []
    response = subscribe(client, school=network["blog"])
    assert response.status_code == 400 and mail.outbox == []


def test_expired_and_forged_links_are_refused(client, network):
    token = make_confirm_token("reader@example.kz", "en", None, ["news"], "daily")
    with override_settings(FOLLOW_CONFIRM_MAX_AGE=-1):
        response = client.post(f"/en/follow/confirm/{token}/")
    assert response.status_code == 400 and "expired" in response.content.decode()
    response = client.post(f"/en/follow/confirm/{token[:-3]}xyz/")
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_the_form_is_rate_limited(client, network):
    for _ in range(10):
        assert subscribe(client, email=f"r{_}@example.kz").status_code == 302
    response = subscribe(client, email="late@example.kz", lang="en")
    assert response.status_code == 429
    assert "Too many attempts" in BeautifulSoup(response.content, "html.parser").get_text()
    # Another visitor is not affected.
    assert subscribe(client, email="other@example.kz", REMOTE_ADDR="10.0.0.9").status_code == 302


def test_one_address_is_not_flooded(client, network):
    for i in range(5):
        assert subscribe(client, REMOTE_ADDR=f"10.0.1.{i}").status_code == 302
    assert len(mail.outbox) == 3


def test_one_click_unsubscribe_without_cookie_or_csrf(client, network):
    subscriber = subscribe_and_confirm(client)
    token = make_manage_token(subscriber)
    bare = Client(enforce_csrf_checks=True)
    # GET never unsubscribes (link scanners); it offers the button.
    assert bare.get(f"/kk/follow/unsubscribe/{token}/").status_code == 200
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    response = bare.post(
        f"/kk/follow/unsubscribe/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and not Subscription.objects.exists()
    # Again: the same answer, nothing left to delete.
    assert bare.post(f"/kk/follow/unsubscribe/{token}/").status_code == 200
    assert bare.post("/kk/follow/unsubscribe/forged-token/").status_code == 400


def test_preferences_through_the_signed_link(client, network):
    subscriber = subscribe_and_confirm(client)
    subscribe_and_confirm(client, school=network["school"], topics=("events",), frequency="weekly")
    url = f"/en/follow/manage/{make_manage_token(subscriber)}/"
    page = client.get(url)
    assert page.status_code == 200 and page["Referrer-Policy"] == "same-origin"
    network_sub, school_sub = (
        subscriber.subscriptions.get(school=None),
        subscriber.subscriptions.get(school=network["school"]),
    )
    forms = {f"form-{i}-id": str(sub.pk) for i, sub in enumerate([network_sub, school_sub])}
    data = {
        "language": "en",
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        **forms,
        "form-0-news": "on",
        "form-0-frequency": "immediate",
        "form-1-events": "on",
        "form-1-frequency": "weekly",
        "form-1-DELETE": "on",
    }
    # The forms are ordered by school title, network first (no school).
    response = client.post(url, data)
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == "en"
    assert list(subscriber.subscriptions.values_list("school", "frequency", "news", "events")) == [
        (None, "immediate", True, False)
    ]
    # Nothing ticked is refused with an explanation.
    data = {
        "language": "en",
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(network_sub.pk),
        "form-0-frequency": "daily",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Choose at least one kind of news" in response.content.decode()
    assert client.get("/en/follow/manage/forged/").status_code == 400


def test_subscriptions_and_sent_items_name_who_follows_what(client, network):
    from follow.models import FeedState

    subscriber = subscribe_and_confirm(client, school=network["school"], frequency="weekly")
    subscription = Subscription.objects.get(subscriber=subscriber)
    with translation.override("en"):
        assert str(subscription) == f"reader@example.kz: {network['school'].title} (A weekly digest)"
        subscription.school = None
        assert str(subscription) == "reader@example.kz: The whole network (A weekly digest)"
    with translation.override("ru"):
        assert str(subscription) == "reader@example.kz: Вся сеть (Еженедельный дайджест)"
    post = add_post(network["blog"], "Seen")
    item = SentItem.objects.create(subscriber=subscriber, page=post, sent_at=timezone.now())
    assert str(item) == "Seen → reader@example.kz"
    FeedState.bump()
    state = FeedState.current()
    assert str(state) == f"#{state.generation} ({state.changed_at:%Y-%m-%d %H:%M:%S})" and state.generation >= 1


def test_delete_all_my_data(client, network):
    subscriber = subscribe_and_confirm(client)
    post = add_post(network["blog"], "Seen")
    SentItem.objects.create(subscriber=subscriber, page=post, sent_at=timezone.now())
    token = make_manage_token(subscriber)
    assert client.get(f"/kk/follow/delete/{token}/").status_code == 405
    assert client.post(f"/kk/follow/delete/{token}/").status_code == 200
    assert not Subscriber.objects.exists() and not SentItem.objects.exists() and not Subscription.objects.exists()
    # The old link is dead.
    assert client.get(f"/kk/follow/manage/{token}/").status_code == 404


def test_immediate_notice_in_the_subscribers_language_with_unsubscribe_headers(
    client, network, django_capture_on_commit_callbacks
):
    subscriber = subscribe_and_confirm(client, lang="ru", frequency="immediate")
    with django_capture_on_commit_callbacks(execute=True):
        add_post(network["blog"], "Kazakh only")  # a kk item does not go to a ru subscriber
        for name in ("region", "school", "blog"):
            network[f"ru_{name}"] = translate(network[name], "ru")
        ru_post = add_post(network["ru_blog"], "Неделя Lesson Study")
    (message,) = mail.outbox
    assert message.to == [subscriber.email]
    assert "Неделя Lesson Study" in message.subject
    assert "http://testserver" + ru_post.get_url() in message.body
    header = message.extra_headers["List-Unsubscribe"]
    unsubscribe = header.strip("<>")
    assert header == f"<{unsubscribe}>" and unsubscribe.startswith("http://testserver/ru/follow/unsubscribe/")
    assert read_manage_token(unsubscribe.rstrip("/").rsplit("/", 1)[1]) == (subscriber.pk, subscriber.email)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    html = message.alternatives[0][0]
    assert unsubscribe in html and "http://testserver" + ru_post.get_url() in html
    # Publishing the same post again sends nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        ru_post.save_revision().publish()
    assert len(mail.outbox) == 1


def test_school_subscription_gets_only_that_school(client, network, django_capture_on_commit_callbacks):
    subscribe_and_confirm(client, school=network["school"], frequency="immediate", topics=("events",))
    from network.factories import add
    from network.models import EventIndexPage, LeadingSchoolPage

    with django_capture_on_commit_callbacks(execute=True):
        other = add(network["region"], LeadingSchoolPage(title="Басқа мектеп", slug="other", locality="T"))
        other_events = add(other, EventIndexPage(title="Іс-шаралар", slug="events"))
        add_event(other_events, "Not ours")
        add_post(network["blog"], "A post, not an event")
        add_event(network["events"], "Ours")
    (message,) = mail.outbox
    assert "Ours" in message.subject and "Not ours" not in message.body


def test_daily_digest_by_the_command_is_idempotent(client, network, run_command):
    subscriber = subscribe_and_confirm(client, frequency="daily", topics=("news", "events"))
    add_post(network["blog"], "Post one")
    add_event(network["events"], "Event one")
    assert mail.outbox == []  # a daily subscriber is not told at once
    assert run_command("follow_send_digests").startswith("1 ")
    (message,) = mail.outbox
    assert "Post one" in message.body and "Event one" in message.body
    assert SentItem.objects.filter(subscriber=subscriber, sent_at__isnull=False).count() == 2
    # The task running twice (a retry, a second worker) sends nothing twice.
    send_digest.enqueue(subscriber.pk, "daily")
    assert deliver(subscriber.pk, "daily") == 0
    assert len(mail.outbox) == 1
    # Not due again before a day has passed.
    assert run_command("follow_send_digests").startswith("0 ")


def test_a_failed_send_is_retried_without_losing_the_item(client, network, run_command):
    subscriber = subscribe_and_confirm(client, frequency="weekly")
    add_post(network["blog"], "Important")
    with override_settings(EMAIL_BACKEND="follow.tests.test_subscriptions.FailingBackend"):
        result = send_digest.enqueue(subscriber.pk, "weekly")
    assert result.status == "FAILED"
    assert mail.outbox == []
    item = SentItem.objects.get(subscriber=subscriber)
    assert item.sent_at is None and item.claimed_at is None  # released, not lost
    assert run_command("follow_send_digests").startswith("1 ")
    (message,) = mail.outbox
    assert "Important" in message.body
    assert SentItem.objects.get(subscriber=subscriber).sent_at is not None


def test_drafts_and_private_pages_are_never_sent(client, network, run_command):
    from wagtail.models import PageViewRestriction

    subscribe_and_confirm(client, frequency="daily", topics=("news",))
    add_post(network["blog"], "Public")
    draft = add_post(network["blog"], "Draft")
    draft.unpublish()
    private = add_post(network["blog"], "Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    run_command("follow_send_digests")
    (message,) = mail.outbox
    assert "Public" in message.body and "Draft" not in message.body and "Private" not in message.body
