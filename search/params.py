"""What the visitor asked the search for, validated: unknown values are dropped, bad dates reported."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from network.models.base import parse_int
from network.vocabulary import GRADE_NUMBERS, Direction, ResourceKind, Subject

from .models import ContentKind

MAX_QUERY_LENGTH = 200
ORDERS = ("relevance", "date")


def parse_date(value):
    if not value:
        return None, False
    try:
        return datetime.date.fromisoformat(value), False
    except ValueError:
        return None, True


@dataclass
class SearchParams:
    """What the visitor asked for, validated: unknown values are dropped, bad dates reported."""

    query: str = ""
    kind: str = ""
    region: int | None = None
    school: int | None = None
    direction: str = ""
    subject: str = ""
    resource_kind: str = ""
    grade: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    order: str = "relevance"
    errors: list = field(default_factory=list)
    # Filled by run() on PostgreSQL: the word pairs of the query's phrases (see phrase_keys).
    phrase_keys: list = field(default_factory=list)

    @classmethod
    def from_request(cls, request):
        get = request.GET
        params = cls(query=" ".join(get.get("query", "").split())[:MAX_QUERY_LENGTH])
        params.kind = get.get("kind", "") if get.get("kind") in ContentKind.values else ""
        params.region = parse_int(get.get("region"))
        params.school = parse_int(get.get("school"))
        params.direction = get.get("direction", "") if get.get("direction") in Direction.values else ""
        params.subject = get.get("subject", "") if get.get("subject") in Subject.values else ""
        params.resource_kind = get.get("resource_kind", "") if get.get("resource_kind") in ResourceKind.values else ""
        params.grade = parse_int(get.get("grade"), GRADE_NUMBERS)
        params.date_from, bad_from = parse_date(get.get("from"))
        params.date_to, bad_to = parse_date(get.get("to"))
        if bad_from or bad_to:
            params.errors.append(_("Enter dates as year-month-day, for example 2026-09-01."))
        if params.date_from and params.date_to and params.date_to < params.date_from:
            params.errors.append(_("The end of the date range comes before its start; the dates were ignored."))
            params.date_from = params.date_to = None
        params.order = get.get("order") if get.get("order") in ORDERS else "relevance"
        return params

    def filters(self):
        """SQL conditions and their parameters for the chosen facets."""
        sql, values = [], []
        for column in ("kind", "direction", "subject", "resource_kind"):
            if getattr(self, column):
                sql.append(f"{column} = %s")
                values.append(getattr(self, column))
        for column, value in (("region_id", self.region), ("school_id", self.school)):
            if value is not None:
                sql.append(f"{column} = %s")
                values.append(value)
        if self.grade is not None:
            sql.append("grade_from <= %s AND grade_to >= %s")
            values.extend([self.grade, self.grade])
        if self.date_from:
            sql.append("date >= %s")
            values.append(self.date_from)
        if self.date_to:
            sql.append("date <= %s")
            values.append(self.date_to)
        return sql, values

    @property
    def active_filters(self):
        return any(
            value not in (None, "")
            for value in (
                self.kind,
                self.region,
                self.school,
                self.direction,
                self.subject,
                self.resource_kind,
                self.grade,
                self.date_from,
                self.date_to,
            )
        )

    def as_query(self, **changes):
        """The query string of this search with some parameters changed (None removes one); always page 1."""
        values = {
            "query": self.query,
            "kind": self.kind,
            "region": self.region,
            "school": self.school,
            "direction": self.direction,
            "subject": self.subject,
            "resource_kind": self.resource_kind,
            "grade": self.grade,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "order": self.order if self.order != "relevance" else None,
        }
        values.update(changes)
        return "?" + urlencode({key: value for key, value in values.items() if value not in (None, "")})
