"""Autocomplete on titles (JSON for the search box's script) and the editors' popular searches report."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.contrib.search_promotions.models import Query

from .test_helpers import network, rebuild  # noqa: F401 (fixture)

# The site search index is PostgreSQL's (CI); on SQLite the page falls back to Wagtail's backend.
pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the search index needs PostgreSQL")


@pytest.fixture
def titled(network):
    network.post("kk", "Мектептегі тәлімгерлік")
    network.post("kk", "Жас мұғалімдерге тәлімгерлік бағдарлама")
    network.resource("ru", "Менторство в школе")
    rebuild()
    return network


def suggest(client, language, typed):
    response = client.get(f"/{language}/search/autocomplete/", {"query": typed})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [item["title"] for item in response.json()["results"]]


def test_titles_starting_with_the_typed_text_come_first(client, titled):
    assert suggest(client, "kk", "мект")[0] == "Мектептегі тәлімгерлік"
    assert suggest(client, "kk", "тәлім") == ["Мектептегі тәлімгерлік", "Жас мұғалімдерге тәлімгерлік бағдарлама"]


def test_autocomplete_works_without_kazakh_letters_and_stays_in_its_language(client, titled):
    assert suggest(client, "kk", "талимгер") == ["Мектептегі тәлімгерлік", "Жас мұғалімдерге тәлімгерлік бағдарлама"]
    assert suggest(client, "ru", "ментор") == ["Менторство в школе"]
    assert suggest(client, "ru", "тәлім") == []


def test_autocomplete_gives_urls_and_kinds(client, titled):
    item = client.get("/ru/search/autocomplete/", {"query": "менто"}).json()["results"][0]
    assert item["url"].startswith("/ru/abai-ru/lyceum-7-ru/resources/")
    assert item["kind"] == "ресурсы"


def test_autocomplete_needs_two_characters_and_survives_odd_input(client, titled, django_assert_max_num_queries):
    assert suggest(client, "kk", "м") == []
    assert suggest(client, "kk", "") == []
    assert suggest(client, "kk", "%_\\'\"") == []
    suggest(client, "kk", "мектеп")  # the site's root paths are cached after the first URL
    # titles starting so; too few, so titles with words starting so (a savepoint, the planner setting, the query,
    # the release); the request's site (for relative URLs)
    with django_assert_max_num_queries(6):
        suggest(client, "kk", "мектептегі")


def test_the_search_box_script_is_on_every_page(client, titled):
    html = client.get("/kk/").content.decode()
    assert "search/autocomplete.js" in html


@pytest.fixture
def searches(db):
    for query_string, hits in (("бағалау", 5), ("lesson study", 2)):
        query = Query.get(query_string)
        for _ in range(hits):
            query.add_hit()


def test_editors_see_popular_searches(client, django_user_model, searches):
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))  # Wagtail's default editors: admin access, no superuser
    client.force_login(editor)
    response = client.get("/admin/reports/popular-searches/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("бағалау") < html.index("lesson study")


def test_popular_searches_are_refused_outside_the_admin(client, django_user_model, searches):
    response = client.get("/admin/reports/popular-searches/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(django_user_model.objects.create_user("visitor", password="pw"))
    response = client.get("/admin/reports/popular-searches/")
    assert response.status_code in (302, 403)
    assert "бағалау" not in response.content.decode()


def test_admin_users_who_edit_no_pages_neither_see_nor_open_popular_searches(client, django_user_model, searches):
    from django.contrib.auth.models import Permission

    teacher = django_user_model.objects.create_user("teacher", password="pw")  # in the admin only for the review
    teacher.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(teacher)
    assert "popular-searches" not in client.get("/admin/").content.decode()
    response = client.get("/admin/reports/popular-searches/", follow=True)
    assert response.redirect_chain and "бағалау" not in response.content.decode()
    # Wagtail's own words, in Kazakh from site/locale_admin
    assert [str(message).strip() for message in response.context["messages"]] == [
        "Кешіріңіз, бұл бөлімге кіруге рұқсатыңыз жоқ."
    ]

    curator = django_user_model.objects.create_user("curator", password="pw")  # manages editors' picks only
    curator.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "add_searchpromotion"]))
    client.force_login(curator)
    assert "/admin/reports/popular-searches/" in client.get("/admin/").content.decode()
    assert "бағалау" in client.get("/admin/reports/popular-searches/").content.decode()
