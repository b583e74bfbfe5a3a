"""Recall of the word-form list (search/wordforms.py) under each PostgreSQL text-search configuration and under
the project's choice (search.text: russian, english, and the Kazakh normaliser + simple).

For every group of forms of one word, every form is used as a query against every form as a document: recall is
the share of those pairs that match. "False" counts matches between forms of different words (over-stemming).

    DATABASE_URL=postgres://… DJANGO_SETTINGS_MODULE=config.settings.dev .venv/bin/python bench/search_recall.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from search.text import CONFIGURATIONS, normalise_query, normalise_text  # noqa: E402
from search.wordforms import HELD_OUT, WORD_FORMS  # noqa: E402

SQL = """
SELECT count(*) FILTER (WHERE d.grp = q.grp
                         AND to_tsvector(%s::regconfig, d.form) @@ websearch_to_tsquery(%s::regconfig, q.form)),
       count(*) FILTER (WHERE d.grp = q.grp),
       count(*) FILTER (WHERE d.grp <> q.grp
                         AND to_tsvector(%s::regconfig, d.form) @@ websearch_to_tsquery(%s::regconfig, q.form))
FROM unnest(%s::text[], %s::int[]) AS d(form, grp), unnest(%s::text[], %s::int[]) AS q(form, grp)
"""


def measure(config, documents, queries, groups):
    with connection.cursor() as cursor:
        cursor.execute(SQL, [config, config, config, config, documents, groups, queries, groups])
        return cursor.fetchone()


def main():
    print(f"{'language':8} {'configuration':34} {'recall':>8} {'pairs':>7} {'false':>6}")
    lists = [(language, language, groups) for language, groups in WORD_FORMS.items()]
    lists += [(f"{language}*", language, groups) for language, groups in HELD_OUT.items()]
    for name, language, groups in lists:
        forms = [form for group in groups for form in group]
        group_ids = [index for index, group in enumerate(groups) for _form in group]
        for config in ("simple", "russian", "english", "turkish"):
            found, pairs, false = measure(config, forms, forms, group_ids)
            print(f"{name:8} {config:34} {found / pairs:8.1%} {pairs:7} {false:6}")
        chosen = CONFIGURATIONS[language]
        label = f"project: {chosen}" + (" + kk normaliser" if language == "kk" else "")
        documents = [normalise_text(form, language) for form in forms]
        queries = [normalise_query(form, language) for form in forms]
        found, pairs, false = measure(chosen, documents, queries, group_ids)
        print(f"{name:8} {label:34} {found / pairs:8.1%} {pairs:7} {false:6}")
    print("* held out: words not used while writing the Kazakh rules")


if __name__ == "__main__":
    main()
