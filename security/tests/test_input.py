"""Hole 4: malformed input never answers 500.

A NUL reaches no view (400, translated, nothing saved); and a property-based test (Hypothesis) throws strings,
NULs, huge numbers and invalid UTF-8 at every public URL of a loaded demo network and every query parameter any
public view reads, expecting an answer below 500 each time.
"""

from urllib.parse import quote, quote_from_bytes

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page

from network.models import ResourcePage

# Every query parameter a public view reads (grep request.GET in network/, search/, follow/, workflows/ models).
PARAMETERS = [
    "query",
    "page",
    "region",
    "school",
    "kind",
    "direction",
    "subject",
    "language",
    "grade",
    "tag",
    "category",
    "when",
    "month",
    "from",
    "to",
    "order",
    "resource_kind",
    "level",
    "saved",
    "p",
]


def public_urls():
    """One page of each type in each language, and every public non-page URL."""
    urls = {"/healthz", "/robots.txt", "/sitemap.xml"}
    seen = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        key = (type(page).__name__, page.locale_id)
        if key not in seen:
            seen.add(key)
            urls.add(page.url)
    for language in ("kk", "ru", "en"):
        urls.update(
            {
                f"/{language}/search/",
                f"/{language}/search/autocomplete/",
                f"/{language}/follow/",
                f"/{language}/follow/news.rss",
                f"/{language}/follow/events.atom",
                f"/{language}/follow/events.ics",
                f"/{language}/follow/subscribe/",
                f"/{language}/follow/subscribe/sent/",
            }
        )
    resource = ResourcePage.objects.live().first()
    if resource:
        urls.add(f"/kk/resources/{resource.pk}/download/")
    return sorted(url for url in urls if url)


def encoded(value):
    return quote_from_bytes(value) if isinstance(value, bytes) else quote(value, safe="")


HUGE = st.integers(min_value=2**31, max_value=10**40).map(str) | st.integers(max_value=-(2**31)).map(str)
INVALID_UTF8 = st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xe2\x82", b"abc\xfe\xfe"]) | st.binary(
    min_size=1, max_size=12
)
VALUES = st.one_of(
    st.text(max_size=40),
    st.text(max_size=10).map(lambda text: text + "\x00" + text),
    HUGE,
    st.integers(min_value=-5, max_value=400).map(str),
    INVALID_UTF8,
    st.sampled_from(["2026-13-45", "0000-00-00", "9999-12-31", "upcoming", "past", "2026-02", "  ", "%", "'", "1e400"]),
    st.text(min_size=300, max_size=600),
)


@pytest.fixture(scope="module")
def urls(demo_network, django_db_blocker):
    with django_db_blocker.unblock():
        return public_urls()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_the_demo_gives_every_kind_of_public_url(db, urls):
    assert len(urls) > 30, urls


@hypothesis_settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_public_url_answers_500_to_any_parameter(db, client, urls, data):
    url = data.draw(st.sampled_from(urls), label="url")
    names = data.draw(st.lists(st.sampled_from(PARAMETERS), min_size=1, max_size=3, unique=True), label="names")
    query = "&".join(f"{name}={encoded(data.draw(VALUES, label=name))}" for name in names)
    response = client.get(f"{url}?{query}")
    assert response.status_code < 500, (url, query, response.status_code)


ID_PATHS = [
    "/kk/resources/{}/download/",
    "/ru/follow/events/{}.ics",
    "/en/follow/schools/{}/news.rss",
    "/kk/follow/schools/{}/events.atom",
    "/ru/follow/schools/{}/events.ics",
]


@hypothesis_settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(template=st.sampled_from(ID_PATHS), number=st.integers(min_value=0, max_value=10**30))
def test_no_id_in_a_path_answers_500(db, client, template, number):
    response = client.get(template.format(number))
    assert response.status_code < 500, (template, number)


@pytest.mark.parametrize(
    "url, message",
    [
        ("/kk/search/?query=a%00b", "Қате сұрау"),
        ("/ru/search/autocomplete/?query=%00", "Некорректный запрос"),
        ("/en/follow/subscribe/?school=1%00", "Bad request"),
    ],
)
def test_a_nul_in_the_query_string_is_a_translated_400(db, client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in BeautifulSoup(response.content, "html.parser").get_text()


def test_a_nul_in_a_listing_filter_is_a_400(db, client, urls):
    listings = [url for url in urls if url.count("/") >= 4][:5]
    for url in listings:
        assert client.get(url + "?tag=%00&region=1").status_code == 400


def test_a_nul_in_an_admin_form_saves_nothing(db, client, admin_user, homes):
    client.force_login(admin_user)
    page = homes["kk"]
    response = client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Жаңа\x00атау", "slug": page.slug})
    assert response.status_code == 400
    page.refresh_from_db()
    assert "\x00" not in page.title and page.title != "Жаңа\x00атау"


def test_an_admin_page_post_without_its_block_counts_is_a_400(client, admin_user, demo_network):
    from network.models import BlogPostPage

    post = BlogPostPage.objects.filter(locale__language_code="kk").first()
    title = post.title
    client.force_login(admin_user)
    response = client.post(f"/admin/pages/{post.pk}/edit/", {"title": "Changed", "slug": post.slug})
    assert response.status_code == 400
    post.refresh_from_db()
    assert post.title == title
