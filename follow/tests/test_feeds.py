"""RSS and Atom feeds: validity, exactly the live public items, languages, autodiscovery, 304s, query counts."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from network.factories import add_event, add_post, add_resource, translate

from .fixtures import empty_cache, network  # noqa: F401 (fixtures)

ATOM = "{http://www.w3.org/2005/Atom}"


def make_items(network, kind, count, prefix="Item"):
    with translation.override("kk"):
        if kind == "news":
            return [add_post(network["blog"], f"{prefix} {i}", author="Айгүл Серікқызы") for i in range(count)]
        if kind == "events":
            return [add_event(network["events"], f"{prefix} {i}") for i in range(count)]
        return [add_resource(network["portal"], f"{prefix} {i}", with_file=True) for i in range(count)]


def make_hidden(network, kind):
    """A draft and a page under a privacy restriction: neither may ever appear."""
    parent = {"news": network["blog"], "events": network["events"], "resources": network["portal"]}[kind]
    draft = make_items(network, kind, 1, prefix="Hidden draft")[0]
    draft.unpublish()
    private = make_items(network, kind, 1, prefix="Hidden private")[0]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert parent.get_children().count() >= 2
    return draft, private


def feed_url(kind, fmt, school=None, lang="kk"):
    if school is not None:
        return f"/{lang}/follow/schools/{school.pk}/{kind}.{fmt}"
    return f"/{lang}/follow/{kind}.{fmt}"


def absolute(page):
    return "http://testserver" + page.get_url()


@pytest.mark.parametrize("kind", ["news", "events", "resources"])
@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("per_school", [False, True])
def test_feeds_validate_and_hold_exactly_the_live_public_items(client, network, kind, fmt, per_school):
    items = make_items(network, kind, 2)
    make_hidden(network, kind)
    response = client.get(feed_url(kind, fmt, network["school"] if per_school else None))
    assert response.status_code == 200
    expected_type = "application/rss+xml" if fmt == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected_type)
    parsed = feedparser.parse(response.content)
    assert parsed.bozo is False, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if fmt == "rss" else "atom10")
    assert {entry.link for entry in parsed.entries} == {absolute(item) for item in items}
    assert {entry.id for entry in parsed.entries} == {f"tag:leading-schools.kz,2026:page-{item.pk}" for item in items}
    for entry in parsed.entries:
        assert entry.published_parsed and entry.summary and entry.author
        assert "Hidden" not in entry.title
    assert parsed.feed.language == "kk" if fmt == "rss" else True


def test_rss_follows_rss_2_0_rules(client, network):
    add_post(network["blog"], "Lesson Study week", author="Айгүл Серікқызы")
    root = ET.fromstring(client.get(feed_url("news", "rss")).content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required)
    assert channel.findtext("link").startswith("http://testserver/kk/news/")
    assert channel.find(f"{ATOM}link").get("rel") == "self"
    item = channel.find("item")
    assert item.find("guid").get("isPermaLink") == "false"
    published = parsedate_to_datetime(item.findtext("pubDate"))
    assert published.tzinfo is not None
    assert item.findtext("link").startswith("http://testserver/kk/")
    assert "Айгүл Серікқызы" in item.findtext("{http://purl.org/dc/elements/1.1/}creator", "") + item.findtext(
        "author", ""
    )


def test_atom_follows_rfc_4287(client, network):
    add_post(network["blog"], "Lesson Study week", author="Айгүл Серікқызы")
    root = ET.fromstring(client.get(feed_url("news", "atom", network["school"])).content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}")
    assert root.find(f"{ATOM}author/{ATOM}name").text
    entry = root.find(f"{ATOM}entry")
    for required in ("id", "title", "updated", "summary"):
        assert entry.find(f"{ATOM}{required}") is not None
    assert entry.find(f"{ATOM}id").text.startswith("tag:")
    assert entry.find(f"{ATOM}link").get("rel") == "alternate"
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Айгүл Серікқызы"
    assert entry.find(f"{ATOM}summary").get("type") == "html"


def test_resources_carry_their_file_as_an_enclosure(client, network):
    resource = add_resource(network["portal"], "Fractions lesson plan", with_file=True)
    parsed = feedparser.parse(client.get(feed_url("resources", "rss")).content)
    (enclosure,) = parsed.entries[0].enclosures
    assert enclosure.href == "http://testserver" + resource.document.url
    assert enclosure.type == "application/pdf"
    assert int(enclosure.length) == resource.document.file.size > 0


def test_cancelled_event_and_event_details_in_the_summary(client, network):
    add_event(network["events"], "Cancelled seminar", is_cancelled=True, online_url="https://meet.example.kz/x")
    parsed = feedparser.parse(client.get(feed_url("events", "atom", lang="en")).content)
    assert parsed.entries == []  # the en tree has no events: each language has its own items
    with translation.override("en"):
        parsed = feedparser.parse(client.get(feed_url("events", "atom")).content)
    (entry,) = parsed.entries
    assert entry.title.endswith("Cancelled seminar") and entry.title != "Cancelled seminar"
    assert "https://meet.example.kz/x" in entry.summary


def test_each_language_gets_its_own_items(client, network, django_capture_on_commit_callbacks):
    kk_post = add_post(network["blog"], "Қазақша жазба")
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("region", "school", "blog"):
            network[f"ru_{name}"] = translate(network[name], "ru")
        ru_post = translate(kk_post, "ru", title="Запись по-русски")
    kk = feedparser.parse(client.get(feed_url("news", "rss")).content)
    ru = feedparser.parse(client.get(feed_url("news", "rss", lang="ru")).content)
    assert [e.title for e in kk.entries] == ["Қазақша жазба"]
    assert [e.title for e in ru.entries] == ["Запись по-русски"]
    assert ru.entries[0].link == absolute(ru_post) and ru.entries[0].link.startswith("http://testserver/ru/")
    assert ru.feed.language == "ru"
    # A school's feed answers in the URL's language whichever language version's id it is given.
    ru_school = feedparser.parse(client.get(feed_url("news", "atom", network["school"], lang="ru")).content)
    assert [e.title for e in ru_school.entries] == ["Запись по-русски"]


def test_school_feed_holds_only_that_schools_items(client, network):
    add_post(network["blog"], "Ours")
    other = build_other_school(network)
    add_post(other["blog"], "Theirs")
    ours = feedparser.parse(client.get(feed_url("news", "rss", network["school"])).content)
    everything = feedparser.parse(client.get(feed_url("news", "rss")).content)
    assert [e.title for e in ours.entries] == ["Ours"]
    assert {e.title for e in everything.entries} == {"Ours", "Theirs"}


def build_other_school(network):
    from network.factories import add
    from network.models import BlogIndexPage, LeadingSchoolPage

    school = add(network["region"], LeadingSchoolPage(title="Талдықорған мектебі", slug="taldykorgan", locality="T"))
    return {"school": school, "blog": add(school, BlogIndexPage(title="Блог", slug="blog"))}


def test_unknown_feeds_answer_404(client, network):
    assert client.get("/kk/follow/gossip.rss").status_code == 404
    assert client.get(f"/kk/follow/schools/{network['blog'].pk}/news.rss").status_code == 404
    assert client.get("/kk/follow/schools/999999/news.rss").status_code == 404


def test_private_or_unpublished_school_has_no_feed(client, network):
    PageViewRestriction.objects.create(
        page=network["school"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert client.get(feed_url("news", "rss", network["school"])).status_code == 404
    assert client.get(feed_url("events", "atom", network["school"])).status_code == 404


def test_conditional_get_and_refresh_on_publish_and_unpublish(client, network):
    post = add_post(network["blog"], "First")
    url = feed_url("news", "rss")
    first = client.get(url)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag and last_modified
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.head(url).status_code == 200 and client.post(url).status_code == 405
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    # The other format and language have their own validators.
    assert client.get(feed_url("news", "atom"), HTTP_IF_NONE_MATCH=etag).status_code == 200

    add_post(network["blog"], "Second")
    refreshed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert refreshed.status_code == 200 and refreshed["ETag"] != etag
    assert {e.title for e in feedparser.parse(refreshed.content).entries} == {"First", "Second"}

    post.unpublish()
    after = client.get(url, HTTP_IF_NONE_MATCH=refreshed["ETag"])
    assert after.status_code == 200
    assert [e.title for e in feedparser.parse(after.content).entries] == ["Second"]


def test_a_cached_feed_costs_one_query(client, network, django_assert_num_queries):
    add_post(network["blog"], "Cached")
    url = feed_url("news", "rss")
    body = client.get(url).content
    with django_assert_num_queries(1):
        assert client.get(url).content == body


@pytest.mark.parametrize("kind", ["news", "events", "resources"])
def test_feed_queries_do_not_grow_with_the_items(client, network, kind):
    def count(url):
        cache.clear()  # a cold cache: neither the feed nor Wagtail's site roots are cached
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    make_items(network, kind, 2)
    few = [count(feed_url(kind, "rss")), count(feed_url(kind, "atom", network["school"]))]
    make_items(network, kind, 6, prefix="More")
    many = [count(feed_url(kind, "rss")), count(feed_url(kind, "atom", network["school"]))]
    assert few == many
    assert max(many) <= 15


def test_autodiscovery_links_on_the_home_page_match_what_is_served(client, network):
    add_post(network["blog"], "Discover me")
    page = BeautifulSoup(client.get("/kk/").content, "html.parser")
    links = page.find_all("link", rel="alternate", type=True)
    assert {link["type"] for link in links} >= {"application/rss+xml", "application/atom+xml", "text/calendar"}
    for link in links:
        response = client.get(link["href"].removeprefix("http://testserver"))
        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] == link["type"]


@pytest.mark.parametrize("name", ["school", "blog", "events", "portal"])
def test_school_pages_discover_the_school_feeds(network, name):
    post = add_post(network["blog"], "A post")
    page = post if name == "blog" else network[name]
    request = RequestFactory().get("/kk/")
    with translation.override("kk"):
        html = Template("{% load follow_tags %}{% feed_links %}").render(Context({"page": page, "request": request}))
    hrefs = [link["href"] for link in BeautifulSoup(html, "html.parser").find_all("link")]
    school_id = network["school"].pk
    expected = {
        "school": {"news", "events", "resources", "experience"},
        "blog": {"news"},
        "events": {"events"},
        "portal": {"resources", "experience"},
    }[name]
    assert {href.rsplit("/", 1)[1].split(".")[0] for href in hrefs} == expected
    assert all(f"/kk/follow/schools/{school_id}/" in href for href in hrefs)


def test_subscribe_controls_offer_feeds_calendar_and_e_mail(network):
    event = add_event(network["events"], "Master class")
    request = RequestFactory().get("/kk/")
    with translation.override("kk"):
        html = Template("{% load follow_tags %}{% subscribe_controls %}").render(
            Context({"page": event, "request": request})
        )
    box = BeautifulSoup(html, "html.parser")
    hrefs = [a["href"] for a in box.find_all("a")]
    assert f"/kk/follow/subscribe/?school={network['school'].pk}" in hrefs
    assert f"webcal://testserver/kk/follow/schools/{network['school'].pk}/events.ics" in hrefs
    assert f"/kk/follow/events/{event.pk}.ics" in hrefs
    assert any(href.endswith("/events.rss") for href in hrefs)
