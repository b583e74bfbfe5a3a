"""Builders for the follow app's tests: a small network made with Wagtail's own API, as editors would make it."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
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
    RegionPage,
    ResourceLibraryPage,
    ResourcePage,
    ResourcePortalPage,
    Teacher,
)
from network.vocabulary import ContentLanguage, EventKind, ResourceKind, Subject

ALMATY = datetime.timezone(datetime.timedelta(hours=5))


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add(parent, page):
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
    region = add(home, RegionPage(title="Алматы облысы", slug="almaty-region"))
    school = add(
        region,
        LeadingSchoolPage(title="Қонаев жетекші мектебі", slug="konaev", locality="Қонаев", email="school@example.kz"),
    )
    return {
        "region": region,
        "school": school,
        "blog": add(school, BlogIndexPage(title="Блог", slug="blog")),
        "events": add(school, EventIndexPage(title="Іс-шаралар", slug="events")),
        "portal": add(school, ResourcePortalPage(title="Ресурстар", slug="resources")),
        "news_page": add(home, NetworkNewsPage(title="Жаңалықтар", slug="news")),
        "events_page": add(home, NetworkEventsPage(title="Желілік іс-шаралар", slug="network-events")),
        "library": add(home, ResourceLibraryPage(title="Ресурс кітапханасы", slug="library")),
    }


def add_post(blog, title, author=None, **fields):
    post = BlogPostPage(title=title, slug=fields.pop("slug", None) or _slug(title), intro=f"{title}: intro", **fields)
    blog.add_child(instance=post)
    if author:
        post.authors.add(Teacher.objects.get_or_create(full_name=author)[0])
        post.save()
    return publish(post)


def add_event(index, title, start=None, hours=2, publish_it=True, **fields):
    start = start or datetime.datetime(2026, 12, 10, 10, 0, tzinfo=ALMATY)
    event = EventPage(
        title=title,
        slug=fields.pop("slug", None) or _slug(title),
        kind=EventKind.SEMINAR,
        start=start,
        end=start + datetime.timedelta(hours=hours),
        venue=fields.pop("venue", "Қонаев, №1 мектеп"),
        intro=f"{title}: intro",
        live=publish_it,
        **fields,
    )
    index.add_child(instance=event)
    return publish(event) if publish_it else event


def add_resource(portal, title, with_file=False, **fields):
    document = None
    if with_file:
        document = get_document_model()(title=f"{title} file")
        document.file.save("lesson-plan.pdf", ContentFile(b"%PDF-1.4 lesson plan"), save=False)
        document.save()
    resource = ResourcePage(
        title=title,
        slug=fields.pop("slug", None) or _slug(title),
        kind=ResourceKind.LESSON_PLAN,
        subject=Subject.MATHEMATICS,
        language=ContentLanguage.KAZAKH,
        intro=f"{title}: intro",
        document=document,
        **fields,
    )
    portal.add_child(instance=resource)
    return publish(resource)


def _slug(title):
    from django.utils.text import slugify

    return slugify(title, allow_unicode=True) or f"item-{timezone.now().timestamp():.0f}"
