"""The results page: facets and their counts, combining and surviving pagination, order, snippets, the page for
no results (suggestions, popular searches, editors' picks), bad input, and its query count."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import query as search_query

from .test_helpers import network, rebuild, search, titles  # noqa: F401 (fixture)

# The site search index is PostgreSQL's (CI); on SQLite the page falls back to Wagtail's backend.
pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the search index needs PostgreSQL")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def library(network):
    """Kazakh resources and posts about assessment, with known subjects, grades, kinds and dates."""
    for number in range(6):
        network.resource("kk", f"Бағалау бойынша сабақ жоспары {number}", subject="mathematics", grades=(5, 6))
    for number in range(4):
        network.resource(
            "kk",
            f"Бағалау тапсырмалары {number}",
            subject="physics",
            grades=(7, 9),
            kind="assessment",
            direction="lesson_study",
        )
    for number in range(3):
        network.post("kk", f"Критериалды бағалау туралы жазба {number}", date=datetime.date(2025, 5, 1 + number))
    network.post("kk", "Басқа тақырып", text="Бұл жазбада бағалау туралы бір сөз бар.", date=datetime.date(2026, 1, 9))
    network.resource("ru", "Оценивание на уроке математики", subject="mathematics")
    rebuild()
    return network


def facet(response, name):
    for item in response.context["facets"]:
        if item.name == name:
            return {value.label: value.count for value in item.values}
    return {}


def test_facets_count_the_matches_by_kind_subject_grade_and_year(client, library):
    response = search(client, "kk", "бағалау")
    assert response.status_code == 200
    assert response.context["total"] == 14
    kinds = facet(response, "kind")
    assert kinds == {"ресурстар": 10, "жазбалар": 4}  # the facets speak the visitor's language
    assert facet(response, "subject") == {"математика": 6, "физика": 4}
    grades = facet(response, "grade")
    assert grades["5"] == 6 and grades["7"] == 4 and grades["9"] == 4 and "10" not in grades
    assert facet(response, "year") == {"2025": 3, "2026": 11}  # resources are dated by their publication
    school = library.schools["kk"]
    assert facet(response, "school") == {school.title: 14}
    assert facet(response, "region") == {library.regions["kk"].title: 14}


def test_facets_combine_with_the_query_and_each_other(client, library):
    response = search(client, "kk", "бағалау", kind="resource", subject="physics")
    assert response.context["total"] == 4
    assert facet(response, "resource_kind") == {"бағалау материалдары": 4}
    response = search(client, "kk", "бағалау", kind="resource", subject="physics", grade="5")
    assert response.context["total"] == 0
    assert "Таңдалған сүзгілер тым тар болуы мүмкін." in response.content.decode()
    response = search(client, "kk", "бағалау", **{"from": "2025-01-01", "to": "2025-12-31"})
    assert response.context["total"] == 3


def test_facets_survive_pagination(client, library):
    search_query.PER_PAGE, saved = 3, search_query.PER_PAGE
    try:
        first = search(client, "kk", "бағалау", kind="resource")
        html = first.content.decode()
        assert "kind=resource&amp;page=2" in html
        second = search(client, "kk", "бағалау", kind="resource", page="2")
        assert second.context["total"] == 10
        assert all(result.kind == "resource" for result in second.context["results"])
        assert set(titles(first)).isdisjoint(titles(second))
        facet_link = next(
            value.url for item in second.context["facets"] if item.name == "subject" for value in item.values
        )
        assert "kind=resource" in facet_link and "page=" not in facet_link
    finally:
        search_query.PER_PAGE = saved


def test_title_matches_come_first_and_date_order_is_newest_first(client, library):
    first, second = titles(search(client, "kk", "бағалау")), titles(search(client, "kk", "бағалау", page="2"))
    assert "Басқа тақырып" not in first
    assert second[-1] == "Басқа тақырып"  # the only page with the word in its body alone
    posts = titles(search(client, "kk", "бағалау", kind="post", order="date"))
    assert posts[:2] == ["Басқа тақырып", "Критериалды бағалау туралы жазба 2"]


def test_snippets_highlight_the_word_forms_and_escape_the_text(client, network):
    network.post("kk", "Жазба", text="Біз <script>alert(1)</script> мектептердің тәжірибесін зерттедік.")
    network.post("ru", "Заметка", text="Мы изучали опыт школ & <b>партнёров</b>.")
    rebuild()
    kk = search(client, "kk", "мектеп тәжірибе").context["results"][0].snippet
    assert "<mark>мектептердің</mark>" in kk and "<mark>тәжірибесін</mark>" in kk
    assert "<script>" not in kk
    ru = next(
        result.snippet for result in search(client, "ru", "школа").context["results"] if result.title == "Заметка"
    )
    assert "<mark>школ</mark>" in ru and "&amp;" in ru


def test_phrase_and_excluded_words(client, network):
    network.post("en", "Lesson study in practice")
    network.post("en", "A study of a lesson plan")
    rebuild()
    assert titles(search(client, "en", '"lesson study"')) == ["Lesson study in practice"]
    assert titles(search(client, "en", "lesson -plan")) == ["Lesson study in practice"]


def test_phrases_are_found_through_their_word_pairs_in_every_language(client, network):
    network.post("ru", "Работа с родителями", text="Школа и семья вместе.")
    network.post("ru", "Родители о работе", text="Работа учителя с классом.")
    network.post("kk", "Мектептің тәжірибесі", text="Ата-аналармен жұмыс.")
    network.post("kk", "Тәжірибе мектебі")
    network.post("en", "Parents and teachers", text="Teachers meet the parents of the class.")
    rebuild()
    # A stop word inside the phrase leaves a gap, which the pairs keep ("работ _ родител").
    assert titles(search(client, "ru", '"работа с родителями"')) == ["Работа с родителями"]
    assert titles(search(client, "ru", '"работа родители"')) == []
    # Kazakh word forms, with or without Kazakh letters, and the order of the words matters.
    assert titles(search(client, "kk", '"мектептегі тажирибелер"')) == ["Мектептің тәжірибесі"]
    assert titles(search(client, "kk", '"тәжірибе мектеп"')) == ["Тәжірибе мектебі"]
    assert titles(search(client, "en", '"the parents"')) == ["Parents and teachers"]
    assert titles(search(client, "en", '"parents teachers"')) == []
    # A phrase next to other words, an "or", an excluded phrase: the pairs only narrow what must match.
    assert titles(search(client, "ru", '"работа с родителями" семья')) == ["Работа с родителями"]
    assert sorted(titles(search(client, "ru", '"работа с родителями" or классом'))) == [
        "Работа с родителями",
        "Родители о работе",
    ]
    assert titles(search(client, "ru", 'работа -"работа с родителями"')) == ["Родители о работе"]


def test_the_index_stores_the_pairs_of_adjacent_words(network):
    network.post("ru", "Работа с родителями")
    rebuild()
    with connection.cursor() as cursor:
        cursor.execute("SELECT phrase_keys FROM search_searchentry WHERE title = 'Работа с родителями'")
        assert cursor.fetchone()[0] == ["работ _ родител"]
        cursor.execute(
            "UPDATE search_searchentry SET search_vector = to_tsvector('russian', 'школа года') "
            "WHERE title = 'Работа с родителями' RETURNING phrase_keys"
        )
        assert cursor.fetchone()[0] == ["школ год"]  # generated: any write keeps it right


def test_no_results_offers_a_spelling_suggestion_popular_searches_and_picks(client, library):
    query = Query.get("бағалау")
    for _ in range(3):
        query.add_hit()
    Query.get("мүлдем жоқ сөз").add_hit()  # popular, but finds nothing: not offered
    SearchPromotion.objects.create(query=Query.get("бағалу"), page=library.schools["kk"], description="Біздің мектеп")
    response = search(client, "kk", "бағалу")  # a typo
    html = response.content.decode()
    assert response.context["total"] == 0
    assert response.context["suggestion"] == "бағалау"
    assert response.context["popular"] == ["бағалау"]
    assert [pick["title"] for pick in response.context["picks"]] == [library.schools["kk"].title]
    assert "?query=%D0%B1%D0%B0%D2%93%D0%B0%D0%BB%D0%B0%D1%83" in html


def test_editors_picks_are_per_language(client, library):
    query = Query.get("lyceum")
    SearchPromotion.objects.create(query=query, page=library.schools["ru"], sort_order=1)
    SearchPromotion.objects.create(query=query, page=library.schools["en"], sort_order=2)
    picks = search(client, "en", "lyceum").context["picks"]
    assert [pick["title"] for pick in picks] == [library.schools["en"].title]


def test_every_visitors_search_is_logged_once_a_day_for_popular_searches(client, library):
    browser = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36"}
    client.get("/kk/search/", {"query": "Бағалау"}, **browser)
    client.get("/kk/search/", {"query": "бағалау "}, **browser)  # the same visitor, the same term: once
    client.get("/kk/search/", {"query": "бағалау"}, REMOTE_ADDR="10.1.1.1", **browser)
    assert Query.get("бағалау").hits == 2


def test_bad_input_gets_a_clear_message_and_is_ignored(client, library):
    response = search(
        client,
        "kk",
        "бағалау",
        **{"from": "01.09.2026", "kind": "nonsense", "page": "x", "grade": "99", "region": "abc"},
    )
    assert response.status_code == 200
    assert response.context["total"] == 14
    assert "2026-09-01" in response.content.decode()  # the message shows the expected format


def test_empty_query_shows_the_form(client, library):
    response = client.get("/kk/search/")
    assert response.status_code == 200
    assert "results" not in response.context


def test_results_page_query_count_does_not_grow_with_results(client, library, django_assert_num_queries):
    search(client, "kk", "бағалау", kind="resource")  # warm the site-root and menu caches
    # size probe, facets, results, school and region names, the site (relative URLs), editors' picks; the header's
    # menu is cached, and the query log takes a term once per visitor and day (visitors/counting.py), so a repeat
    # costs nothing there
    with django_assert_num_queries(6):
        response = search(client, "kk", "бағалау", kind="resource")
    assert len(response.context["results"]) == 10
    with django_assert_num_queries(6):
        search(client, "kk", "бағалау", kind="post")
    search(client, "kk", '"бағалау тапсырмалары"')
    with django_assert_num_queries(7):  # and the phrase's word pairs
        response = search(client, "kk", '"бағалау тапсырмалары"')
    assert response.context["total"] == 4
