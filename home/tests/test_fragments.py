"""The parts of pages kept in the shared cache (home/fragments.py): the same page as without them, fewer queries,
for signed-in visitors too, and never stale: a publication, an edited record or an event that ends shows at once."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from network.factories import add_event, add_post, publish, translate
from network.models import BlogPostPage, Teacher
from pagecache.tests.test_pagecache import network  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600
    cache.clear()


def pages(network):  # noqa: F811
    """The pages whose content is cached: the home page, a school, its blog, the network news (with a query)."""
    return [
        network["home"].url,
        network["school"].url,
        network["blog"].url,
        network["news_page"].url,
        network["news_page"].url + f"?region={network['region'].pk}",
    ]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def test_cached_parts_give_the_same_page_in_fewer_queries(client, network, settings):  # noqa: F811
    for url in pages(network):
        settings.FRAGMENT_CACHE_SECONDS = 0
        uncached_count, uncached = queries(client, url)
        settings.FRAGMENT_CACHE_SECONDS = 600
        queries(client, url)  # renders and stores the parts
        cached_count, cached = queries(client, url)
        assert cached == uncached, url
        assert cached_count < uncached_count, (url, cached_count, uncached_count)


def test_every_language_has_its_own_parts(client, network, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        translate(network["region"], "ru")
        ru_school = translate(network["school"], "ru")
    heading = {}
    for code in ("kk", "ru"):
        with translation.override(code):
            heading[code] = gettext("Partner schools")
    assert heading["kk"] != heading["ru"]
    for _ in range(2):  # rendered, then cached
        kk_page = client.get(network["school"].url).content.decode()
        ru_page = client.get(ru_school.url).content.decode()
        assert heading["kk"] in kk_page and heading["ru"] not in kk_page
        assert heading["ru"] in ru_page and heading["kk"] not in ru_page


def test_a_publication_is_at_once_on_every_cached_part_for_a_signed_in_visitor(
    client,
    network,
    admin_user,
    django_capture_on_commit_callbacks,  # noqa: F811
):
    client.force_login(admin_user)  # never served by the page cache: only the parts are cached
    urls = pages(network)
    for url in urls:
        client.get(url)
        client.get(url)
    post = BlogPostPage(title="Жарияланған жаңалық", slug="published-news", intro="Жаңалық", live=False)
    network["blog"].add_child(instance=post)
    for url in urls:  # a draft changes nothing that visitors see
        assert "Жарияланған жаңалық" not in client.get(url).content.decode(), url
    with django_capture_on_commit_callbacks(execute=True):
        publish(post)
    for url in urls:
        assert "Жарияланған жаңалық" in client.get(url).content.decode(), url
    with django_capture_on_commit_callbacks(execute=True):
        post.unpublish()
    for url in urls:
        assert "Жарияланған жаңалық" not in client.get(url).content.decode(), url


def test_an_edited_author_is_renamed_on_every_card(client, network, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        add_post(network["blog"], "Авторлы жазба", author="Сәуле Ахметова")
    urls = pages(network)[:4]
    for url in urls:
        assert "Сәуле Ахметова" in client.get(url).content.decode(), url
    teacher = Teacher.objects.get(full_name="Сәуле Ахметова")
    teacher.full_name = "Сәуле Ахметқызы"
    teacher.save()
    for url in urls:
        assert "Сәуле Ахметқызы" in client.get(url).content.decode(), url


def test_the_language_switcher_shows_a_published_translation_at_once(
    client,
    network,
    django_capture_on_commit_callbacks,  # noqa: F811
):
    school = network["school"]
    client.get(school.url)
    assert 'lang="ru" hreflang="ru"' in client.get(school.url).content.decode()  # the nearest translated section
    with django_capture_on_commit_callbacks(execute=True):
        translate(network["region"], "ru")
        translated = translate(school, "ru")
    assert f'href="{translated.url}" lang="ru" hreflang="ru"' in client.get(school.url).content.decode()


def test_a_part_showing_an_upcoming_event_expires_when_the_event_ends(
    client,
    network,
    monkeypatch,
    django_capture_on_commit_callbacks,  # noqa: F811
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        add_event(network["events"], "Бітіп жатқан семинар", start=now - datetime.timedelta(minutes=55), hours=1)
    school, blog = network["school"].url, network["blog"].url
    for url in (school, blog):
        queries(client, url)
    school_cached, page = queries(client, school)
    assert "Бітіп жатқан семинар" in page
    blog_cached, _page = queries(client, blog)
    # Six minutes later the event has ended (within the cache's ten minutes): the school page's part, which
    # shows it, is rendered again; the blog's, which does not, is still cached.
    later = time.time() + 6 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert queries(client, school)[0] > school_cached
    assert queries(client, blog)[0] == blog_cached


def test_a_preview_is_never_cached_nor_served_from_the_cache(client, network):  # noqa: F811
    school = network["school"]
    client.get(school.url)
    draft = type(school).objects.get(pk=school.pk)
    draft.title = "Жоба атауы"
    preview = draft.make_preview_request()
    assert "Жоба атауы" in preview.content.decode()
    live = client.get(school.url).content.decode()
    assert "Жоба атауы" not in live and school.title in live


def site_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return sum('FROM "wagtailcore_site"' in query["sql"] for query in captured)


def test_the_site_of_a_page_request_is_read_once_per_content_generation(client, network):  # noqa: F811
    from wagtail.models import Site

    url = network["school"].url
    assert site_queries(client, url) == 1
    assert site_queries(client, url) == 0  # from the shared cache (home.middleware.CachedSiteMiddleware)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Жетекші мектептер желісі"
    site.save()  # bumps the content generation (pagecache.signals)
    assert site_queries(client, url) >= 1  # looked up again (and Wagtail's own site root paths, which it dropped)
    assert site_queries(client, url) == 0
