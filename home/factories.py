"""Factories for pages in general and the home page: what tests, the demo and the benchmarks build pages with.

Built on wagtail-factories (`PageFactory(parent=...)` adds the page under its parent with Wagtail's tree API).
`PageFactory(published=True)` also saves a revision and publishes it, as an editor's "Publish" would.
"""

import factory
import wagtail_factories
from django.conf import settings
from wagtail.models import Locale, Page

from home.models import HomePage


def ensure_locales():
    """The Locale of every language of the site, by language code."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def publish(page, user=None):
    """Save a revision of the page and publish it, without an audit-log entry (a builder is not an editor)."""
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
        publish(translation)
    return translation


def publish_and_reload(page):
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
            publish_and_reload(page)


class HomePageFactory(PageFactory):
    """A bare kk home page for tests that need a root; get it with `make_home()`, which reuses the one there."""

    title = "Home"
    slug = "home-review"
    live = True
    locale = factory.LazyFunction(lambda: ensure_locales()["kk"])

    class Meta:
        model = HomePage


def make_home():
    """The kk home page, the network's root (the one load_demo makes, or a bare one for tests)."""
    locales = ensure_locales()
    home = HomePage.objects.filter(locale=locales["kk"], depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:  # a transactional test flushed the tree Wagtail's migration made
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["kk"], live=True))
        home = HomePageFactory(parent=root)
    return home
