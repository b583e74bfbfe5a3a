"""Content in the visitor's language: people's names in Latin letters on English pages, creative groups, trainers'
positions and tags in three languages that survive wagtail-localize's copy, the review naming schools and regions
in the reader's language, and demo content a person would believe."""

import importlib
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail_localize.fields import copy_synchronised_fields

from demo.network import TEACHERS
from home.translations import titles_in_language
from network.models import (
    BlogPostPage,
    BlogTag,
    EventPage,
    LeadingSchoolPage,
    RegionPage,
    ResourcePage,
    Teacher,
)
from network.names import latin_form
from workflows import services
from workflows.factories import REVIEWERS_GROUP, complete_draft, make_user, teacher
from workflows.models import ReviewerRole

pytestmark = pytest.mark.django_db

# Letters only Kazakh writes: a Russian or English page that shows one shows Kazakh text.
KAZAKH_LETTERS = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def main_text(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("main").get_text(" ", strip=True)


def school(language="kk"):
    return LeadingSchoolPage.objects.get(slug="school-54", locale__language_code=language)


# People's names ------------------------------------------------------------------------------------------------


def test_a_teacher_gets_a_latin_form_that_an_editor_may_correct():
    teacher_record = Teacher.objects.create(full_name="Ольга Петренко")
    # The soft sign is left out, as in Kazakhstan's documents (anyascii alone writes "Ol'ga").
    assert teacher_record.latin_name == "Olga Petrenko"
    teacher_record.latin_name = "Olga Petrenko-Kim"
    teacher_record.save()
    teacher_record.refresh_from_db()
    assert teacher_record.latin_name == "Olga Petrenko-Kim"
    with translation.override("en"):
        assert teacher_record.name_here == "Olga Petrenko-Kim"
    with translation.override("ru"):
        assert teacher_record.name_here == "Ольга Петренко"


def test_the_migration_fills_the_latin_form_of_existing_teachers():
    from django.apps import apps

    Teacher.objects.bulk_create(
        [Teacher(full_name="Айгерім Жақыпова"), Teacher(full_name="Ержан Омаров", latin_name="Yerzhan Omarov")]
    )
    migration = importlib.import_module("network.migrations.0009_latin_names_and_group_languages")
    migration.fill_latin_names(apps, None)
    assert dict(Teacher.objects.values_list("full_name", "latin_name")) == {
        "Айгерім Жақыпова": latin_form("Айгерім Жақыпова"),
        "Ержан Омаров": "Yerzhan Omarov",
    }


def test_english_pages_name_authors_trainers_and_group_members_in_latin_letters(client, demo_network):
    post = main_text(client.get("/en/astana/school-54/blog/post-1/"))
    assert "Aygul Serikqyzy" in post and "Айгүл" not in post
    assert "Айгүл Серікқызы" in main_text(client.get("/kk/astana/school-54/blog/post-1/"))
    assert "Айгүл Серікқызы" in main_text(client.get("/ru/astana/school-54/blog/post-1/"))
    # Cards of the school's blog and of the network library.
    assert "Aygul Serikqyzy" in main_text(client.get("/en/astana/school-54/blog/"))
    library = main_text(client.get("/en/resources/"))
    assert not KAZAKH_LETTERS.search(library)
    region = main_text(client.get("/en/astana/"))
    assert "trainer, network leader" in region and not KAZAKH_LETTERS.search(region)
    page = main_text(client.get("/en/astana/school-54/"))
    assert "Leader: Aygul Serikqyzy" in page and "Olga Petrenko" in page


def test_the_demos_english_and_russian_pages_show_no_kazakh_text(client, demo_network):
    """Titles, intros, bodies, addresses, creative groups, tags, positions: all in the page's language."""
    paths = [
        "/{}/",
        "/{}/astana/",
        "/{}/astana/school-54/",
        "/{}/astana/school-54/blog/",
        "/{}/astana/school-54/blog/post-1/",
        "/{}/astana/school-54/events/",
        "/{}/astana/school-54/events/event-3/",
        "/{}/news/",
        "/{}/events/",
        "/{}/resources/",
        "/{}/astana/school-54/resources/resource-1/",
    ]
    for path in paths:
        text = main_text(client.get(path.format("en")))
        assert not KAZAKH_LETTERS.search(text), (path, KAZAKH_LETTERS.findall(text))
        # Russian pages name people as their documents do (in Cyrillic, with Kazakh letters): leave names out.
        text = main_text(client.get(path.format("ru")))
        for name in TEACHERS:
            text = text.replace(name, "")
        assert not KAZAKH_LETTERS.search(text), (path, re.findall(r"\S*[ӘәҒғҚқҢңӨөҰұҮүҺһІі]\S*", text))


# What wagtail-localize copies --------------------------------------------------------------------------------


def test_creative_groups_and_tags_keep_their_languages_when_the_translation_is_synchronised(client, demo_network):
    """wagtail-localize copies a page's inline rows and tags from the Kazakh page unchanged (they are not
    translatable models): what the Russian page shows must survive that copy."""
    kk, ru = school("kk"), school("ru")
    group = kk.creative_groups.all()[1]
    group.name_ru = "Группа естественных наук"
    group.save()
    copy_synchronised_fields(LeadingSchoolPage.objects.get(pk=kk.pk), ru)
    ru.save()
    ru.save_revision().publish()
    page = main_text(client.get("/ru/astana/school-54/"))
    assert "Группа естественных наук" in page and "Жаратылыстану пәндері" not in page
    assert "Focus topic: Inquiry skills" in main_text(client.get("/en/astana/school-54/"))

    kk_post = BlogPostPage.objects.get(slug="post-4", locale__language_code="kk", school=kk)
    assert {tag.name for tag in kk_post.tags.all()} == {"тәлімгерлік"}
    ru_post = BlogPostPage.objects.get(translation_key=kk_post.translation_key, locale__language_code="ru")
    copy_synchronised_fields(kk_post, ru_post)
    ru_post.save()
    ru_post.save_revision().publish()
    tag = BlogTag.objects.get(name="тәлімгерлік")
    post = BeautifulSoup(client.get(ru_post.url).content, "html.parser")
    link = post.find("a", string="наставничество")
    assert link is not None and link["href"].endswith(f"?tag={tag.slug}")
    # The same tag lists the same posts in every language.
    listing = main_text(client.get(f"/ru/astana/school-54/blog/?tag={tag.slug}"))
    assert ru_post.title in listing


# The review in the reader's language -------------------------------------------------------------------------


def test_titles_in_language_reads_every_translation_in_one_query(demo_network):
    pages = [
        school("kk"),
        school("kk").region,
        LeadingSchoolPage.objects.get(slug="school-159", locale__language_code="kk"),
    ]
    with CaptureQueriesContext(connection) as queries:
        titles = titles_in_language(pages, "ru")
    assert len(queries) == 1
    assert titles[pages[0].pk] == "Школа-лицей № 54, Астана" and titles[pages[1].pk] == "Город Астана"
    assert titles[pages[2].pk] == "Школа-гимназия № 159, Алматы"
    assert titles_in_language(pages, "kk")[pages[0].pk] == "Астана қаласының № 54 мектеп-лицейі"
    # A page without a translation in the language keeps its own title.
    Locale.objects.get_or_create(language_code="de")
    assert titles_in_language(pages[:1], "de") == {pages[0].pk: pages[0].title}


def review_in_russian(client, demo_network, count=1):
    kk = school("kk")
    author = teacher("content-author", kk, full_name="Айгерім Бекова")
    head = make_user("content-head", group=REVIEWERS_GROUP, language="ru")
    ReviewerRole.objects.get_or_create(user=head, role=ReviewerRole.Role.SCHOOL_HEAD, school=kk)
    for number in range(count):
        submission = complete_draft(author, title=f"Опыт {number}", language="ru")
        services.submit(submission, author)
    client.force_login(head)
    return head


def test_the_russian_admin_names_the_school_and_region_in_russian(client, demo_network):
    review_in_russian(client, demo_network)
    inbox = client.get(reverse("workflows:inbox")).content.decode()
    assert "Школа-лицей № 54, Астана" in inbox and "Город Астана" in inbox
    assert "Астана қаласының" not in inbox
    from viewflow.workflow.models import Task

    task = Task.objects.filter(process__submission__title="Опыт 0").exclude(status="DONE").first()
    page = client.get(reverse("workflows:task", args=[task.pk])).content.decode()
    # (The authors' place of work is the text the author gave, kept as written.)
    assert "<dt>Школа</dt><dd>Школа-лицей № 54, Астана, Город Астана</dd>" in page


def test_the_inbox_names_places_in_a_fixed_number_of_queries(client, demo_network):
    review_in_russian(client, demo_network, count=1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("workflows:inbox")).status_code == 200
    author = teacher("content-author", school("kk"))
    for number in range(1, 5):
        submission = complete_draft(author, title=f"Опыт {number}", language="ru")
        services.submit(submission, author)
    with CaptureQueriesContext(connection) as five:
        content = client.get(reverse("workflows:inbox")).content.decode()
    assert content.count("Школа-лицей № 54, Астана") == 5
    assert len(five) == len(one)


# Demo content a person would believe -------------------------------------------------------------------------


def test_the_demo_has_distinct_titles_excerpts_and_descriptions(demo_network):
    for language in ("kk", "ru", "en"):
        posts = list(BlogPostPage.objects.filter(locale__language_code=language).values_list("title", "intro"))
        assert len({title for title, _intro in posts}) == len(posts)
        assert len({intro for _title, intro in posts}) == len(posts)
        resources = list(ResourcePage.objects.filter(locale__language_code=language).values_list("title", flat=True))
        assert len(set(resources)) == len(resources)
        bodies = [str(post.body) for post in BlogPostPage.objects.filter(locale__language_code=language)]
        assert len(set(bodies)) == len(bodies)
    events = EventPage.objects.filter(locale__language_code="kk", school=school("kk"))
    assert len({event.intro for event in events}) == len({str(event.body) for event in events}) == events.count()


def test_upcoming_demo_events_register_on_their_own_page(client, demo_network):
    from attendance.models import RegistrationDesk

    upcoming = EventPage.objects.filter(locale__language_code="kk", start__gt=timezone.now())
    assert upcoming.exists()
    assert not EventPage.objects.exclude(registration_url="").exists()
    for event in upcoming:
        assert RegistrationDesk.objects.filter(event_key=event.translation_key).exists()
    event = upcoming.first()
    english = EventPage.objects.get(translation_key=event.translation_key, locale__language_code="en")
    page = main_text(client.get(english.url))
    assert "Sign in to register" in page


def test_every_region_of_the_full_demo_has_a_leading_school():
    from demo.network import LEADING_SCHOOLS, REGIONS

    assert {slug for slug, _kind, _names, _centres in REGIONS} == {slug for slug, _number, _kind in LEADING_SCHOOLS}


def test_the_demo_school_carries_its_address_and_leader_in_each_language(demo_network):
    assert school("kk").address == "Астана, Абай даңғылы, 54"
    assert school("ru").address == "Астана, проспект Абая, 54"
    assert school("en").address == "54 Abai Avenue, Astana"
    assert school("en").leader_name == "Aygul Serikqyzy"
    assert RegionPage.objects.get(slug="astana", locale__language_code="en").coordination_centre_address.endswith(
        "Tauelsizdik Street, Astana"
    )


def test_a_blog_filtered_by_tag_names_the_tag_in_the_page_language(client, demo_network):
    tag = BlogTag.objects.get(name="тәлімгерлік")
    assert "Записи с тегом «наставничество»" in main_text(client.get(f"/ru/astana/school-54/blog/?tag={tag.slug}"))
    assert "Posts tagged “mentoring”" in main_text(client.get(f"/en/astana/school-54/blog/?tag={tag.slug}"))


def test_the_demo_schools_rows_keep_their_order_in_every_language(demo_network):
    for language, name in (("kk", "№ {} мектеп"), ("ru", "Школа № {}"), ("en", "School No. {}")):
        assert [partner.name for partner in school(language).partner_schools.all()] == [
            name.format(162 + number) for number in range(10)
        ]
        assert [group.kind for group in school(language).creative_groups.all()] == [
            "primary",
            "subject",
            "problem",
            "research",
        ]
