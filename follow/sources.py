"""What can be followed: the kinds of published items, each a page model with its listing rules.

Feeds, calendars, autodiscovery links and e-mail digests all read this registry, so a new kind of item is one more
`Source` here and nothing else. Models are named by label and looked up when used, so that this module imports no
app's models at start-up.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _


class Source:
    """One kind of followable item.

    `model_label` names a Page model that has `first_published_at`, `locale` and a `school` foreign key to the
    Leading School page of the same language. An optional classmethod
    `follow_queryset(queryset)` on the model narrows the live public pages further (e.g. approved only).
    """

    def __init__(
        self,
        key,
        model_label,
        title,
        school_title,
        label,
        listing_model=None,
        school_listing_model=None,
        related=(),
        prefetch=(),
    ):
        self.key = key
        self.model_label = model_label
        self.title = title  # the network feed's title
        self.school_title = school_title  # a school feed's title, formatted with %(school)s
        self.label = label  # what a subscriber ticks
        self.listing_model = listing_model  # the network page listing these items (the feed's <link>)
        self.school_listing_model = school_listing_model  # the school's section listing them
        self.related = related
        self.prefetch = prefetch

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def listing(self):
        """The network listing page model."""
        return apps.get_model(self.listing_model)

    @property
    def school_listing(self):
        return apps.get_model(self.school_listing_model)

    def queryset(self, locale, school=None):
        """Live, public items of one language, newest first, with what a feed or digest shows of each."""
        model = self.model
        items = model.objects.live().public().filter(locale=locale)
        if hasattr(model, "follow_queryset"):
            items = model.follow_queryset(items)
        if school is not None:
            items = items.filter(school=school)
        return (
            items.select_related(*self.related).prefetch_related(*self.prefetch).order_by("-first_published_at", "-pk")
        )


SOURCES = {
    source.key: source
    for source in [
        Source(
            "news",
            "network.BlogPostPage",
            _("Network news"),
            _("%(school)s: blog"),
            _("News and blog posts"),
            listing_model="network.NetworkNewsPage",
            school_listing_model="network.BlogIndexPage",
            related=("school", "region"),
            prefetch=("authors", "categories"),
        ),
        Source(
            "events",
            "network.EventPage",
            _("Network events"),
            _("%(school)s: events"),
            _("Events"),
            listing_model="network.NetworkEventsPage",
            school_listing_model="network.EventIndexPage",
            related=("school", "region"),
        ),
        Source(
            "resources",
            "network.ResourcePage",
            _("Network resources"),
            _("%(school)s: resources"),
            _("Resources"),
            listing_model="network.ResourceLibraryPage",
            school_listing_model="network.ResourcePortalPage",
            related=("school", "region", "document", "video"),
            prefetch=("authors",),
        ),
        Source(
            "experience",
            "workflows.ApprovedExperiencePage",
            _("Approved pedagogical experience"),
            _("%(school)s: approved experience"),
            _("Approved pedagogical experience"),
            listing_model="workflows.ApprovedExperienceLibraryPage",
            school_listing_model="network.ResourcePortalPage",
            related=("school", "region"),
        ),
    ]
}


def all_sources():
    return list(SOURCES.values())


def get_source(key):
    """The source called `key`, or None for a key nobody defined (an old or mistyped URL)."""
    return SOURCES.get(key)


def source_for_model(model):
    for source in all_sources():
        if issubclass(model, source.model):
            return source
    return None
