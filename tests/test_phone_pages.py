"""What the phone-first work changed on the server side: the month view's weekday names and agenda cells, and
search results that show their kind, date and snippet on Wagtail's backend too (the SQLite quick start)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import timezone

from network.models import EventPage, NetworkEventsPage
from search import indexing
from search.tests.test_helpers import network  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def first(model, code):
    return model.objects.live().filter(locale__language_code=code).order_by("path").first()


@pytest.mark.parametrize(
    "code, expected",
    [
        ("kk", ["Дс", "Сс", "Ср", "Бс", "Жм", "Сб", "Жс"]),
        ("ru", ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]),
        ("en", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
    ],
)
def test_the_month_view_names_weekdays_as_each_language_does(client, demo_network, code, expected):
    page = first(NetworkEventsPage, code)
    event = first(EventPage, code)
    html = soup(client.get(f"{page.url}?when=past&month={timezone.localtime(event.start):%Y-%m}"))
    headers = html.select(".month-grid thead th abbr")
    assert [abbr.get_text(strip=True) for abbr in headers] == expected
    # The full name stays available to screen readers and as the agenda's day name on a phone.
    assert headers[0]["title"] and headers[0]["title"] != expected[0]


def test_only_days_of_the_month_with_events_become_agenda_entries(client, demo_network):
    page = first(NetworkEventsPage, "ru")
    event = first(EventPage, "ru")
    month = timezone.localtime(event.start)
    when = "past" if event.is_past else "upcoming"
    html = soup(client.get(f"{page.url}?when={when}&month={month:%Y-%m}"))
    agenda = html.select(".month-grid td.has-events")
    assert agenda, "the month of a demo event has at least one agenda day"
    for cell in agenda:
        assert cell.select(".month-event"), "an agenda day lists its events"
        assert "other-month" not in cell["class"]
        assert cell.select_one(".day-name").get_text(strip=True)
    days = [cell.select_one(".day-date").get_text(strip=True) for cell in agenda]
    assert str(month.day) in days


@pytest.fixture
def wagtail_backend(monkeypatch):
    """The page as the SQLite quick start serves it, on PostgreSQL too: Wagtail's backend, no facets."""
    monkeypatch.setattr(indexing, "is_supported", lambda: False)


def test_results_of_wagtail_s_backend_show_kind_date_and_snippet_across_the_page(client, network, wagtail_backend):
    network.post(
        "en",
        "Formative assessment in the fifth grade",
        intro="How the teachers of grade five assess.",
        date=datetime.date(2026, 3, 14),
    )
    network.event("en", "Formative assessment workshop")
    html = soup(client.get("/en/search/", {"query": "formative"}))
    results = html.select(".search-result")
    assert len(results) == 2
    for result in results:
        assert result.select_one(".search-result__kind .badge").get_text(strip=True)
        assert result.select_one("time")["datetime"]
    post = next(result for result in results if "fifth grade" in result.get_text())
    assert post.select_one(".search-result__snippet").get_text(strip=True) == "How the teachers of grade five assess."
    assert post.select_one("time")["datetime"] == "2026-03-14"
    # No facet panel: the results take the page's width instead of a 17 rem column.
    assert html.select_one(".search-layout")["class"] == ["search-layout", "search-layout--single"]
    assert not html.select(".search-facets")


def test_an_event_s_calendar_file_has_one_uid_in_every_language(client, demo_network):
    from icalendar import Calendar

    kk_event = first(EventPage, "kk")
    translations = [
        kk_event,
        *EventPage.objects.filter(translation_key=kk_event.translation_key).exclude(pk=kk_event.pk),
    ]
    assert len(translations) == 3
    uids = set()
    for event in translations:
        response = client.get(f"/{event.locale.language_code}/follow/events/{event.pk}.ics")
        assert response.status_code == 200
        (component,) = Calendar.from_ical(response.content).walk("VEVENT")
        uids.add(str(component["UID"]))
    assert uids == {f"event-{kk_event.translation_key}@leading-schools.kz"}


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ICU collations are PostgreSQL's; SQLite keeps plain order"
)
def test_regions_are_listed_in_the_order_of_the_language_s_alphabet(client, homes, django_capture_on_commit_callbacks):
    from network.factories import add
    from network.models import RegionPage

    with django_capture_on_commit_callbacks(execute=True):
        for number, title in enumerate(
            ("Алматы облысы", "Ұлытау облысы", "Ақмола облысы", "Ырыс облысы", "Абай облысы")
        ):
            add(homes["kk"], RegionPage(title=title, slug=f"collation-{number}"))
    html = soup(client.get("/kk/"))
    ours = {"Алматы облысы", "Ұлытау облысы", "Ақмола облысы", "Ырыс облысы", "Абай облысы"}
    listed = [link.get_text(strip=True) for link in html.select(".region-list li a")]
    listed = [title for title in listed if title in ours]  # the module's demo network has regions of its own
    # The Kazakh alphabet: А Ә Б … К Қ Л … У Ұ Ү … Ы І …; binary order would put "Ақмола" after "Алматы".
    assert listed == ["Абай облысы", "Ақмола облысы", "Алматы облысы", "Ұлытау облысы", "Ырыс облысы"]


def test_a_single_grade_is_shown_once(client, demo_network):
    from network.models import ResourcePage

    resource = ResourcePage.objects.live().filter(locale__language_code="ru").order_by("path").first()
    ResourcePage.objects.filter(pk=resource.pk).update(grade_from=8, grade_to=8)
    html = soup(client.get(resource.url))
    grades = html.find("dt", string="Классы").find_next_sibling("dd").get_text(strip=True)
    assert grades == "8"


def test_the_switcher_says_when_a_page_is_not_translated(client, demo_network):
    from network.factories import add
    from network.models import BlogIndexPage, BlogPostPage

    blog = first(BlogIndexPage, "kk")
    post = add(blog, BlogPostPage(title="Тек қазақша жазба", slug="only-kazakh", date=datetime.date(2026, 11, 1)))
    html = soup(client.get(post.url))
    note = html.select_one("#translation-note")
    assert [span["lang"] for span in note.select("span")] == ["ru", "en"]
    russian = html.select_one(".language-switcher a[hreflang=ru]")
    assert "language-switcher__missing" in russian["class"] and russian["aria-describedby"] == "translation-note"
    assert russian["href"] == first(BlogIndexPage, "ru").url  # the nearest translated section, said so
    # A translated page has no note and plain links.
    html = soup(client.get(first(BlogPostPage, "kk").url))
    assert html.select_one("#translation-note") is None and not html.select(".language-switcher__missing")


def test_demo_posts_have_excerpts_of_their_own(demo_network):
    from network.models import BlogPostPage

    for code in ("kk", "ru", "en"):
        posts = BlogPostPage.objects.filter(locale__language_code=code)
        for school_id in set(posts.values_list("school_id", flat=True)):
            intros = list(posts.filter(school_id=school_id).values_list("intro", flat=True))
            assert len(intros) > 1 and len(set(intros)) == len(intros), (code, intros)


def test_the_admin_refuses_in_the_language_the_user_chose(client, django_user_model):
    from django.contrib.auth.models import Group, Permission
    from wagtail.users.models import UserProfile

    editor = django_user_model.objects.create_user("editor", "editor@example.kz", "pw")
    group = Group.objects.create(name="Admin access")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    editor.groups.add(group)
    UserProfile.objects.create(user=editor, preferred_language="ru")
    client.force_login(editor)
    # The browser asks for English; the editor chose Russian in their account.
    response = client.get("/admin/users/", HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert response.redirect_chain and response.status_code == 200
    text = response.content.decode()
    assert "Извините, но у вас нет доступа в эту область." in text
    assert "Sorry, you do not have permission" not in text


def test_the_kazakh_dashboard_labels_its_search_box_in_kazakh(client, admin_user):
    from wagtail.users.models import UserProfile

    UserProfile.objects.create(user=admin_user, preferred_language="kk")
    client.force_login(admin_user)
    html = soup(client.get("/admin/"))
    labels = [label.get_text(strip=True) for label in html.select("label")]
    assert "Іздеу сөзі" in labels and "Search term" not in labels
