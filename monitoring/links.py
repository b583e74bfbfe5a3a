"""Where each figure leads: the list it counts.

In the admin, to the monitoring lists (schools, events with their registrations, posts, resources, submissions,
teachers), scoped and filtered like the figure, period included (their views check the scope again: a link cannot
widen it); on the public page, to the public listings of the visitor's language only.
"""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.models import Locale

from monitoring.scopes import Scope
from network.models import NetworkEventsPage, NetworkNewsPage, RegionPage, ResourceLibraryPage


def _with(url, **params):
    params = {name: value for name, value in params.items() if value not in (None, "")}
    return f"{url}?{urlencode(params)}" if url and params else url


class PublicLinks:
    """Links to the public listings of one language (the public page names no region or school filter)."""

    def __init__(self, locale=None, region_id=None):
        self.locale = locale or Locale.get_active()
        self._urls = {}
        # A region's row of the side-by-side table: its page id in this language, the public listings' filter.
        self.region_filter = region_id

    def _page_url(self, model):
        if model not in self._urls:
            page = model.objects.live().filter(locale=self.locale).first()
            self._urls[model] = (page.url or "") if page else ""
        return self._urls[model]

    def events(self, month=None, kind=None):
        return _with(
            self._page_url(NetworkEventsPage),
            month=month,
            kind=kind,
            when="past" if kind or self.region_filter else None,
            region=self.region_filter,
        )

    def posts(self):
        return _with(self._page_url(NetworkNewsPage), region=self.region_filter)

    def resources(self, **filters):
        return _with(self._page_url(ResourceLibraryPage), region=self.region_filter, **filters)

    def registrations(self, **_filters):
        return ""  # nobody's registrations are public

    def for_unit(self, by, unit_id):
        """The links of one row of the side-by-side table (a region: the public listings filtered by it)."""
        if by != "region":
            return PublicLinks(self.locale)
        page = self._region_page(unit_id)
        unit = PublicLinks(self.locale, region_id=page.pk if page else None)
        unit._urls = self._urls
        if page is None:  # the region has no page in this language: its lists would show another's
            unit.events = unit.posts = unit.resources = lambda *args, **kwargs: ""
        return unit

    def breakdown(self, prefix, dimension, value):
        if prefix == "events" and dimension == "kind":
            return self.events(kind=value)
        if prefix == "resources":
            return self.resources(**{dimension: value})
        if prefix == "posts" and dimension == "language":
            # The posts of a language are that language's network news.
            page = NetworkNewsPage.objects.live().filter(locale__language_code=value).first()
            return (page.url or "") if page else ""
        return ""

    def schools(self, **_filters):
        return ""

    def school(self, _school_id):
        return ""

    def _region_page(self, region_id):
        """The region's page in this language (figures name regions by their default-language page)."""
        if not hasattr(self, "_regions"):
            default = RegionPage.objects.filter(locale=Locale.get_default()).values("pk", "translation_key")
            here = {page.translation_key: page for page in RegionPage.objects.live().filter(locale=self.locale)}
            self._regions = {row["pk"]: here.get(row["translation_key"]) for row in default}
        return self._regions.get(region_id)

    def region(self, region_id):
        page = self._region_page(region_id)
        return (page.url or "") if page else ""

    def region_names(self, region_ids):
        names = region_names(region_ids)
        for region_id in names:
            page = self._region_page(region_id)
            if page is not None:
                names[region_id] = page.title
        return names

    teachers = submissions = schools


class AdminLinks(PublicLinks):
    """Links for the admin: the monitoring lists, keeping the report's scope and period."""

    def __init__(self, scope, period, locale=None):
        super().__init__(locale or Locale.get_default())
        self.scope, self.period = scope, period

    def _scoped(self, name, **params):
        base = {"period": self.period.year, "region": self.scope.region_id, "school": self.scope.school_id}
        base.update(params)
        return _with(reverse(name), **base)

    def schools(self, **filters):
        return self._scoped("monitoring:schools", **filters)

    def school(self, school_id):
        return _with(reverse("monitoring:overview"), period=self.period.year, school=school_id)

    def region(self, region_id):
        return _with(reverse("monitoring:overview"), period=self.period.year, region=region_id)

    def submissions(self, **filters):
        return self._scoped("monitoring:submissions", **filters)

    def teachers(self):
        return self._scoped("monitoring:teachers")

    def for_unit(self, by, unit_id):
        scope = Scope(region_id=unit_id) if by == "region" else Scope(school_id=unit_id)
        return AdminLinks(scope, self.period, self.locale)

    def events(self, month=None, kind=None):
        """The events held that the figure counts (begun by now, not cancelled), by kind or month."""
        return self._scoped("monitoring:events", month=month, kind=kind, held="1")

    def registrations(self, presence="any", kind=None, month=None):
        """The events whose registrations the figure counts: any, at events begun, with teachers present or
        absent."""
        return self._scoped("monitoring:events", registrations=presence, kind=kind, month=month)

    def posts(self, language=None):
        return self._scoped("monitoring:posts", language=language)

    def resources(self, **filters):
        return self._scoped("monitoring:resources", **filters)

    def breakdown(self, prefix, dimension, value):
        if prefix == "submissions":
            return self.submissions(**{{"outcome": "state"}.get(dimension, dimension): value})
        if prefix == "overdue":
            return self.submissions(overdue="1", stage=value)
        if prefix == "approved":
            return self.submissions(state="approved", level=value)
        if prefix == "groups":
            return self.schools()
        if prefix == "registrations":
            return self.registrations(**{dimension: value})
        if prefix == "posts":
            return self.posts(**{dimension: value})
        return super().breakdown(prefix, dimension, value)


def region_names(region_ids):
    return dict(RegionPage.objects.filter(pk__in=[pk for pk in region_ids if pk]).values_list("pk", "title"))
