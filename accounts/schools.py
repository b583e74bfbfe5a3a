"""Finding a school among the network's 8,250 (750 Leading Schools, 7,500 partner schools): region, then name.

A region narrows the search to its few hundred schools through the indexed foreign keys (a Leading School's
`region`, a partner school's `leading_school`); the name is then matched within them. Three queries whatever the
number of schools (accounts/tests/test_affiliation.py asserts it; bench/accounts_school_search.py times it).
Leading Schools are searched in the visitor's language; partner schools have one name, kept on the school's
default-language page, which is also the page the review's roles name (`network.provisioning.source_of`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

from network.models import LeadingSchoolPage, PartnerSchool, RegionPage

RESULTS = 30


@dataclass
class Found:
    value: str
    name: str
    locality: str
    partner_of: str = ""


def regions():
    return list(
        RegionPage.objects.live()
        .filter(locale__language_code=get_language())
        .order_by("title")
        .only("id", "title", "translation_key")
    )


def search(region, query, limit=RESULTS):
    query = (query or "").strip()
    leading = LeadingSchoolPage.objects.live().filter(region=region).only("id", "title", "locality").order_by("title")
    partners = (
        PartnerSchool.objects.filter(
            leading_school__region__translation_key=region.translation_key,
            leading_school__locale__language_code=settings.LANGUAGE_CODE,
        )
        .select_related("leading_school")
        .only("id", "name", "locality", "leading_school__title")
        .order_by("name")
    )
    if query:
        leading = leading.filter(title__icontains=query)
        partners = partners.filter(name__icontains=query)
    found = [Found(f"school:{school.pk}", school.title, school.locality) for school in leading[:limit]]
    found += [
        Found(f"partner:{partner.pk}", partner.name, partner.locality, partner.leading_school.title)
        for partner in partners[: max(limit - len(found), 0)]
    ]
    return found


def name_here(affiliations):
    """Give each affiliation (request or membership) `school_title`: its Leading School in the visitor's language.

    They name the default-language page; one query finds the titles of the active language's versions.
    """
    keys = {item.school.translation_key for item in affiliations}
    titles = (
        dict(
            LeadingSchoolPage.objects.filter(
                translation_key__in=keys, locale__language_code=get_language()
            ).values_list("translation_key", "title")
        )
        if keys
        else {}
    )
    for item in affiliations:
        item.school_title = titles.get(item.school.translation_key, item.school.title)
        item.name_here = item.partner_school.name if item.partner_school_id else item.school_title
