"""What can be followed: the kinds of published items, each a page model with its listing rules.

Feeds, calendars, autodiscovery links and e-mail digests all read this registry, so a new kind of item (the
approved experience of the review workflow) is one more `Source` here and nothing else.

The approved-experience source is looked up lazily: its model lives in the `workflows` app, which is being built
separately. Until `settings.FOLLOW_EXPERIENCE_MODEL` ("app_label.ModelName", default
"workflows.ApprovedExperiencePage") names an installed Page model, the source reports itself unavailable and every
feed, form field and digest section for it is skipped (its feed URLs answer 404).
"""

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _

DEFAULT_EXPERIENCE_MODEL = "workflows.ApprovedExperiencePage"


class Source:
    """One kind of followable item.

    `model_label` names a Page model that has `first_published_at`, `locale` and, for per-school feeds, a
    `school` foreign key to the Leading School page of the same language. An optional classmethod
    `follow_queryset(queryset)` on the model narrows the live public pages further (e.g. approved only).
    """

    def __init__(self, key, model_label, title, school_title, label, listing_model=None, school_listing_model=None,
                 related=(), prefetch=()):
        self.key = key
        self._model_label = model_label
        self.title = title  # the network feed's title
        self.school_title = school_title  # a school feed's title, formatted with %(school)s
        self.label = label  # what a subscriber ticks
        self.listing_model = listing_model  # the network page listing these items (the feed's <link>)
        self.school_listing_model = school_listing_model  # the school's section listing them
        self.related = related
        self.prefetch = prefetch

    @property
    def model_label(self):
        return self._model_label() if callable(self._model_label) else self._model_label

    @property
    def model(self):
        """The page model, or None when it is not installed (yet)."""
        return _model_or_none(self.model_label)

    @property
    def listing(self):
        """The network listing page model, or None."""
        return _model_or_none(self.listing_model)

    @property
    def school_listing(self):
        return _model_or_none(self.school_listing_model)

    @property
    def available(self):
        return self.model is not None

    @property
    def has_school(self):
        return self.available and any(field.name == "school" for field in self.model._meta.get_fields())

    def queryset(self, locale, school=None):
        """Live, public items of one language, newest first, with what a feed or digest shows of each."""
        model = self.model
        items = model.objects.live().public().filter(locale=locale)
        if hasattr(model, "follow_queryset"):
            items = model.follow_queryset(items)
        if school is not None:
            items = items.filter(school=school)
        names = {field.name for field in model._meta.get_fields()}
        related = [name for name in self.related if name.split("__")[0] in names]
        prefetch = [name for name in self.prefetch if name in names]
        if related:
            items = items.select_related(*related)
        if prefetch:
            items = items.prefetch_related(*prefetch)
        return items.order_by("-first_published_at", "-pk")


def _model_or_none(label):
    if not label:
        return None
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _experience_model_label():
    return getattr(settings, "FOLLOW_EXPERIENCE_MODEL", DEFAULT_EXPERIENCE_MODEL)


SOURCES = {
    source.key: source
    for source in [
        Source(
            "news", "network.BlogPostPage", _("Network news"), _("%(school)s: blog"), _("News and blog posts"),
            listing_model="network.NetworkNewsPage", school_listing_model="network.BlogIndexPage",
            related=("school", "region"), prefetch=("authors", "categories"),
        ),
        Source(
            "events", "network.EventPage", _("Network events"), _("%(school)s: events"), _("Events"),
            listing_model="network.NetworkEventsPage", school_listing_model="network.EventIndexPage",
            related=("school", "region"),
        ),
        Source(
            "resources", "network.ResourcePage", _("Network resources"), _("%(school)s: resources"), _("Resources"),
            listing_model="network.ResourceLibraryPage",
            school_listing_model="network.ResourcePortalPage", related=("school", "region", "document", "video"),
            prefetch=("authors",),
        ),
        Source(
            "experience", _experience_model_label, _("Approved pedagogical experience"),
            _("%(school)s: approved experience"), _("Approved pedagogical experience"),
            listing_model="workflows.ApprovedExperienceLibraryPage", school_listing_model="network.ResourcePortalPage",
            related=("school", "region"),
        ),
    ]
}


def available_sources():
    return [source for source in SOURCES.values() if source.available]


def get_source(key):
    """The source called `key` if it exists and its model is installed, else None."""
    source = SOURCES.get(key)
    return source if source is not None and source.available else None


def source_for_model(model):
    for source in available_sources():
        if issubclass(model, source.model):
            return source
    return None
