"""The national-scale generator, run at a tiny scale: the tree it writes in bulk is the tree Wagtail would have made."""

import re

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Locale, Page

from demo.national import AlreadyLoaded, check_tree, load_national
from network.models import (
    BlogIndexPage,
    BlogPostPage,
    EventIndexPage,
    EventPage,
    LeadingSchoolPage,
    PartnerSchool,
    RegionPage,
    ResourceLibraryPage,
    ResourcePage,
    ResourcePortalPage,
)

TINY = {"schools": 3, "partners_per_school": 10, "posts": 20, "events": 10, "resources": 20}


def locale(code):
    return Locale.objects.get(language_code=code)


@pytest.fixture(scope="class")
def national_load(django_db_setup, django_db_blocker):
    """The tiny national load, made once for TestTheTinyNationalLoad's read-only tests (each test still runs in its own
    transaction, rolled back) and rolled back after the last of them."""
    from django.test import TestCase

    from demo.home import load_home

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):  # as the `homes` fixture does
            load_home()
        yield load_national(**TINY, ru_share=0.5, en_share=0.5)
        transaction.set_rollback(True)


@pytest.fixture
def national(national_load, db):
    return national_load


class TestTheTinyNationalLoad:
    """Read-only checks of one tiny national load, made once for all of them."""

    def test_tree_is_valid_for_treebeard_and_for_the_set_based_check(self, national):
        assert Page.find_problems() == ([], [], [], [], [])
        assert check_tree() == {}

    def test_counts_are_the_ones_asked_for(self, national):
        kk = locale("kk")
        assert LeadingSchoolPage.objects.filter(locale=kk).count() == 3
        assert PartnerSchool.objects.filter(leading_school__locale=kk).count() == 30
        assert BlogPostPage.objects.filter(locale=kk).count() == 20
        assert EventPage.objects.filter(locale=kk).count() == 10
        assert ResourcePage.objects.filter(locale=kk).count() == 20
        assert RegionPage.objects.filter(locale=kk).count() == 20
        for code in ("ru", "en"):
            # Every school, region and section exists in every language; a share of the items is translated.
            assert LeadingSchoolPage.objects.filter(locale__language_code=code).count() == 3
            assert BlogIndexPage.objects.filter(locale__language_code=code).count() == 3
            assert ResourceLibraryPage.objects.filter(locale__language_code=code).count() == 1
        translated = sum(BlogPostPage.objects.filter(locale__language_code=code).count() for code in ("ru", "en"))
        assert translated == national["post translations"] > 0
        assert national["posts"] == 20 and national["events"] == 10 and national["resources"] == 20
        assert 0 < national["upcoming events"] < 10

    def test_generated_items_are_served_at_their_url(self, national, client):
        for model in (BlogPostPage, EventPage, ResourcePage):
            for code in ("kk", "ru", "en"):
                page = model.objects.filter(locale__language_code=code).order_by("path").last()
                assert page is not None, (model, code)
                assert page.url.startswith(f"/{code}/")
                response = client.get(page.url)
                assert response.status_code == 200, page.url
                assert escape(page.title) in response.content.decode()

    def test_listings_and_schools_are_served(self, national, client):
        school = LeadingSchoolPage.objects.filter(locale__language_code="kk").first()
        for page in [school, *school.get_children().specific()]:
            assert client.get(page.url).status_code == 200, page.url
        library = ResourceLibraryPage.objects.get(locale__language_code="ru")
        assert client.get(library.url + "?subject=mathematics&grade=7").status_code == 200

    def test_translations_share_the_key_and_sit_under_the_translated_parents(self, national):
        kk = locale("kk")
        for model, index_model in (
            (BlogPostPage, BlogIndexPage),
            (EventPage, EventIndexPage),
            (ResourcePage, ResourcePortalPage),
            (LeadingSchoolPage, RegionPage),
        ):
            translations = model.objects.exclude(locale=kk)
            assert translations.exists(), model
            for page in translations:
                source = model.objects.get(translation_key=page.translation_key, locale=kk)
                assert page.slug == source.slug
                parent = page.get_parent().specific
                assert isinstance(parent, index_model) and parent.locale_id == page.locale_id
                assert parent.translation_key == source.get_parent().translation_key

    def test_school_and_region_point_at_the_ancestors_of_the_same_language(self, national):
        for model in (BlogPostPage, EventPage, ResourcePage):
            for page in model.objects.select_related("school", "region"):
                assert page.school is not None and page.region is not None
                assert page.path.startswith(page.school.path) and page.path.startswith(page.region.path)
                assert page.school.locale_id == page.region.locale_id == page.locale_id
                assert page.school.region_id == page.region_id
        for school in LeadingSchoolPage.objects.all():
            assert school.region_id == school.get_parent().pk
        assert not ResourcePage.objects.exclude(published_at=F("first_published_at")).exists()

    def test_listing_copies_are_the_pages_locale_and_live(self, national):
        """The loader writes rows without Model.save: it sets the listings' copies itself (ListingCopyMixin)."""
        for model in (EventPage, ResourcePage):
            assert model.objects.filter(listing_live=True).exists()
            assert not model.objects.exclude(listing_locale=F("locale"), listing_live=F("live")).exists()

    def test_a_second_run_refuses_and_changes_nothing(self, national):
        pages = Page.objects.count()
        with pytest.raises(AlreadyLoaded, match="already loaded"):
            load_national(**TINY)
        assert Page.objects.count() == pages


def test_existing_regions_are_reused_and_their_missing_translations_made(homes):
    kk = locale("kk")
    region = RegionPage(title="Абай облысы", slug="abai", locale=kk)
    homes["kk"].add_child(instance=region)
    load_national(schools=2, partners_per_school=2, posts=4, events=2, resources=4)

    assert list(RegionPage.objects.filter(locale=kk)) == [region]
    assert LeadingSchoolPage.objects.filter(locale=kk, region=region).count() == 2
    for code in ("ru", "en"):
        translation = region.get_translation(locale(code))
        assert translation.get_parent().pk == homes[code].pk
        assert LeadingSchoolPage.objects.child_of(translation).count() == 2
    assert Page.find_problems() == ([], [], [], [], [])


class Rollback(Exception):
    pass


INSERT_INTO = re.compile(r'^\s*INSERT INTO\s+"?(\w+)"?', re.IGNORECASE)


def statements_to_load(**sizes):
    """The statements a load sends, a run of multi-row INSERTs into one table counted once; the load is rolled back.

    The loader sizes its batches by what the backend accepts in one statement (`bulk_batch_size`): up to 1,000 rows
    on PostgreSQL, but only as many as fit SQLite's limit on bound parameters. A run of inserts into one table is one
    batched write whatever the backend cut it into.
    """
    with CaptureQueriesContext(connection) as queries:
        try:
            with transaction.atomic():
                load_national(**sizes)
                raise Rollback
        except Rollback:
            pass
    statements, batch_table = 0, None
    for query in queries.captured_queries:
        match = INSERT_INTO.match(query["sql"])
        table = match.group(1) if match else None
        if table is None or table != batch_table:
            statements += 1
        # Only a full batch (several rows) may be continued by the next statement: single-row inserts all count.
        batch_table = table if table and "), (" in query["sql"] else None
    return statements


def test_queries_do_not_grow_with_the_number_of_pages(homes):
    small = statements_to_load(schools=2, partners_per_school=2, posts=10, events=5, resources=10)
    # Ten times the items: the same statements, each inserting more rows.
    large = statements_to_load(schools=2, partners_per_school=10, posts=100, events=50, resources=100)
    assert large == small
