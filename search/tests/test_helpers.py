"""A small network in three languages for the search tests (imported by search/tests/test_*.py)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from network.models import (
    BlogIndexPage,
    BlogPostPage,
    EventIndexPage,
    EventPage,
    LeadingSchoolPage,
    RegionPage,
    ResourcePage,
    ResourcePortalPage,
    StandardPage,
)
from search import indexing

DATE = datetime.date(2026, 3, 2)


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def child(parent, page, live=True, published=False):
    """Add a page; `published` goes through a revision and its signals (as an editor does), otherwise the page
    is simply created live (or not), which is faster and enough for a rebuilt index."""
    page.locale = parent.locale
    page.live = live and not published
    if page.live:
        page.first_published_at = page.last_published_at = timezone.now()
    parent.add_child(instance=page)
    if published:
        publish(page)
    return page


class Network:
    """One region, one Leading School with its blog, events and resource portal, per language."""

    def __init__(self, homes):
        self.homes = homes
        self.regions, self.schools, self.blogs, self.events, self.portals = {}, {}, {}, {}, {}
        names = {
            "kk": ("Абай облысы", "Семей қаласының № 7 мектеп-лицейі"),
            "ru": ("Область Абай", "Школа-лицей № 7 города Семей"),
            "en": ("Abai Region", "School-Lyceum No. 7, Semey"),
        }
        for code, (region_name, school_name) in names.items():
            region = child(homes[code], RegionPage(title=region_name, slug=f"abai-{code}"))
            school = child(region, LeadingSchoolPage(title=school_name, slug=f"lyceum-7-{code}", locality="Семей"))
            self.regions[code], self.schools[code] = region, school
            self.blogs[code] = child(school, BlogIndexPage(title="Blog", slug="blog"))
            self.events[code] = child(school, EventIndexPage(title="Events", slug="events"))
            self.portals[code] = child(school, ResourcePortalPage(title="Resources", slug="resources"))

    def post(self, code, title, text="", intro="", date=DATE, live=True, slug=None, published=False):
        return child(
            self.blogs[code],
            BlogPostPage(
                title=title,
                slug=slug or f"post-{BlogPostPage.objects.count() + 1}",
                intro=intro,
                body=body(text),
                date=date,
            ),
            live=live,
            published=published,
        )

    def event(self, code, title, text="", start=None):
        start = start or timezone.make_aware(datetime.datetime(2026, 4, 10, 10, 0))
        return child(
            self.events[code],
            EventPage(
                title=title,
                slug=f"event-{EventPage.objects.count() + 1}",
                kind="seminar",
                start=start,
                end=start + datetime.timedelta(hours=3),
                venue="Семей",
                body=body(text),
            ),
        )

    def resource(
        self,
        code,
        title,
        text="",
        subject="mathematics",
        kind="lesson_plan",
        grades=(5, 6),
        direction="criteria_assessment",
    ):
        return child(
            self.portals[code],
            ResourcePage(
                title=title,
                slug=f"resource-{ResourcePage.objects.count() + 1}",
                kind=kind,
                subject=subject,
                direction=direction,
                grade_from=grades[0],
                grade_to=grades[1],
                language=code,
                body=body(text),
            ),
        )

    def standard(self, code, title, text=""):
        return child(
            self.schools[code],
            StandardPage(title=title, slug=f"page-{StandardPage.objects.count() + 1}", body=body(text)),
        )


@pytest.fixture
def network(homes):
    return Network(homes)


def rebuild():
    return indexing.rebuild()


def titles(response):
    """The titles of the results on a search page, in order."""
    return [result.title for result in response.context["results"]]


def search(client, language, query, **params):
    return client.get(f"/{language}/search/", {"query": query, **params})


def test_locales_exist(homes):
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"kk", "ru", "en"}
