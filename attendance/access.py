"""Who organises which event: the editors and moderators of the event's school (SchoolWorkspace), and superusers."""

from network.models import EventPage, SchoolWorkspace


def organised_events(user):
    """Event pages (any language) of the schools whose editors or moderators the user is among."""
    events = EventPage.objects.all()
    if user.is_superuser:
        return events
    return events.filter(school__translation_key__in=SchoolWorkspace.objects.school_keys_of(user))


def is_organiser(user):
    return user.is_authenticated and (user.is_superuser or SchoolWorkspace.objects.school_keys_of(user).exists())


def _school_keys(user):
    """The user's schools' translation keys, asked once per user object (a listing asks for every row)."""
    if not hasattr(user, "_organised_school_keys"):
        user._organised_school_keys = {
            str(key) for key in SchoolWorkspace.objects.school_keys_of(user).values_list("translation_key", flat=True)
        }
    return user._organised_school_keys


def may_organise_path(user, path):
    """For the explorer's buttons: may the user organise the event at this tree path?"""
    from network.models.base import school_at

    if user.is_superuser:
        return True
    keys = _school_keys(user)
    school = school_at(path) if keys else None
    return school is not None and str(school.translation_key) in keys


def may_organise(user, event):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if event.school_id is None:
        return False
    return str(event.school.translation_key) in _school_keys(user)
