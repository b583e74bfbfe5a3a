"""What every page inside a Leading School shares: it knows its school and region without walking the tree."""

import functools
from typing import ClassVar

from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, PageManager

from network.page_creation import TitleSlugPageForm
from network.tree import school_at

# The database's 64-bit integers: a larger number from a query string cannot match a row, and SQLite raises on it.
LARGEST_ID = 2**63 - 1


def parse_int(value, allowed=None):
    """A filter's integer from the query string, or None when it is missing, malformed, out of range or not allowed."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    if abs(number) > LARGEST_ID:
        return None
    return number if allowed is None or number in allowed else None


@functools.cache
def choice_labels(field):
    """A choice field's {value: label}, built once: Django's `get_<field>_display` builds it at every call, hashing
    every lazy label (about 70 µs a call with this project's vocabularies; three on each of a library page's 24
    cards cost ~5 ms of CPU, and an export called it for every row). The labels stay lazy, so each use still reads
    them in the active language."""
    return dict(field.flatchoices)


def choice_label(field, value):
    """What `get_<field>_display` answers for `value`."""
    return force_str(choice_labels(field).get(value, value), strings_only=True)


def choice_display(field_name):
    """`get_<field>_display` as Django writes it, without rebuilding the field's choices at every call."""

    def display(self):
        return choice_label(self._meta.get_field(field_name), getattr(self, field_name))

    display.__name__ = f"get_{field_name}_display"
    return display


class SchoolContentPageForm(TitleSlugPageForm):
    """A post's or resource's authors are chosen from its own school's teachers (a national network has
    thousands), and an author already chosen stays on offer."""

    def __init__(self, *args, parent_page=None, **kwargs):
        from .people import Teacher

        super().__init__(*args, parent_page=parent_page, **kwargs)
        if "authors" not in self.fields:
            return
        school = school_at(self.instance.path or (parent_page.path if parent_page else ""))
        chosen = [teacher.pk for teacher in self.instance.authors.all()] if self.instance.pk else []
        own = Teacher.objects.of_school(school) if school else Teacher.objects.none()
        self.fields["authors"].queryset = own | Teacher.objects.filter(pk__in=chosen)


class SchoolContentMixin(models.Model):
    """Posts, events and resources record their school and region, so listings filter and join cheaply."""

    school = models.ForeignKey(
        "network.LeadingSchoolPage",
        verbose_name=_("Leading School"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.ForeignKey(
        "network.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = SchoolContentPageForm
    # The pages mixing this in with Page have Page's manager: said here because mypy's Django plugin cannot find
    # the manager class Wagtail (untyped) builds with from_queryset.
    objects: ClassVar[PageManager]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        school = school_at(self.path)
        if school is not None:
            self.school_id, self.region_id = school.pk, school.region_id
        super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        # Posts, events and resources are leaves: their explorer rows need no query to answer "may delete/move".
        from editors.explorer import LeafPagePermissionTester

        return LeafPagePermissionTester(user, self)


class ListingCopyMixin(models.Model):
    """A copy of the page's `locale` and `live` on the listed model's own row, for the network-wide listings.

    The network's events and library select "live, in this language" and order by a column of their own table;
    with `locale` and `live` only on `wagtailcore_page`, a national count checked thousands of rows one by one
    against the page table (bench/README.md, issue 15). With the copies the listing's conditions, order and count
    are all on one table, served by partial indexes `WHERE listing_live` (see the models' Meta).

    Wagtail changes `live` (publish, unpublish, scheduled publishing) and sets `locale` (creation, copy, copy for
    translation) through `save()`, which copies both; where it saves the page as a plain `Page` (the scheduled
    expiry, the admin's bulk unpublish, aliases) network.signals copies them; moving a page changes neither. The
    national loader writes the rows in bulk and sets the copies itself (demo/national.py).
    """

    listing_locale = models.ForeignKey(
        Locale, null=True, blank=True, editable=False, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    listing_live = models.BooleanField(default=False, editable=False)

    # A save limited to some fields writes the copies with them when it writes what they copy.
    COPIED_FIELDS = {"live": "listing_live", "locale": "listing_locale", "locale_id": "listing_locale"}

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.locale_id is None:
            # What Wagtail would do further down the save (a new page takes its parent's locale), done first so
            # that the copy is of the locale the row gets.
            self.locale = self.get_default_locale()
        self.listing_locale_id, self.listing_live = self.locale_id, self.live
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            copies = {self.COPIED_FIELDS[name] for name in update_fields if name in self.COPIED_FIELDS}
            kwargs["update_fields"] = [*update_fields, *sorted(copies - set(update_fields))]
        super().save(*args, **kwargs)
