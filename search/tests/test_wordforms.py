"""Word forms: a search in each language finds the other forms of the words it contains (search/README.md)."""

import pytest
from django.db import connection

from search.text import kazakh_stem, normalise_query, split_phrases
from search.wordforms import HELD_OUT, WORD_FORMS

from .test_helpers import network, rebuild, search, titles  # noqa: F401 (fixture)


@pytest.mark.parametrize("groups", [WORD_FORMS["kk"], HELD_OUT["kk"]], ids=["tuned", "held-out"])
def test_every_kazakh_form_of_a_word_has_one_normal_form_and_words_stay_apart(groups):
    normal_forms = []
    for group in groups:
        stems = {kazakh_stem(form) for form in group}
        assert len(stems) == 1, {form: kazakh_stem(form) for form in group}
        normal_forms.append(stems.pop())
    assert len(set(normal_forms)) == len(normal_forms)


def test_kazakh_letters_are_optional_in_a_query():
    assert kazakh_stem("мұғалімдерге") == kazakh_stem("мугалимдерге")
    assert normalise_query('"мектептің тәжірибесі" -семинарлар or іс-әрекет', "kk") == (
        '"мектеп тажирибе" -семинар or "ис арекет"'
    )


def test_the_phrases_every_result_must_contain_are_told_apart_from_the_other_words():
    assert split_phrases('"мектеп тажирибе" сабак -"ата ана" -семинар "жоба"') == (["мектеп тажирибе"], "сабак жоба")
    assert split_phrases('"работа с родителями" or семья') == ([], "")  # either may match: no pair is required
    assert split_phrases("школа года") == ([], "школа года")


# (language, title of a page, queries in other forms that must find it)
RECALL = [
    ("kk", "Мектеп туралы", ["мектептер", "мектебі", "мектептердегі", "мектептің"]),
    ("kk", "Мектептің жаңалықтары", ["мектеп", "мектептер", "мектепке"]),
    ("kk", "Тәжірибе алмасу алаңы", ["тәжірибелер", "тәжірибеміз", "тәжірибесі", "тажирибе"]),
    ("kk", "Сабақтарды зерттеу", ["сабақ", "сабағы", "сабақтың", "зерттеуі"]),
    ("kk", "Оқушылардың жетістіктері", ["оқушы", "оқушыға", "окушылар"]),
    ("kk", "Облысымыздың мұғалімдері", ["облыс", "мұғалім", "мұғалімге", "мугалимдер"]),
    ("ru", "Школа года", ["школы", "школам", "школах", "школ"]),
    ("ru", "Методические рекомендации для учителей", ["учитель", "учителям", "рекомендация"]),
    ("ru", "Семинар по оцениванию", ["семинары", "оценивание", "оценивания"]),
    ("en", "School leaders meet", ["schools", "school", "leader"]),
    ("en", "Teaching resources for teachers", ["teacher", "resource", "teach"]),
    ("en", "Lesson studies in the region", ["lesson study", "regions", "studying"]),
]


needs_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the search index needs PostgreSQL")


@pytest.fixture
def recall_pages(network):
    for language, title, _queries in RECALL:
        network.post(language, title, text="")
    rebuild()


@needs_postgresql
def test_each_language_finds_other_word_forms(client, recall_pages):
    missed = [
        (language, query, title)
        for language, title, queries in RECALL
        for query in queries
        if title not in titles(search(client, language, query))
    ]
    assert missed == []


@needs_postgresql
def test_a_search_stays_in_its_language(client, recall_pages):
    assert titles(search(client, "ru", "мектеп")) == []
    assert "Школа года" not in titles(search(client, "kk", "школа"))
    assert titles(search(client, "en", "школа")) == []


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the quick start's fallback, on SQLite")
def test_sqlite_quick_start_searches_through_wagtails_backend(client, homes):
    response = search(client, "en", "network")
    assert response.status_code == 200
    assert response.context["fallback"] is True
    assert "Leading Schools network" in [page.title for page in response.context["results"]]
