"""The monitoring screens name their school or region in the reader's language: its translation's title where it has
one, else the page's own."""

import pytest
from django.utils import translation

from monitoring.scopes import NETWORK, Scope
from monitoring.views import scope_title
from network.factories import make_school, translate


@pytest.fixture
def school(homes):
    from network.models import LeadingSchoolPage

    make_school(homes["kk"], "Абай облысы", "Семей қаласының № 7 мектеп-лицейі")
    return LeadingSchoolPage.objects.get(title="Семей қаласының № 7 мектеп-лицейі")


def test_a_school_and_its_region_are_named_in_the_readers_language(school, django_assert_num_queries):
    region = school.get_parent().specific
    translate(region, "ru", title="Абайская область", slug="abai")
    translate(school, "ru", title="Школа-лицей № 7 города Семей", slug="semey-7")
    with translation.override("ru"), django_assert_num_queries(1):
        assert scope_title(Scope(school_id=school.pk)) == "Школа-лицей № 7 города Семей"
    with translation.override("ru"):
        assert scope_title(Scope(region_id=region.pk)) == "Абайская область"
    with translation.override("kk"):
        assert scope_title(Scope(school_id=school.pk)) == "Семей қаласының № 7 мектеп-лицейі"


def test_without_a_translation_the_pages_own_title_is_shown(school):
    with translation.override("en"):
        assert scope_title(Scope(school_id=school.pk)) == "Семей қаласының № 7 мектеп-лицейі"
        assert str(scope_title(NETWORK)) == "The whole network"
