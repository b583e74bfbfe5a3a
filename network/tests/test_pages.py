"""The public network pages: every type in every language, filters, translations, query budgets."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from network.models import (
    BlogIndexPage,
    BlogPostPage,
    EventIndexPage,
    EventPage,
    LeadingSchoolPage,
    NetworkEventsPage,
    NetworkNewsPage,
    RegionPage,
    ResourceLibraryPage,
    ResourcePage,
    ResourcePortalPage,
)

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    RegionPage,
    LeadingSchoolPage,
    BlogIndexPage,
    BlogPostPage,
    EventIndexPage,
    EventPage,
    ResourcePortalPage,
    ResourcePage,
    NetworkNewsPage,
    NetworkEventsPage,
    ResourceLibraryPage,
]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def first(model, code, **filters):
    return model.objects.live().filter(locale__language_code=code, **filters).order_by("path").first()


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_renders_in_every_language(client, demo_network, model, code):
    page = first(model, code)
    assert page is not None, f"the demo has no {model.__name__} in {code}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == code
    assert html.h1.get_text(strip=True) == page.title
    assert html.find("meta", property="og:title")["content"] == page.title
    # Breadcrumbs lead home in the page's own language.
    assert html.select_one(".breadcrumbs a")["href"] == f"/{code}/"


def test_region_page_lists_its_schools_with_partner_counts(client, demo_network):
    almaty = RegionPage.objects.get(slug="almaty", locale__language_code="ru")
    html = soup(client.get(almaty.url))
    rows = html.select("main table tbody tr")
    assert len(rows) == 1
    school = LeadingSchoolPage.objects.get(
        translation_key__in=LeadingSchoolPage.objects.filter(slug="school-159").values("translation_key"),
        locale__language_code="ru",
    )
    assert rows[0].a["href"] == school.url
    # The demo's Almaty school has eleven partner schools: one beyond the regulation's ratio.
    assert "11" in rows[0].get_text() and "1:10" in rows[0].select_one(".badge--warn").get_text()


def test_school_page_shows_partner_count_against_the_ratio(client, demo_network):
    school = first(LeadingSchoolPage, "en", slug="school-54")
    html = soup(client.get(school.url))
    assert "10 partner schools of 10 under the regulation" in html.get_text(" ", strip=True)
    assert len(html.select("section[aria-labelledby=partners-heading] tbody tr")) == 10
    assert [a.get_text() for a in html.select(".section-links a")] == ["Blog", "Events", "Resource portal"]


def test_untranslated_post_says_so_and_offers_the_available_languages(client, demo_network):
    # The demo leaves each school's fifth post in Kazakh only.
    kk_post = first(BlogPostPage, "kk", slug="post-5")
    response = client.get(kk_post.url.replace("/kk/", "/ru/", 1))
    assert response.status_code == 404
    html = soup(response)
    assert html.html["lang"] == "ru"
    assert "ещё не переведена" in html.get_text()
    assert [a["hreflang"] for a in html.select(".alternatives a")] == ["kk"]


def test_switcher_leads_to_the_nearest_translated_ancestor(client, demo_network):
    kk_post = first(BlogPostPage, "kk", slug="post-4")  # translated into ru, not en
    html = soup(client.get(kk_post.url))
    links = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert links["ru"] == kk_post.get_translation(Locale.objects.get(language_code="ru")).url
    assert links["en"] == kk_post.get_parent().get_translation(Locale.objects.get(language_code="en")).url
    hreflangs = {link["hreflang"] for link in html.find_all("link", rel="alternate", hreflang=True)}
    assert hreflangs == {"kk", "ru"}


def test_authors_positions_are_given_in_the_readers_language(client, demo_network):
    post = {code: first(BlogPostPage, code, authors__isnull=False) for code in ("kk", "ru", "en")}
    for code, page in post.items():
        author = page.authors.first()
        expected = {"kk": author.position, "ru": author.position_ru, "en": author.position_en}[code]
        # English pages write the name in Latin letters (tests/test_content_languages.py).
        name = author.latin_name if code == "en" else author.full_name
        assert expected and f"{name} ({expected})" in client.get(page.url).content.decode()
    # Not given in a language: the Kazakh one, rather than nothing.
    author = post["en"].authors.first()
    author.position_en = ""
    author.save()
    assert f"{author.latin_name} ({author.position})" in client.get(post["en"].url).content.decode()


def test_dates_are_formatted_per_language(client, demo_network):
    post = first(BlogPostPage, "kk", slug="post-1")
    post.date = datetime.date(2026, 11, 22)
    post.save()
    texts = {}
    for code in ("kk", "ru", "en"):
        translation = post.get_translation(Locale.objects.get(language_code=code))
        if code != "kk":
            translation.date = post.date
            translation.save()
        texts[code] = soup(client.get(translation.url)).select_one("main time").get_text()
    assert texts == {"kk": "2026 жылғы 22 қараша", "ru": "22 ноября 2026 г.", "en": "Nov. 22, 2026"}


class TestEventFilters:
    def events_on(self, client, url):
        html = soup(client.get(url))
        return [a.get_text(strip=True) for a in html.select(".event-card h3 a")]

    def test_upcoming_and_past(self, client, demo_network):
        page = first(NetworkEventsPage, "kk")
        now = timezone.now()
        upcoming = self.events_on(client, page.url)
        past = self.events_on(client, page.url + "?when=past")
        live = EventPage.objects.live().filter(locale__language_code="kk")
        assert sorted(upcoming) == sorted(live.filter(end__gte=now).values_list("title", flat=True))
        assert sorted(past) == sorted(live.filter(end__lt=now).values_list("title", flat=True))
        assert upcoming and past

    def test_by_kind_region_and_school(self, client, demo_network):
        page = first(NetworkEventsPage, "en")
        event = first(EventPage, "en")
        when = "past" if event.is_past else "upcoming"
        for query in (f"kind={event.kind}", f"region={event.region_id}", f"school={event.school_id}"):
            titles = self.events_on(client, f"{page.url}?when={when}&{query}")
            assert event.title in titles
        other_school = LeadingSchoolPage.objects.filter(locale=event.locale).exclude(pk=event.school_id).first()
        titles = self.events_on(client, f"{page.url}?when={when}&school={other_school.pk}")
        assert titles and event.title not in titles or not titles

    def test_month_view(self, client, demo_network):
        event = first(EventPage, "ru")
        page = first(NetworkEventsPage, "ru")
        month = timezone.localtime(event.start).strftime("%Y-%m")
        html = soup(client.get(f"{page.url}?month={month}"))
        cells = html.select(".month-grid td")
        assert len(cells) in (28, 35, 42)
        assert event.title in [a.get_text(strip=True) for a in html.select(".month-grid .month-event")]

    def test_nonsense_filters_are_ignored_not_errors(self, client, demo_network):
        page = first(NetworkEventsPage, "kk")
        response = client.get(page.url + "?kind=nope&region=abc&month=2026-13&page=999")
        assert response.status_code == 200


@pytest.mark.parametrize(
    "language, days, ends",
    [("ru", 0, "13:00"), ("kk", 0, "13:00"), ("en", 0, "1 p.m."), ("ru", 1, "30 октября 2026 г. 13:00")],
)
def test_an_event_says_its_end_date_only_when_it_ends_on_another_day(client, demo_network, language, days, ends):
    event = first(EventPage, language)
    start = datetime.datetime(2026, 10, 29, 10, 0, tzinfo=timezone.get_current_timezone())
    EventPage.objects.filter(pk=event.pk).update(start=start, end=start + datetime.timedelta(days=days, hours=3))
    html = soup(client.get(event.url))
    times = [time.get_text(strip=True) for time in html.select("dl.facts time")]
    assert times[1] == ends, times


class TestResourceFilters:
    def titles(self, client, url):
        return [a.get_text(strip=True) for a in soup(client.get(url)).select(".card h3 a")]

    def test_each_filter_narrows_the_library(self, client, demo_network):
        library = first(ResourceLibraryPage, "kk")
        everything = self.titles(client, library.url)
        resource = first(ResourcePage, "kk")
        assert resource.title in everything
        for query in (
            f"kind={resource.kind}",
            f"subject={resource.subject}",
            f"language={resource.language}",
            f"direction={resource.direction}",
            f"grade={resource.grade_from}",
            f"region={resource.region_id}",
            f"school={resource.school_id}",
        ):
            narrowed = self.titles(client, f"{library.url}?{query}")
            assert resource.title in narrowed, query
        expected = ResourcePage.objects.live().filter(locale=resource.locale, subject=resource.subject).count()
        assert len(self.titles(client, f"{library.url}?subject={resource.subject}")) == expected

    def test_a_newly_published_resource_comes_first(self, client, demo_network):
        library = first(ResourceLibraryPage, "kk")
        portal = first(ResourcePage, "kk").get_parent()
        resource = ResourcePage(
            title="Жаңа ресурс: бағалау парағы",
            slug="new-assessment-sheet",
            kind="assessment",
            subject="mathematics",
            language="kk",
            live=False,
        )
        portal.add_child(instance=resource)
        assert resource.published_at is None
        resource.save_revision().publish()  # as a moderator publishes it
        resource.refresh_from_db()
        # The libraries order by their own copy of the first publication date (indexed, see ResourcePage).
        assert resource.published_at == resource.first_published_at is not None
        assert self.titles(client, library.url)[0] == resource.title
        assert self.titles(client, f"{library.url}?subject=mathematics")[0] == resource.title

    def test_pagination_keeps_the_filters(self, client, demo_network, monkeypatch):
        library = first(ResourceLibraryPage, "kk")
        monkeypatch.setattr(ResourceLibraryPage, "per_page", 2)
        html = soup(client.get(f"{library.url}?language=kk"))
        next_link = html.select_one('.pagination a[rel="next"]')["href"]
        assert "language=kk" in next_link and "page=2" in next_link


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_later_pages_of_the_network_listings_are_the_offsets_rows(client, demo_network, monkeypatch, code):
    """Pages after the first are read by their keys (network.models.listing.LateRowPaginator): the same rows in
    the same order as the listing's plain OFFSET, and every item once across the pages."""
    from network.models.events import EventFilter, event_listing
    from network.models.resources import resource_listing

    monkeypatch.setattr(ResourceLibraryPage, "per_page", 2)
    monkeypatch.setattr(NetworkEventsPage, "per_page", 1)
    library, events = first(ResourceLibraryPage, code), first(NetworkEventsPage, code)
    locale = Locale.objects.get(language_code=code)
    resources = resource_listing(ResourcePage.objects.filter(listing_locale=locale))
    past = EventFilter(type("Request", (), {"GET": {"when": "past"}})()).apply(
        event_listing(EventPage.objects.filter(listing_locale=locale))
    )
    for url, listing, selector, size in (
        (library.url + "?", resources, ".card h3 a", 2),
        (events.url + "?when=past&", past, ".event-card h3 a", 1),
    ):
        expected = [item.get_url() for item in listing]
        assert len(expected) > 2 * size and len(set(expected)) == len(expected), url
        shown = []
        for number in range(1, (len(expected) + size - 1) // size + 1):
            page = [a["href"] for a in soup(client.get(f"{url}page={number}")).select(selector)]
            assert page == expected[(number - 1) * size : number * size], (url, number)
            shown += page
        assert shown == expected


def test_resource_download_is_counted(client, demo_network):
    resource = first(ResourcePage, "kk")
    before = resource.download_count
    response = client.get(
        f"/kk/resources/{resource.pk}/download/",
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36",
    )
    assert response.status_code == 302
    assert response["Location"] == resource.document.url
    resource.refresh_from_db()
    assert resource.download_count == before + 1  # once per visitor and day: visitors/tests/test_visitors.py


def test_draft_resource_cannot_be_downloaded(client, demo_network):
    resource = first(ResourcePage, "kk")
    resource.unpublish()
    assert client.get(f"/kk/resources/{resource.pk}/download/").status_code == 404


def test_sitemap_lists_pages_in_every_language(client, demo_network, settings):
    body = client.get("/sitemap.xml").content.decode()
    # The site's real address (SITE_BASE_URL, set on the Wagtail Site by load_demo), not http://localhost/.
    host = settings.SITE_BASE_URL.rstrip("/")
    assert host != "http://localhost" and "<loc>http://localhost/" not in body
    for code in ("kk", "ru", "en"):
        school = first(LeadingSchoolPage, code)
        assert f"<loc>{host}{school.url}</loc>" in body
        assert f"<loc>{host}/{code}/</loc>" in body
    draft = first(BlogPostPage, "ru")
    location = f"<loc>{host}{draft.url}</loc>"
    assert location in body
    draft.unpublish()
    assert location not in client.get("/sitemap.xml").content.decode()


def listing_query_counts(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_items(school_kk, count):
    """More posts, events and resources in a school, like the demo's, to show listing queries do not grow."""
    model_post = BlogPostPage.objects.filter(school=school_kk, image__isnull=False).first()
    model_resource = ResourcePage.objects.filter(school=school_kk).first()
    blog = BlogIndexPage.objects.child_of(school_kk).get()
    events = EventIndexPage.objects.child_of(school_kk).get()
    portal = ResourcePortalPage.objects.child_of(school_kk).get()
    start = timezone.now() + datetime.timedelta(days=2)
    for n in range(count):
        post = BlogPostPage(
            title=f"Extra post {n}",
            slug=f"extra-post-{n}",
            locale=school_kk.locale,
            image=model_post.image,
            date=timezone.localdate(),
        )
        blog.add_child(instance=post)
        post.authors.set(model_post.authors.all())
        post.save()
        events.add_child(
            instance=EventPage(
                title=f"Extra event {n}",
                slug=f"extra-event-{n}",
                kind="seminar",
                start=start,
                end=start,
                venue="Hall",
                locale=school_kk.locale,
            )
        )
        resource = ResourcePage(
            title=f"Extra resource {n}",
            slug=f"extra-resource-{n}",
            kind="lesson_plan",
            subject="mathematics",
            language="kk",
            locale=school_kk.locale,
            document=model_resource.document,
        )
        portal.add_child(instance=resource)
        resource.authors.set(model_resource.authors.all())
        resource.save()


def test_listing_query_counts_do_not_grow_with_items(client, demo_network):
    school = first(LeadingSchoolPage, "kk")
    urls = [
        "/kk/",
        first(RegionPage, "kk", pk=school.region_id).url,
        school.url,
        BlogIndexPage.objects.child_of(school).get().url,
        EventIndexPage.objects.child_of(school).get().url,
        ResourcePortalPage.objects.child_of(school).get().url,
        first(NetworkNewsPage, "kk").url,
        first(NetworkEventsPage, "kk").url,
        first(ResourceLibraryPage, "kk").url + "?subject=mathematics",
    ]
    for url in urls:  # the first visit makes image renditions; measure the steady state
        client.get(url)
    before = {url: listing_query_counts(client, url) for url in urls}
    add_items(school, 6)
    after = {url: listing_query_counts(client, url) for url in urls}
    assert after == before
    assert max(before.values()) <= 40, before


def test_pagination_stays_short_with_thousands_of_pages(rf):
    from django.core.paginator import Paginator
    from django.template.loader import render_to_string
    from django.utils import translation

    page = Paginator(range(100_000), 12).get_page(500)
    with translation.override("en"):
        html = soup_of(render_to_string("includes/pagination.html", {"page_obj": page}, request=rf.get("/?page=500")))
    labels = [item.get_text(strip=True) for item in html.select("li")]
    assert labels[0] == "Previous" and labels[-1] == "Next"
    assert "1" in labels and "8334" in labels and "500" in labels and labels.count("…") == 2
    assert len(labels) <= 12


def soup_of(markup):
    return BeautifulSoup(markup, "html.parser")


def test_listing_counts_are_capped_and_say_so(client, demo_network, monkeypatch):
    from network.models.blog import CappedPaginator

    library = first(ResourceLibraryPage, "en")
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    html = soup(client.get(library.url))
    assert "More than 3 resources: narrow the filters to see them all." in html.get_text()
    assert html.select_one('.pagination a[rel="next"]') is None


def test_moved_content_follows_its_new_school_and_region(demo_network):
    post = first(BlogPostPage, "kk", slug="post-1")
    old_school = post.school
    other_school = LeadingSchoolPage.objects.filter(locale=post.locale).exclude(pk=old_school.pk).first()
    other_blog = BlogIndexPage.objects.child_of(other_school).get()
    post.slug = "moved-post"
    post.save()
    post.move(other_blog, pos="last-child")
    post.refresh_from_db()
    assert (post.school_id, post.region_id) == (other_school.pk, other_school.region_id)

    # A whole school moved to another region takes its posts, events and resources along.
    new_region = RegionPage.objects.filter(locale=post.locale).exclude(pk=other_school.region_id).first()
    other_school.move(new_region, pos="last-child")
    other_school.refresh_from_db()
    assert other_school.region_id == new_region.pk
    assert set(EventPage.objects.filter(school=other_school).values_list("region_id", flat=True)) == {new_region.pk}
    assert BlogPostPage.objects.get(pk=post.pk).region_id == new_region.pk


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"end_offset": -1, "venue": "Зал"}, "end", "Мероприятие не может закончиться раньше, чем начнётся."),
        ({"end_offset": 40 * 24, "venue": "Зал"}, "end", "Мероприятие может длиться не более 31 дней"),
        ({"end_offset": 2, "venue": ""}, "venue", "Укажите место проведения, онлайн-ссылку или и то и другое."),
    ],
)
def test_event_dates_and_place_are_checked_with_a_translated_error(fields, field, message):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    start = timezone.now()
    event = EventPage(
        title="Семинар",
        kind="seminar",
        start=start,
        end=start + datetime.timedelta(hours=fields["end_offset"]),
        venue=fields["venue"],
    )
    with translation.override("ru"):  # the editor's language, while the message is rendered
        with pytest.raises(ValidationError) as error:
            event.clean()
        assert message in " ".join(str(text) for text in error.value.message_dict[field])


def test_resource_grades_are_checked_with_a_translated_error():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    resource = ResourcePage(
        title="Жоспар", kind="lesson_plan", subject="mathematics", language="kk", grade_from=7, grade_to=5
    )
    with translation.override("kk"):
        with pytest.raises(ValidationError) as error:
            resource.clean()
        assert [str(text) for text in error.value.message_dict["grade_to"]] == [
            "Соңғы сынып біріншісінен бұрын тұра алмайды."
        ]


def test_nonsense_resource_filters_are_ignored(client, demo_network):
    library = first(ResourceLibraryPage, "kk")
    everything = soup(client.get(library.url)).select(".card h3 a")
    response = client.get(library.url + "?grade=99&subject=nope&region=x&school=&language=zz&page=-3")
    assert response.status_code == 200
    assert len(soup(response).select(".card h3 a")) == len(everything)


def test_titles_name_the_page_then_the_network_once(client, demo_network):
    home = soup(client.get("/ru/")).title.get_text()
    assert home == "Сеть Ведущих школ"
    news = soup(client.get(first(NetworkNewsPage, "ru").url)).title.get_text()
    assert news == f"{first(NetworkNewsPage, 'ru').title} · Сеть Ведущих школ"
