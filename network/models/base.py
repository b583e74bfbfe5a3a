"""What every page inside a Leading School shares: it knows its school and region without walking the tree."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageManager

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
