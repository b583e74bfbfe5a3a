"""Factories for pages in general and the network's pages and records: regions, Leading Schools and their
sections, posts, events, resources, partner schools, teachers (the authors of posts and resources).

Tests, the demo (demo/) and the benchmarks build the network through them. Built on wagtail-factories: a page
factory takes its parent (`LeadingSchoolPageFactory(parent=region)`, added with Wagtail's tree API) and
`published=True` to save a revision and publish it, as an editor's "Publish" would. The helper functions at the
end are the shapes the tests use most, each a call or two of the factories.
"""

import datetime

import factory
import wagtail_factories
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model
from wagtail.models import Locale

from network.models import (
    BlogIndexPage,
    BlogPostPage,
    EventIndexPage,
    EventPage,
    LeadingSchoolPage,
    NetworkEventsPage,
    NetworkNewsPage,
    PartnerSchool,
    RegionPage,
    ResourceLibraryPage,
    ResourcePage,
    ResourcePortalPage,
    Teacher,
)
from network.vocabulary import ContentLanguage, EventKind, ResourceKind, Subject

ALMATY = datetime.timezone(datetime.timedelta(hours=5))


def ensure_locales():
    """The Locale of every language of the site, by language code."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def publish_without_log(page, user=None):
    """Save a revision of the page and publish it, without an audit-log entry (the demo: a builder is not an editor)."""
    page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)


def translate_page(page, locale, fields):
    """The page's translation into `locale` with the given fields, created if missing and published."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    translation = translation.specific
    changed = [name for name, value in fields.items() if getattr(translation, name) != value]
    for name, value in fields.items():
        setattr(translation, name, value)
    if changed or not translation.live:
        translation.save()
        publish_without_log(translation)
    return translation


def publish(page):
    """Publish the page as an editor's "Publish" does (a revision, logged) and re-read it from the database."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class PageFactory(wagtail_factories.PageFactory):
    """A page under `parent`; with `published=True`, saved as a revision and published (then re-read)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def published(page, create, extracted, **kwargs):
        if create and extracted:
            publish(page)


class RegionPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")

    class Meta:
        model = RegionPage


class LeadingSchoolPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Leading School {n}")
    slug = factory.Sequence(lambda n: f"school-{n}")
    locality = "Қонаев"

    class Meta:
        model = LeadingSchoolPage


class PartnerSchoolFactory(DjangoModelFactory):
    leading_school = None  # required: the Leading School
    name = factory.LazyAttribute(lambda partner: f"{partner.leading_school.title} — partner")
    locality = factory.LazyAttribute(lambda partner: partner.leading_school.locality)

    class Meta:
        model = PartnerSchool


class BlogIndexPageFactory(PageFactory):
    title = "Блог"
    slug = "blog"

    class Meta:
        model = BlogIndexPage


class EventIndexPageFactory(PageFactory):
    title = "Іс-шаралар"
    slug = "events"

    class Meta:
        model = EventIndexPage


class ResourcePortalPageFactory(PageFactory):
    title = "Ресурстар"
    slug = "resources"

    class Meta:
        model = ResourcePortalPage


class NetworkNewsPageFactory(PageFactory):
    title = "Жаңалықтар"
    slug = "news"

    class Meta:
        model = NetworkNewsPage


class NetworkEventsPageFactory(PageFactory):
    title = "Желілік іс-шаралар"
    slug = "network-events"

    class Meta:
        model = NetworkEventsPage


class ResourceLibraryPageFactory(PageFactory):
    title = "Ресурс кітапханасы"
    slug = "library"

    class Meta:
        model = ResourceLibraryPage


def _slug(title):
    return slugify(title, allow_unicode=True) or f"item-{timezone.now().timestamp():.0f}"


class BlogPostPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Post {n}")
    slug = factory.LazyAttribute(lambda post: _slug(post.title))
    intro = factory.LazyAttribute(lambda post: f"{post.title}: intro")

    class Meta:
        model = BlogPostPage


class EventPageFactory(PageFactory):
    class Params:
        hours = 2

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.LazyAttribute(lambda event: _slug(event.title))
    kind = EventKind.SEMINAR
    start = datetime.datetime(2026, 12, 10, 10, 0, tzinfo=ALMATY)
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=event.hours))
    venue = "Қонаев, №1 мектеп"
    intro = factory.LazyAttribute(lambda event: f"{event.title}: intro")

    class Meta:
        model = EventPage


class DocumentFactory(DjangoModelFactory):
    """A document in the default collection, with a small PDF."""

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4 lesson plan", name="lesson-plan.pdf"))

    class Meta:
        model = get_document_model()


class ResourcePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.LazyAttribute(lambda resource: _slug(resource.title))
    kind = ResourceKind.LESSON_PLAN
    subject = Subject.MATHEMATICS
    language = ContentLanguage.KAZAKH
    intro = factory.LazyAttribute(lambda resource: f"{resource.title}: intro")

    class Meta:
        model = ResourcePage


class TeacherFactory(DjangoModelFactory):
    """An author record among a school's teachers (network.Teacher): posts and resources name their authors."""

    full_name = factory.Sequence(lambda n: f"Teacher {n}")

    class Meta:
        model = Teacher


# The shapes the tests use most -------------------------------------------------------------------------------


def add(parent, page):
    """Add an unsaved page under `parent` and publish it."""
    parent.add_child(instance=page)
    return publish(page)


def translate(page, code, **fields):
    """The page's published translation into `code` (its parents must be translated first)."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


def build_network(home):
    """A region with one Leading School and its three sections, and the three network pages, in one language."""
    region = RegionPageFactory(parent=home, title="Алматы облысы", slug="almaty-region", published=True)
    school = LeadingSchoolPageFactory(
        parent=region,
        title="Қонаев жетекші мектебі",
        slug="konaev",
        locality="Қонаев",
        email="school@example.kz",
        published=True,
    )
    return {
        "region": region,
        "school": school,
        "blog": BlogIndexPageFactory(parent=school, published=True),
        "events": EventIndexPageFactory(parent=school, published=True),
        "portal": ResourcePortalPageFactory(parent=school, published=True),
        "news_page": NetworkNewsPageFactory(parent=home, published=True),
        "events_page": NetworkEventsPageFactory(parent=home, published=True),
        "library": ResourceLibraryPageFactory(parent=home, published=True),
    }


def add_post(blog, title, author=None, **fields):
    """A published post in `blog`; `author` is a teacher's full name."""
    if not author:
        return BlogPostPageFactory(parent=blog, title=title, published=True, **fields)
    post = BlogPostPageFactory(parent=blog, title=title, **fields)
    post.authors.add(Teacher.objects.filter(full_name=author).first() or TeacherFactory(full_name=author))
    post.save()
    return publish(post)


def add_event(index, title, start=None, hours=2, publish_it=True, **fields):
    """An event in `index` (by default on 10 December 2026 at 10:00 in Almaty), published unless `publish_it=False`."""
    if start is not None:
        fields["start"] = start
    return EventPageFactory(parent=index, title=title, hours=hours, live=publish_it, published=publish_it, **fields)


def add_resource(portal, title, with_file=False, **fields):
    """A published resource in `portal`, with a PDF document when `with_file`."""
    document = DocumentFactory(title=f"{title} file") if with_file else None
    return ResourcePageFactory(parent=portal, title=title, document=document, published=True, **fields)


def make_school(home, region_title, school_title, region_slug=None, school_slug=None):
    """A live region with one Leading School, its partner school and its resource portal (each reused if there)."""
    region = RegionPage.objects.child_of(home).filter(title=region_title).first()
    if region is None:
        region = RegionPageFactory(
            parent=home, title=region_title, slug=region_slug or f"region-{RegionPage.objects.count() + 1}", live=True
        )
    school = LeadingSchoolPage.objects.child_of(region).filter(title=school_title).first()
    if school is None:
        school = LeadingSchoolPageFactory(
            parent=region,
            title=school_title,
            slug=school_slug or f"school-{LeadingSchoolPage.objects.count()}",
            locality=region_title,
            live=True,
        )
        school.refresh_from_db()
    if not school.partner_schools.exists():
        PartnerSchoolFactory(leading_school=school, locality=region_title)
    if not ResourcePortalPage.objects.child_of(school).exists():
        ResourcePortalPageFactory(parent=school, title="Resources", live=True)
    return school
