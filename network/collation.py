"""Alphabetical order as each language has it.

Binary order puts the Kazakh letters after every Russian one ("Алматы" before "Ақмола", "Город" capitals before
lower case): PostgreSQL's ICU collations (`kk-x-icu`, `ru-x-icu`, `en-x-icu`, present in every ICU-enabled build)
order by the language's alphabet. SQLite has no ICU: the quick start keeps the database's plain order.
"""

from django.db import connection
from django.db.models import F
from django.db.models.functions import Collate

ICU_COLLATIONS = {"kk": "kk-x-icu", "ru": "ru-x-icu", "en": "en-x-icu"}


def alphabetical(field, language):
    """An ordering expression for `field` in `language`'s alphabetical order (plain order where ICU is missing)."""
    collation = ICU_COLLATIONS.get((language or "")[:2])
    if connection.vendor == "postgresql" and collation:
        return Collate(F(field), collation).asc()
    return F(field).asc()
