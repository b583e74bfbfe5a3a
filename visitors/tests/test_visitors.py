"""Hole 8: public counters and the query log that visitors cannot inflate, and popular searches editors control."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.contrib.search_promotions.models import Query

from network.models import ResourcePage
from visitors.models import HiddenSearchTerm

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def visitor(address, agent=BROWSER):
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=agent)


def downloads(resource):
    resource.refresh_from_db()
    return resource.download_count


def test_a_download_counts_once_per_visitor_and_day_and_never_for_bots(demo_network):
    resource = ResourcePage.objects.live().filter(document__isnull=False).first()
    url = f"/kk/resources/{resource.pk}/download/"
    before = downloads(resource)
    reader = visitor("198.51.100.1")
    for _ in range(20):
        assert reader.get(url).status_code == 302  # every GET still gets the file
    assert downloads(resource) == before + 1
    assert visitor("198.51.100.1", PHONE).get(url).status_code == 302  # another device: another visitor
    assert visitor("198.51.100.2").get(url).status_code == 302
    assert downloads(resource) == before + 3
    for agent in (GOOGLEBOT, "curl/8.5.0", "python-requests/2.32", ""):
        assert visitor("198.51.100.3", agent).get(url).status_code == 302
    assert downloads(resource) == before + 3


def search(client, query, language="kk"):
    return client.get(f"/{language}/search/", {"query": query})


def test_one_visitor_logs_a_term_once_a_day_and_bots_never(homes):
    reader = visitor("198.51.100.10")
    for _ in range(5):
        search(reader, "бағалау")
    search(visitor("198.51.100.11", GOOGLEBOT), "бағалау")
    search(visitor("198.51.100.12", ""), "бағалау")
    assert Query.get("бағалау").hits == 1


@override_settings(SEARCH_LOG_LIMITS={"visitor": (5, 3600), "new_terms_per_day": 1000})
def test_one_visitor_cannot_flood_the_query_log(homes):
    flooder = visitor("198.51.100.20")
    for i in range(40):
        search(flooder, f"кездейсоқ сөз {i}")
    assert Query.objects.filter(query_string__startswith="кездейсоқ").count() == 5


@override_settings(SEARCH_LOG_LIMITS={"visitor": (100, 3600), "new_terms_per_day": 10})
def test_the_log_takes_a_bounded_number_of_new_terms_a_day(homes):
    Query.get("бағалау").add_hit()
    for i in range(30):
        search(visitor(f"198.51.100.{i + 30}"), f"жаңа сөз {i}")
    assert Query.objects.filter(query_string__startswith="жаңа").count() == 10
    # A known term is still counted once the cap is reached.
    search(visitor("198.51.100.99"), "бағалау")
    assert Query.get("бағалау").hits == 2


def popular(language="kk"):
    cache.clear()
    return search(Client(HTTP_USER_AGENT=BROWSER), "", language).context["popular"]


def test_popular_searches_need_several_visitors_results_and_no_editors_veto(demo_network):
    from wagtail.models import Page

    from search import indexing

    if indexing.is_supported():
        indexing.rebuild()  # PostgreSQL: "finds results" is asked of the site's own index
    title_word = Page.objects.live().filter(locale__language_code="kk", depth=4).first().title.split()[0]
    for i in range(3):
        search(visitor(f"203.0.113.{i}"), title_word)
    for _ in range(10):
        search(visitor("203.0.113.50"), "жалғыз іздеуші")  # one visitor, many times: once
    for i in range(3):
        search(visitor(f"203.0.113.{i + 10}"), "ешнәрсе табылмайтын сөз")  # several visitors, no results
    shown = popular()
    assert title_word.lower() in shown
    assert "жалғыз іздеуші" not in shown and "ешнәрсе табылмайтын сөз" not in shown
    HiddenSearchTerm.objects.create(query_string=f"  {title_word.upper()} ")
    assert title_word.lower() not in popular()


def test_editors_hide_a_term_in_the_admin_and_others_cannot(client, homes, admin_user, django_user_model):
    from django.contrib.auth.models import Group, Permission

    editor = django_user_model.objects.create_user("editor", "editor@example.kz", "pw-editor-2026")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.post("/admin/snippets/visitors/hiddensearchterm/add/", {"query_string": "Қате Сөз"})
    assert response.status_code == 302
    assert HiddenSearchTerm.objects.get().query_string == "қате сөз"

    teacher = django_user_model.objects.create_user("teacher", "teacher@example.kz", "pw-teacher-2026")
    teacher.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(teacher)
    response = client.post("/admin/snippets/visitors/hiddensearchterm/add/", {"query_string": "басқа"})
    assert response.status_code in (302, 403) and not HiddenSearchTerm.objects.filter(query_string="басқа").exists()
