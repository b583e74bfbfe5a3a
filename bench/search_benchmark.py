"""Search speed at national scale: p50/p95 of the query (all database work of a results page) and of the whole
results page (Django test client: middleware, query log, template), for one-word, two-word, phrase and faceted
searches and for autocomplete, in each language.

Queries are drawn from the index itself with a fixed seed: the most frequent words (the worst case: they match
most pages) and random words, titles' word pairs and phrases, facets taken from matching entries, and title
prefixes for autocomplete.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_search DJANGO_SETTINGS_MODULE=config.settings.dev \\
        .venv/bin/python bench/search_benchmark.py [--per-kind 40] [--repeat 2]

The database must hold a loaded and indexed network (`manage.py load_demo --scale national`, then
`manage.py rebuild_search_index`).
"""

import argparse
import os
import random
import statistics
import sys
import time
from functools import partial

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

# Models and the search modules import only once Django is set up, hence the E402 exemptions below.
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.utils import translation  # noqa: E402

from search import query as search_query  # noqa: E402
from search import suggestions  # noqa: E402
from search.params import SearchParams  # noqa: E402
from search.text import words  # noqa: E402

LANGUAGES = ("kk", "ru", "en")


def fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def workload(language, per_kind, rng):
    frequent = [
        row[0]
        for row in fetch(
            "SELECT word FROM search_searchword WHERE language = %s ORDER BY frequency DESC LIMIT 10", [language]
        )
    ]
    common = [
        row[0]
        for row in fetch(
            "SELECT word FROM search_searchword WHERE language = %s AND frequency >= 20 ORDER BY md5(word) LIMIT 200",
            [language],
        )
    ]
    entries = fetch(
        "SELECT title, kind, region_id, subject FROM search_searchentry WHERE language = %s AND page_id IS NOT NULL "
        "ORDER BY md5(id::text) LIMIT 400",
        [language],
    )
    titles = [[word for word in words(title) if len(word) > 2] for title, *_rest in entries]
    titles = [title for title in titles if len(title) >= 2]
    one_word = (frequent + rng.sample(common, min(len(common), per_kind)))[:per_kind]
    two_words = [" ".join(rng.sample(title, 2)) for title in rng.sample(titles, min(len(titles), per_kind))]
    phrases = []
    for title in rng.sample(titles, min(len(titles), per_kind)):
        start = rng.randrange(len(title) - 1)
        phrases.append(f'"{title[start]} {title[start + 1]}"')
    faceted = []
    for _title, kind, region_id, subject in rng.sample(entries, min(len(entries), per_kind)):
        params = {"query": rng.choice(frequent[:5] + common[:20]), "kind": kind}
        if region_id and rng.random() < 0.5:
            params["region"] = str(region_id)
        elif subject:
            params["subject"] = subject
        faceted.append(params)
    prefixes = [title[0][: rng.randint(3, 5)] for title in rng.sample(titles, min(len(titles), per_kind))]
    return {
        "one word": [{"query": query} for query in one_word],
        "two words": [{"query": query} for query in two_words],
        "phrase": [{"query": query} for query in phrases],
        "faceted": faceted,
        "autocomplete": [{"query": prefix} for prefix in prefixes],
    }


def timed(function, repeat):
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        elapsed = (time.perf_counter() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    return best


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-kind", type=int, default=40, help="queries per kind and language")
    parser.add_argument("--repeat", type=int, default=1, help="runs per query (the fastest is kept)")
    parser.add_argument("--slowest", type=int, default=0, help="also list the N slowest pages of each kind")
    args = parser.parse_args()
    rng = random.Random(2026)
    client = Client()
    factory = RequestFactory()
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS and settings.ALLOWED_HOSTS[0] != "*" else "localhost"
    entries = fetch("SELECT count(*) FROM search_searchentry", [])[0][0]
    print(f"index: {entries} entries; {args.per_kind} queries per kind and language; times in ms")
    print(f"{'kind':14} {'query p50':>10} {'query p95':>10} {'page p50':>10} {'page p95':>10} {'page max':>10}")
    results = {}
    for language in LANGUAGES:
        load = workload(language, args.per_kind, rng)
        for kind, queries in load.items():
            for params in queries:
                request = factory.get(f"/{language}/search/", params, HTTP_HOST=host)
                with translation.override(language):
                    if kind == "autocomplete":
                        autocomplete = partial(suggestions.autocomplete, params["query"], language, request)
                        query_ms = timed(autocomplete, args.repeat)
                        url = f"/{language}/search/autocomplete/"
                    else:
                        search_params = SearchParams.from_request(request)
                        query_ms = timed(partial(search_query.run, search_params, language, 1, request), args.repeat)
                        url = f"/{language}/search/"
                page_ms = timed(partial(client.get, url, params, HTTP_HOST=host), args.repeat)
                results.setdefault(kind, ([], [], []))
                results[kind][0].append(query_ms)
                results[kind][1].append(page_ms)
                results[kind][2].append((page_ms, query_ms, language, params))
    for kind, (query_times, page_times, _samples) in results.items():
        print(
            f"{kind:14} {statistics.median(query_times):10.1f} {percentile(query_times, 0.95):10.1f} "
            f"{statistics.median(page_times):10.1f} {percentile(page_times, 0.95):10.1f} {max(page_times):10.1f}"
        )
    print("targets: query p95 <= 100 ms, page p95 <= 150 ms")
    for kind, (_query_times, _page_times, samples) in results.items():
        for page_ms, query_ms, language, params in sorted(samples, key=lambda sample: -sample[0])[: args.slowest]:
            print(f"slow {kind}: page {page_ms:.0f} ms, query {query_ms:.0f} ms, {language} {params}")


if __name__ == "__main__":
    main()
