"""RSS 2.0 and Atom feeds of the network and of each Leading School, one per kind of item and language.

Every feed reads the live, public pages of the active language (the URL's /kk/, /ru/ or /en/ prefix) in a fixed
number of queries, whatever the number of items.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _
from wagtail.models import Locale

from network.models import LeadingSchoolPage

from . import identity
from .sources import get_source

FEED_ITEMS = 30


@dataclass
class Scope:
    """What a feed or calendar covers: one kind of item, one language, the network or one school."""

    source: object
    locale: Locale
    school: LeadingSchoolPage | None
    request: object

    @property
    def key(self):
        school = f"/school-{self.school.translation_key}" if self.school else ""
        return f"{self.locale.language_code}/{self.source.key}{school}"


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist as error:
        raise Http404("No such language") from error


def school_in_locale(school_id, locale):
    """The live, public Leading School `school_id`, or its translation into `locale`; 404 otherwise.

    Any language version's id leads to the version of the URL's language, so one link per school is enough.
    """
    translation_key = LeadingSchoolPage.objects.filter(pk=school_id).values("translation_key")[:1]
    school = (
        LeadingSchoolPage.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=translation_key)
        .select_related("locale")
        .first()
    )
    if school is None:
        raise Http404("No such Leading School")
    return school


def resolve_scope(request, kind, school_id=None):
    source = get_source(kind)
    if source is None:
        raise Http404("No such feed")
    locale = active_locale()
    school = None
    if school_id is not None:
        school = school_in_locale(school_id, locale)
    return Scope(source=source, locale=locale, school=school, request=request)


def listing_url(scope):
    """The page a feed's <link> points to: the listing of these items, else the school or the home page."""
    if scope.school is not None:
        page = None
        model = scope.source.school_listing
        if model is not None:
            page = model.objects.child_of(scope.school).live().public().first()
        return (page or scope.school).get_url(request=scope.request)
    model = scope.source.listing
    if model is not None:
        page = model.objects.live().public().filter(locale=scope.locale).first()
        if page is not None:
            return page.get_url(request=scope.request)
    return f"/{scope.locale.language_code}/"


def item_summary(item):
    """A short plain-text summary, with when and where for an event (the joining link only when the event takes no
    registrations: then it is for registered teachers)."""
    from attendance.queries import link_is_private

    parts = []
    school = getattr(item, "school", None)
    if school is not None:
        parts.append(school.title)
    if hasattr(item, "start") and hasattr(item, "end"):
        when = date_format(timezone.localtime(item.start), "DATETIME_FORMAT")
        parts.append(_("When: %(when)s") % {"when": when})
        if getattr(item, "venue", ""):
            parts.append(_("Where: %(venue)s") % {"venue": item.venue})
        if getattr(item, "online_url", "") and not link_is_private(item):
            parts.append(_("Online: %(url)s") % {"url": item.online_url})
    intro = getattr(item, "intro", "") or getattr(item, "abstract", "") or getattr(item, "search_description", "")
    if intro:
        parts.append(intro)
    return "\n\n".join(parts)


def item_title(item):
    if getattr(item, "is_cancelled", False):
        return _("Cancelled: %(title)s") % {"title": item.title}
    return item.title


def item_author(item):
    authors = getattr(item, "authors", None)
    if isinstance(authors, str) and authors:
        return authors  # approved experience records its authors as written in the decision
    if authors is not None and hasattr(authors, "all"):
        names = [author.full_name for author in authors.all()]
        if names:
            return ", ".join(names)
    organiser = getattr(item, "organiser", "")
    if organiser:
        return organiser
    school = getattr(item, "school", None)
    return school.title if school is not None else _("Leading Schools network")


def item_attachment(item):
    """The item's file (a resource's document, else its video): a feed item carries one enclosure at most."""
    for name in ("document", "video"):
        document = getattr(item, name, None)
        if document is not None:
            return document
    return None


def file_size(document):
    """The size in bytes without a query (the storage knows it when the cached field is empty); RSS requires a
    length, and 0 is the agreed value when it is unknown."""
    if document.file_size:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return 0


class ItemFeed(Feed):
    """The RSS 2.0 feed of one kind of item; AtomItemFeed serves the same items as Atom."""

    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def get_object(self, request, kind, school_id=None):
        scope = resolve_scope(request, kind, school_id)
        self.request = request
        return scope

    def title(self, scope):
        if scope.school is not None:
            return str(scope.source.school_title) % {"school": scope.school.title}
        return str(scope.source.title)

    def link(self, scope):
        return listing_url(scope)

    def description(self, scope):
        if scope.school is not None:
            return _("New items of %(school)s, a Leading School of the network.") % {"school": scope.school.title}
        return _("New items from every Leading School of the network.")

    def feed_guid(self, scope):
        return identity.tag_uri(f"feed/{scope.key}")

    def author_name(self, scope):
        return _("Leading Schools network")

    def items(self, scope):
        return list(scope.source.queryset(scope.locale, scope.school)[:FEED_ITEMS])

    def item_title(self, item):
        return item_title(item)

    def item_description(self, item):
        # Both formats declare the summary as HTML: plain text is escaped, then split into paragraphs.
        return linebreaks(escape(item_summary(item)))

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return identity.page_guid(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return item_author(item)

    def item_categories(self, item):
        if hasattr(item, "categories"):
            return [category.name for category in item.categories.all()]
        return ()

    def item_enclosures(self, item):
        document = item_attachment(item)
        if document is None:
            return []
        url = self.request.build_absolute_uri(document.url)
        return [Enclosure(url, str(file_size(document)), document.content_type or "application/octet-stream")]


class AtomItemFeed(ItemFeed):
    feed_type = Atom1Feed

    def subtitle(self, scope):
        return self.description(scope)


FEED_CLASSES = {"rss": ItemFeed, "atom": AtomItemFeed}
# What autodiscovery links declare: the same types the feed generators serve.
FEED_MIME_TYPES = {"rss": Rss201rev2Feed.content_type.split(";")[0], "atom": Atom1Feed.content_type.split(";")[0]}
