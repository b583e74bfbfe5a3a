"""Autodiscovery links for <head> and the visible "follow" controls of a listing, school or item page.

    {% load follow_tags %}
    {% feed_links %}          in <head>: <link rel="alternate"> for every feed of the page in context
    {% subscribe_controls %}  in the body: RSS, Atom, calendar and e-mail links for the same feeds

Both read `page` from the context and work out what it belongs to: the whole network (home, network news, events,
resources, approved experience) or one Leading School (the school, its blog/events/portal and their items), as
declared in follow.sources. Extra kinds can be named: {% feed_links "events" %}.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from follow import identity
from follow.feeds import FEED_MIME_TYPES
from follow.sources import all_sources, get_source
from home.models import HomePage
from network.models import EventPage, LeadingSchoolPage
from network.tree import school_of

register = template.Library()


def _kinds_of(page):
    """(kinds, belongs to a school) from the registry: a network listing, a school's section, or an item."""
    if isinstance(page, HomePage):
        return [source.key for source in all_sources()], False
    if isinstance(page, LeadingSchoolPage):
        return [source.key for source in all_sources()], True
    kinds, in_school = [], False
    for source in all_sources():
        if isinstance(page, source.listing):
            kinds.append(source.key)
        elif isinstance(page, source.school_listing):
            kinds.append(source.key)
            in_school = True
        elif isinstance(page, source.model):
            kinds.append(source.key)
            in_school = in_school or getattr(page, "school_id", None) is not None
    return kinds, in_school


def page_kinds(page, extra=()):
    """(school or None, [source keys]) for a page; an unknown page follows nothing unless kinds are named."""
    kinds, in_school = _kinds_of(page)
    school = school_of(page) if in_school else None
    return school, [key for key in dict.fromkeys([*kinds, *extra]) if get_source(key) is not None]


def follow_links(context, extra=()):
    """Everything both tags show, computed once per request and page."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return None
    cache = getattr(request, "_follow_links", {})
    cache_key = (page.pk, tuple(extra))
    if cache_key in cache:
        return cache[cache_key]
    school, kinds = page_kinds(page, extra)
    feeds = []
    for key in kinds:
        source = get_source(key)
        title = str(source.school_title) % {"school": school.title} if school else str(source.title)
        for fmt, label in (("rss", "RSS"), ("atom", "Atom")):
            if school:
                url = reverse(f"follow:school_{fmt}", kwargs={"school_id": school.pk, "kind": key})
            else:
                url = reverse(f"follow:{fmt}", kwargs={"kind": key})
            feeds.append(
                {
                    "kind": key,
                    "format": fmt,
                    "label": label,
                    "title": title,
                    "url": request.build_absolute_uri(url),
                    "type": FEED_MIME_TYPES[fmt],
                }
            )
    links = {"school": school, "feeds": feeds, "calendar": None, "event_ics": None}
    if "events" in kinds:
        url = (
            reverse("follow:school_calendar", kwargs={"school_id": school.pk}) if school else reverse("follow:calendar")
        )
        absolute = request.build_absolute_uri(url)
        links["calendar"] = {
            "url": absolute,
            "webcal": identity.webcal(absolute),
            "title": _("%(school)s: events") % {"school": school.title} if school else _("Network events"),
        }
    if isinstance(page, EventPage):
        links["event_ics"] = reverse("follow:event_ics", kwargs={"event_id": page.pk})
    subscribe = reverse("follow:subscribe")
    links["subscribe"] = f"{subscribe}?school={school.pk}" if school else subscribe
    cache[cache_key] = links if kinds else None
    request._follow_links = cache
    return cache[cache_key]


@register.simple_tag(takes_context=True)
def feed_links(context, *extra):
    links = follow_links(context, extra)
    if not links:
        return ""
    return render_to_string("follow/includes/feed_links.html", links)


@register.simple_tag(takes_context=True)
def subscribe_controls(context, *extra):
    links = follow_links(context, extra)
    if not links:
        return ""
    return render_to_string("follow/includes/subscribe_controls.html", links, request=context.get("request"))
