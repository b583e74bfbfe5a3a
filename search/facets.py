"""The facets beside the results: values in display order, each linking to the search narrowed by it."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.models import Page

from network.vocabulary import Direction, ResourceKind, Subject

from .models import ContentKind

SCHOOL_FACET_SIZE = 12


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    values: list
    clear_url: str = ""
    selected: bool = False


def build_facets(counts, params, labels):
    """Facets in display order; each value links to this search narrowed by it, each facet can be cleared."""

    def facet(name, label, param, choices, current, limit=None, sort_by_count=False):
        values = counts.get(name, {})
        items = []
        for value, count in values.items():
            title = choices.get(value) if isinstance(choices, dict) else choices(value)
            if title is None:
                continue
            items.append(FacetValue(value=value, label=str(title), count=count, url="", selected=str(current) == value))
        if sort_by_count:
            items.sort(key=lambda item: (-item.count, item.label))
        elif name in ("grade", "year"):
            items.sort(key=lambda item: int(item.value), reverse=name == "year")
        else:
            items.sort(key=lambda item: item.label)
        if limit and len(items) > limit:
            items = [item for item in items[:limit]] + [item for item in items[limit:] if item.selected]
        for item in items:  # only the values shown get a link: a common word is in every one of 750 schools
            item.url = params.as_query(**{param: item.value})
        return Facet(
            name=name,
            label=label,
            values=items,
            clear_url=params.as_query(**{param: None}),
            selected=current not in (None, ""),
        )

    def page_title(value):
        return labels.get(int(value))

    facets = [
        facet("kind", _("Kind of content"), "kind", dict(ContentKind.choices), params.kind, sort_by_count=True),
        facet("region", _("Region"), "region", page_title, params.region),
        facet(
            "school",
            _("Leading School"),
            "school",
            page_title,
            params.school,
            limit=SCHOOL_FACET_SIZE,
            sort_by_count=True,
        ),
        facet("direction", _("Direction"), "direction", dict(Direction.choices), params.direction),
        facet("subject", _("Subject"), "subject", dict(Subject.choices), params.subject),
        facet("grade", _("Grade"), "grade", lambda value: value, params.grade),
        facet(
            "resource_kind", _("Kind of resource"), "resource_kind", dict(ResourceKind.choices), params.resource_kind
        ),
    ]
    years = counts.get("year", {})
    selected_year = None
    if (
        params.date_from
        and params.date_to
        and params.date_from.year == params.date_to.year
        and params.date_from == datetime.date(params.date_from.year, 1, 1)
        and params.date_to == datetime.date(params.date_from.year, 12, 31)
    ):
        selected_year = str(params.date_from.year)
    year_values = [
        FacetValue(
            value=year,
            label=year,
            count=count,
            selected=year == selected_year,
            url=params.as_query(**{"from": f"{year}-01-01", "to": f"{year}-12-31"}),
        )
        for year, count in sorted(years.items(), reverse=True)
    ]
    facets.append(
        Facet(
            name="year",
            label=_("Date"),
            values=year_values,
            clear_url=params.as_query(**{"from": None, "to": None}),
            selected=bool(params.date_from or params.date_to),
        )
    )
    return [facet for facet in facets if facet.values or facet.selected]


def page_titles(ids):
    ids = {int(value) for value in ids if value not in (None, "")}
    if not ids:
        return {}
    return dict(Page.objects.filter(pk__in=ids).values_list("pk", "title"))
