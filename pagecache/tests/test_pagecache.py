"""The page cache for anonymous visitors: served without rendering, never stale, never per visitor."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from network.factories import add, add_post, publish, translate
from network.models import BlogPostPage, StandardPage, Teacher
from pagecache.middleware import HIT_HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["shared generation", "database generation"])
def page_cache(request, settings):
    """Every test both ways: the generation in the shared cache (production, Redis) and in the database (a
    per-process cache: the quick start). The tests' cache is one process's, which both ways share here."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_SHARED_GENERATION = request.param == "shared generation"
    cache.clear()
    return request.param


@pytest.fixture
def network(request, db, pagecache_network_rows):
    """A school with a post, on the `homes` fixture's pages, after-commit work run: restored from the rows written
    once per test process (conftest.py, tests/db_snapshot.py), the same rows as `build_network(homes)`."""
    from tests import db_snapshot

    return db_snapshot.restored(
        request, pagecache_network_rows, lambda: build_network(request.getfixturevalue("homes"))
    )


def build_network(homes):
    from django.test import TestCase

    from network.factories import build_network

    with TestCase.captureOnCommitCallbacks(execute=True):
        built = build_network(homes["kk"])
        built["post"] = add_post(built["blog"], "Алғашқы жазба")
    built["home"] = homes["kk"]
    return built


def listings(network):
    """Every page and feed that shows a school's new post, and the menu's home page."""
    return [
        network["home"].url,
        network["school"].url,
        network["blog"].url,
        network["news_page"].url,
        "/kk/follow/news.rss",
        f"/kk/follow/schools/{network['school'].pk}/news.atom",
    ]


def warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if "/follow/" not in url:  # feeds have their own cache (follow.conditional)
            assert response.get(HIT_HEADER) == "hit", (url, response.headers, response.cookies)


class RecordingCache:
    """The real cache, recording which of its methods the page cache calls (each one round trip on Redis)."""

    def __init__(self, real):
        self.real = real
        self.calls = []

    def __getattr__(self, name):
        attribute = getattr(self.real, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            self.calls.append(name)
            return attribute(*args, **kwargs)

        return call


def test_an_anonymous_visitor_gets_the_stored_page_without_rendering(client, network, page_cache, monkeypatch):
    url = network["school"].url
    first = client.get(url)
    assert first[HIT_HEADER] == "miss"
    recording = RecordingCache(cache)
    monkeypatch.setattr("pagecache.middleware.cache", recording)
    monkeypatch.setattr("pagecache.generation.cache", recording)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content
    if page_cache == "shared generation":
        assert [query["sql"] for query in queries] == []  # no session, no user, no site, no generation
        assert recording.calls == ["get_many"]  # the generation and the page: one MGET on Redis
    else:
        assert len(queries) == 1  # the content generation, nothing else
        assert recording.calls == ["get"]
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "kk"
    cache_control = second["Cache-Control"]
    assert "public" in cache_control and "max-age=0" in cache_control and "must-revalidate" in cache_control
    assert "Cookie" in second["Vary"]


def test_a_hit_carries_the_same_headers_as_a_miss(network, settings):
    """A hit skips the middleware after the page cache, so what they add is stored with the page; the security
    headers are set afresh on every response by the middleware before it, as on a static file."""
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_CONTENT_TYPE_NOSNIFF = True
    settings.SECURE_REFERRER_POLICY = "same-origin"
    settings.X_FRAME_OPTIONS = "DENY"
    visitor = Client()
    url = network["post"].url
    miss = visitor.get(url, secure=True)
    hit = visitor.get(url, secure=True)
    assert (miss[HIT_HEADER], hit[HIT_HEADER]) == ("miss", "hit")
    assert hit.content == miss.content

    def headers(response):
        return {name: value for name, value in response.items() if name != HIT_HEADER}

    assert headers(hit) == headers(miss)
    for name in (
        "Content-Security-Policy",
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
        "Permissions-Policy",
        "Content-Language",
        "Cache-Control",
        "Vary",
        "ETag",
    ):
        assert name in hit, name
    assert "'nonce-" not in hit["Content-Security-Policy"]
    assert "includeSubDomains" in hit["Strict-Transport-Security"]
    # A 304 says the same about caching as the page it stands for.
    not_modified = visitor.get(url, secure=True, headers={"if-none-match": hit["ETag"]})
    assert not_modified.status_code == 304 and not_modified[HIT_HEADER] == "hit"
    for name in ("Cache-Control", "Vary", "ETag", "Content-Security-Policy", "Strict-Transport-Security"):
        assert not_modified[name] == hit[name], name


def test_plain_and_secure_requests_are_stored_apart(network):
    """HSTS and the absolute links belong to the scheme: an http page is never served for https."""
    visitor = Client()
    url = network["post"].url
    assert visitor.get(url)[HIT_HEADER] == "miss"
    assert visitor.get(url, secure=True)[HIT_HEADER] == "miss"
    assert visitor.get(url, secure=True)[HIT_HEADER] == "hit"


def test_a_page_that_uses_the_csp_nonce_is_never_stored(network):
    """The nonce is per response: a body that carries one cannot be served to anyone else."""
    from wagtail import hooks

    def uses_the_nonce(page, request, serve_args, serve_kwargs):
        str(request.csp_nonce)  # what `{{ request.csp_nonce }}` in a template does

    url = network["post"].url
    with hooks.register_temporarily("before_serve_page", uses_the_nonce):
        first = Client().get(url)
        second = Client().get(url)
    assert "'nonce-" in first["Content-Security-Policy"]
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]
    assert second.get(HIT_HEADER) != "hit"
    assert "private" in second["Cache-Control"]


def test_a_lost_generation_serves_no_stored_page(client, network, page_cache):
    """The shared generation evicted or flushed (Redis restarted): a new one is drawn, and no page stored before
    is served again, however old."""
    from pagecache import generation

    url = network["blog"].url
    warm(client, [url])
    if page_cache == "shared generation":
        cache.delete(generation.KEY)
    else:
        from follow.models import FeedState

        FeedState.objects.all().delete()
    assert client.get(url)[HIT_HEADER] == "miss"
    assert client.get(url)[HIT_HEADER] == "hit"


def test_the_shared_generation_is_renewed_in_the_transaction_and_after_its_commit(
    network, django_capture_on_commit_callbacks, settings
):
    """A page another process renders between the change and its commit may show the data before it: it is
    stored under the first renewal's token, which the renewal after the commit leaves behind."""
    from follow.models import FeedState
    from pagecache import generation

    settings.PAGE_CACHE_SHARED_GENERATION = True
    before = generation.token_or_new({})
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        FeedState.bump()
        during = cache.get(generation.KEY)
        FeedState.bump()  # many changes in one transaction: one renewal after the commit
    after = cache.get(generation.KEY)
    assert len({before, during, after}) == 3
    assert len(callbacks) == 1


def test_conditional_get_answers_304_until_something_is_published(client, network, django_capture_on_commit_callbacks):
    url = network["blog"].url
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        add_post(network["blog"], "Жаңа жазба")
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200 and response["ETag"] != etag
    assert "Жаңа жазба" in response.content.decode()


def test_a_published_post_is_at_once_on_every_listing_and_feed(client, network, django_capture_on_commit_callbacks):
    urls = listings(network)
    warm(client, urls)
    post = BlogPostPage(title="Жарияланған жаңалық", slug="published-news", intro="Жаңалық", live=False)
    network["blog"].add_child(instance=post)
    for url in urls:  # a draft changes nothing that visitors see
        assert "Жарияланған жаңалық" not in client.get(url).content.decode(), url
    with django_capture_on_commit_callbacks(execute=True):
        publish(post)
    for url in [*urls, post.url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Жарияланған жаңалық" in response.content.decode(), url

    warm(client, [*urls, post.url])
    with django_capture_on_commit_callbacks(execute=True):
        post.unpublish()
    assert client.get(post.url).status_code == 404
    for url in urls:
        assert "Жарияланған жаңалық" not in client.get(url).content.decode(), url


def test_moving_and_deleting_drop_the_page_everywhere(client, network, django_capture_on_commit_callbacks):
    post = network["post"]
    urls = [*listings(network), post.url]
    warm(client, urls)
    old_url = post.url
    with django_capture_on_commit_callbacks(execute=True):
        post.move(network["school"], pos="last-child")
    post.refresh_from_db()
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == post.url  # Wagtail's automatic redirect
    assert client.get(post.url).status_code == 200
    assert "Алғашқы жазба" not in client.get(network["blog"].url).content.decode()

    warm(client, [network["school"].url, network["home"].url, post.url])
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=post.pk).delete()
    assert client.get(post.url).status_code == 404
    for url in (network["school"].url, network["home"].url):
        assert "Алғашқы жазба" not in client.get(url).content.decode(), url


def test_a_published_translation_appears_in_the_switcher_at_once(
    client, network, homes, django_capture_on_commit_callbacks
):
    post = network["post"]
    warm(client, [post.url])
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("region", "school", "blog"):
            translate(network[name], "ru")
        translated = translate(post, "ru", title="Бірінші запись")
    assert f'href="{translated.url}" lang="ru" hreflang="ru"' in client.get(post.url).content.decode()
    assert "Бірінші запись" in client.get(translated.url).content.decode()


def test_a_new_menu_page_is_in_the_menu_of_every_cached_page(client, network, django_capture_on_commit_callbacks):
    urls = [network["post"].url, network["school"].url, network["home"].url]
    warm(client, urls)
    with django_capture_on_commit_callbacks(execute=True):
        add(network["home"], StandardPage(title="Желі туралы", slug="about", show_in_menus=True))
    for url in urls:
        assert "Желі туралы" in client.get(url).content.decode(), url


def test_records_shown_on_pages_invalidate_them(client, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post = add_post(network["blog"], "Авторлы жазба", author="Сәуле Ахметова")
    warm(client, [post.url])
    teacher = Teacher.objects.get(full_name="Сәуле Ахметова")
    teacher.full_name = "Сәуле Ахметқызы"
    teacher.save()
    assert "Сәуле Ахметқызы" in client.get(post.url).content.decode()


def test_saving_a_draft_of_a_live_page_keeps_the_cache(client, network):
    post = network["post"]
    warm(client, [post.url])
    draft = BlogPostPage.objects.get(pk=post.pk)
    draft.title = "Жоба тақырыбы"
    draft.save_revision()
    response = client.get(post.url)
    assert response[HIT_HEADER] == "hit"
    assert "Жоба тақырыбы" not in response.content.decode()


def test_signed_in_users_are_never_served_from_the_cache(client, network, admin_user):
    url = network["school"].url
    warm(client, [url])
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(url)
    assert HIT_HEADER not in response
    assert "private" in response["Cache-Control"]
    # and what they are shown is never stored for others
    assert client.get(url)[HIT_HEADER] == "hit"
    assert client.get(url).content != b"" and b"wagtail-userbar" not in client.get(url).content


def test_post_requests_and_other_views_are_not_cached(client, network):
    assert HIT_HEADER not in client.get("/kk/search/?q=жазба")
    assert HIT_HEADER not in client.get("/kk/search/?q=жазба")
    response = client.post(network["school"].url)
    assert HIT_HEADER not in response


def test_a_page_with_a_per_visitor_token_is_never_stored(client, network, django_capture_on_commit_callbacks):
    """A password-protected page shows a form with this visitor's CSRF token: it must not reach anyone else."""
    post = network["post"]
    PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    first = Client()
    response = first.get(post.url)
    assert response.status_code == 200 and b"csrfmiddlewaretoken" in response.content
    assert HIT_HEADER not in response or response[HIT_HEADER] != "hit"
    assert Client().get(post.url).get(HIT_HEADER) != "hit"
    assert "private" in Client().get(post.url)["Cache-Control"]


def test_the_follow_box_works_from_a_cached_page_with_csrf_enforced(network, mailoutbox):
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(network["school"].url)
    page = visitor.get(network["school"].url)
    assert page[HIT_HEADER] == "hit"
    html = page.content.decode()
    assert "csrfmiddlewaretoken" not in html  # nothing per visitor in a cached page
    assert "/follow/subscribe/" in html
    stranger = Client(enforce_csrf_checks=True)
    subscribe_url = f"/kk/follow/subscribe/?school={network['school'].pk}"
    form_page = stranger.get(subscribe_url)
    assert form_page.status_code == 200
    token = form_page.cookies["csrftoken"].value
    from bs4 import BeautifulSoup

    form = BeautifulSoup(form_page.content, "html.parser").select_one("form.follow-form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    data.update(email="reader@example.kz", topics="news", frequency="immediate", language="kk")
    response = stranger.post(subscribe_url, data, headers={"x-csrftoken": token})
    assert response.status_code == 302, response.content.decode()[:500]
    assert len(mailoutbox) == 1


def test_a_front_cache_is_purged_of_every_page_that_lists_a_post(network):
    """With FRONTEND_CACHE_URL set, Wagtail purges the page; pagecache.frontend adds what lists it."""
    from pagecache.frontend import pages_showing

    urls = {page.url for page in pages_showing(network["post"])}
    assert {network["home"].url, network["school"].url, network["blog"].url, network["region"].url} <= urls
    assert {network["news_page"].url, network["events_page"].url, network["library"].url} <= urls


def test_pages_carry_s_maxage_only_for_a_front_cache(client, network, settings):
    url = network["school"].url
    assert "s-maxage" not in client.get(url)["Cache-Control"]
    settings.PAGE_CACHE_FRONT_SECONDS = 60
    cache.clear()
    assert "s-maxage=60" in client.get(url)["Cache-Control"]


def test_an_event_taking_registrations_shows_its_seats_left_at_once(homes, django_capture_on_commit_callbacks):
    from attendance import services
    from attendance.tests.fixtures import make_event
    from network.factories import make_school
    from network.provisioning import provision_school
    from workflows.factories import make_user

    school = make_school(homes["kk"], "Алматы облысы", "№ 1 Жетекші мектеп")
    provision_school(school)
    event = make_event(school, translations=False)
    assert Client().get(event.url)[HIT_HEADER] == "miss"
    assert Client().get(event.url)[HIT_HEADER] == "hit"  # no desk: cached like any page
    desk = services.open_desk(event, capacity=2, is_open=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(desk.pk, make_user("aigerim"))
    first = Client().get(event.url)
    assert HIT_HEADER not in first and HIT_HEADER not in Client().get(event.url)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(desk.pk, make_user("bolat"))
    second = Client().get(event.url)
    assert HIT_HEADER not in second and second.content != first.content  # one seat fewer, at once
