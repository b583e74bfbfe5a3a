"""iCalendar (RFC 5545) feeds of events: the network's, each school's, and one event as a download.

Times are written in UTC ("Z"), which every calendar program converts correctly, so no VTIMEZONE is needed and the
2024 change of Kazakhstan's offset cannot be misrepresented. Cancelled events stay in the feed with
STATUS:CANCELLED, so that subscribers' calendars remove them instead of keeping a stale copy.
"""

import datetime

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from . import identity

# A calendar feed carries upcoming events and those of the last months; older ones stay on the site.
PAST_DAYS = 180
MAX_EVENTS = 500
# How often subscribed calendar programs should fetch the feed again (RFC 7986 REFRESH-INTERVAL).
REFRESH_INTERVAL = datetime.timedelta(hours=6)
PRODID = "-//Leading Schools network//follow//EN"


def calendar_events(queryset):
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    return list(queryset.filter(end__gte=since).order_by("start", "pk")[:MAX_EVENTS])


def utc(value):
    return value.astimezone(datetime.UTC)


def event_component(event, request, show_link=True):
    component = icalendar.Event()
    component.add("uid", identity.event_uid(event))
    # Without METHOD, DTSTAMP is when the information was last revised: the last publication, stable between fetches.
    revised = event.last_published_at or event.first_published_at or timezone.now()
    component.add("dtstamp", utc(revised))
    component.add("last-modified", utc(revised))
    if event.first_published_at:
        component.add("created", utc(event.first_published_at))
    component.add("dtstart", utc(event.start))
    component.add("dtend", utc(max(event.end, event.start)))
    component.add("summary", event.title)
    url = request.build_absolute_uri(event.get_url(request=request))
    component.add("url", url)
    description = [event.intro] if event.intro else []
    online_url = event.online_url if show_link else ""
    if online_url:
        description.append(_("Online: %(url)s") % {"url": online_url})
    description.append(url)
    component.add("description", "\n\n".join(description))
    location = event.venue or online_url
    if location:
        component.add("location", location)
    if online_url:
        component.add("conference", online_url, parameters={"VALUE": "URI"})
    if event.school_id and event.school is not None:
        component.add(
            "organizer",
            f"mailto:{event.school.email}" if event.school.email else url,
            parameters={"CN": event.organiser or event.school.title},
        )
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    component.add("transp", "TRANSPARENT" if event.is_cancelled else "OPAQUE")
    return component


def build_calendar(name, events, request, private_links=False):
    """The calendar of these events. An event that takes registrations gives its joining link to registered
    teachers only: public calendars leave it out; `private_links` is for the file mailed to a registered teacher."""
    from attendance.queries import events_with_registration

    hidden = set() if private_links else events_with_registration(events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for event in events:
        calendar.add_component(event_component(event, request, show_link=event.translation_key not in hidden))
    return calendar.to_ical()
