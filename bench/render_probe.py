#!/usr/bin/env python
"""What one rendering of a URL costs in this process: wall time, this process's CPU time, the time spent waiting
for SQL and the number of queries, medians over --requests requests after --warmup ones (Django's test client,
so no network and no server in between).

It imports nothing of this project, so that bench/render_cost.py can run it in bakerydemo's own virtualenv for
bakerydemo's home page (the issue-15 reference) and compare like with like:

    cd /work/bakerydemo && DJANGO_SETTINGS_MODULE=bakerydemo.settings.production ... \\
        .venv/bin/python /path/to/bench/render_probe.py / --requests 40

prints one JSON object. A benchmark helper: it never fails on a figure.
"""

import argparse
import json
import statistics
import sys
import time


def measure(client, url, requests=30, warmup=3, headers=None):
    """Medians (and p90) of one URL's renderings; the first `warmup` requests fill the caches and are not counted."""
    from django.db import connection

    headers = headers or {}
    sql = {"seconds": 0.0, "count": 0}

    def timed(execute, statement, params, many, context):
        started = time.perf_counter()
        try:
            return execute(statement, params, many, context)
        finally:
            sql["seconds"] += time.perf_counter() - started
            sql["count"] += 1

    status = None
    for _ in range(warmup):
        status = client.get(url, headers=headers).status_code
    walls, cpus, sqls, counts = [], [], [], []
    with connection.execute_wrapper(timed):
        for _ in range(requests):
            sql.update(seconds=0.0, count=0)
            started, cpu_started = time.perf_counter(), time.process_time()
            status = client.get(url, headers=headers).status_code
            walls.append((time.perf_counter() - started) * 1000)
            cpus.append((time.process_time() - cpu_started) * 1000)
            sqls.append(sql["seconds"] * 1000)
            counts.append(sql["count"])

    def p90(values):
        return sorted(values)[max(0, round(0.9 * len(values)) - 1)]

    return {
        "url": url,
        "status": status,
        "wall_ms": statistics.median(walls),
        "wall_p90_ms": p90(walls),
        "cpu_ms": statistics.median(cpus),
        "cpu_p90_ms": p90(cpus),
        "sql_ms": statistics.median(sqls),
        "queries": max(counts),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    sys.path.insert(0, ".")
    import django

    django.setup()
    from django.test import Client

    print(json.dumps(measure(Client(HTTP_HOST=args.host), args.url, args.requests, args.warmup)))


if __name__ == "__main__":
    main()
