"""Weekday names for the month view, in the forms each language actually uses.

Django's own Kazakh catalogue abbreviates Monday as "Дб" and Saturday as "Сб", which a reader takes for the Russian
"суббота"; the usual Kazakh abbreviations are Дс Сс Ср Бс Жм Сб Жс. Our catalogues give them with a context of their
own, so that Django's catalogue is left alone for every other use of a date.
"""

from django import template
from django.utils.translation import pgettext_lazy

register = template.Library()

WEEKDAY_ABBREVIATIONS = (
    pgettext_lazy("weekday, abbreviated", "Mon"),
    pgettext_lazy("weekday, abbreviated", "Tue"),
    pgettext_lazy("weekday, abbreviated", "Wed"),
    pgettext_lazy("weekday, abbreviated", "Thu"),
    pgettext_lazy("weekday, abbreviated", "Fri"),
    pgettext_lazy("weekday, abbreviated", "Sat"),
    pgettext_lazy("weekday, abbreviated", "Sun"),
)


@register.filter
def weekday_abbreviation(day):
    """'Дс' for a Monday on a Kazakh page, 'Пн' on a Russian one, 'Mon' on an English one."""
    return WEEKDAY_ABBREVIATIONS[day.weekday()]
