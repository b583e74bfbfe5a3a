import re

import pytest
from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("code", "title"),
    [("kk", "Жетекші мектептер желісі"), ("ru", "Сеть Ведущих школ"), ("en", "Leading Schools network")],
)
def test_language_roots_answer_in_their_language(client, homes, code, title):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == code
    assert page.h1.get_text(strip=True) == title


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.5", "/ru/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("kk", "/kk/"),
        ("de-DE,fr;q=0.7", "/kk/"),
        ("", "/kk/"),
    ],
)
def test_root_redirects_by_accept_language(client, homes, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


def test_switcher_and_hreflang_lead_to_the_translated_page(client, homes):
    page = soup(client.get("/ru/"))
    switcher = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert switcher == {"kk": "/kk/", "ru": "/ru/", "en": "/en/"}
    assert page.select_one('.language-switcher a[aria-current="true"]')["hreflang"] == "ru"
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)}
    assert alternates == {"kk": "http://testserver/kk/", "ru": "http://testserver/ru/", "en": "http://testserver/en/"}


def test_switcher_on_a_plain_view_keeps_the_path(client, homes):
    page = soup(client.get("/en/search/?query=school"))
    switcher = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert switcher["kk"].startswith("/kk/search/")
    assert switcher["ru"].startswith("/ru/search/")


@pytest.mark.parametrize(
    ("code", "text"),
    [("kk", "Негізгі мазмұнға өту"), ("ru", "Перейти к основному содержанию"), ("en", "Skip to main content")],
)
def test_interface_strings_are_translated(client, homes, code, text):
    page = soup(client.get(f"/{code}/"))
    assert page.select_one(".skip-link").get_text(strip=True) == text


@pytest.mark.parametrize(
    ("code", "heading"), [("kk", "Бет табылмады"), ("ru", "Страница не найдена"), ("en", "Page not found")]
)
def test_not_found_page_is_translated(client, homes, code, heading):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == code
    assert page.h1.get_text(strip=True) == heading


def test_kazakh_dates_are_day_first_with_lowercase_months(homes, settings):
    import datetime

    from django.utils import formats, translation

    with translation.override("kk"):
        assert formats.date_format(datetime.date(2026, 11, 22), "SHORT_DATE_FORMAT") == "22.11.2026"
        long = formats.date_format(datetime.date(2026, 11, 22))
    assert re.fullmatch(r"2026 жылғы 22 қараша", long), long


def test_main_menu_follows_publication(client, homes):
    from network.models import StandardPage

    def menu(code):
        return [a.get_text(strip=True) for a in soup(client.get(f"/{code}/")).select(".main-nav a")]

    assert menu("en") == ["Home"]
    about = StandardPage(title="About the network", slug="about", show_in_menus=True, locale=homes["en"].locale)
    homes["en"].add_child(instance=about)
    about.save_revision().publish()
    assert menu("en") == ["Home", "About the network"]
    assert menu("kk") == ["Басты бет"]  # each language has its own menu
    about.unpublish()
    assert menu("en") == ["Home"]
