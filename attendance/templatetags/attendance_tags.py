from django import template
from django.utils import translation

from attendance.registrations import event_registration, registrations_of
from network.models import NetworkEventsPage
from pagecache.middleware import keep_out_of_cache

register = template.Library()


@register.simple_tag(takes_context=True)
def registration_for(context, page):
    """{% registration_for page as registration %}: the event's registration state for this visitor.

    An event that takes registrations shows its seats left, which change with every registration and no
    publication: its page is kept out of the page cache."""
    registration = event_registration(page, context["request"])
    if registration.desk is not None:
        keep_out_of_cache(context["request"])
    return registration


@register.inclusion_tag("attendance/includes/my_registrations.html", takes_context=True)
def my_registrations(context):
    """The teacher's registrations and certificates, for the cabinet: {% my_registrations %}."""
    request = context["request"]
    if not request.user.is_authenticated:
        return {"anonymous": True}
    language = translation.get_language()
    registrations = registrations_of(request.user, language)
    if not any(registrations.get(kind) for kind in ("upcoming", "waiting", "past", "certificates")):
        # Nothing yet: show the teacher where the events are rather than leave them at an empty section.
        registrations["events_page"] = NetworkEventsPage.objects.live().filter(locale__language_code=language).first()
    return {"request": request, **registrations}
