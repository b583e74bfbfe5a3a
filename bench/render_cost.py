#!/usr/bin/env python
"""Issue 15's rendered budget as a per-request cost, in-process: what one rendering of each public page costs
(this process's CPU time, the time waiting for SQL, the queries), with production settings, the page cache off
and the shared caches warm, beside bakerydemo's home page measured the same way in its own virtualenv.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_<you>_nat REDIS_URL=redis://127.0.0.1:6379/<db> \\
        .venv/bin/python bench/render_cost.py --bakerydemo-dir /work/bakerydemo

Unlike bench/page_cache_benchmark.py (requests/s through gunicorn), the figures here hardly depend on what else
the machine runs: CPU time is this process's own, and the SQL time is one connection's. The ratio column is
(CPU + SQL) of the page over (CPU + SQL) of bakerydemo's home page: the budget (≥ 1.5× its requests/s) is a
ratio of at most 0.67. --pages picks pages by the names of bench/site_benchmark.py's pick_urls (prefixes match);
--profile NAME prints a pyinstrument profile of one more rendering of that page; --sql NAME prints that page's
queries with their times, slowest first.

A benchmark, not a test: it never fails on a figure.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_probe import measure  # noqa: E402
from site_benchmark import BASE_DIR, PYTHON, pick_urls, server_environment  # noqa: E402

DEFAULT_PAGES = ("home", "network events (upcoming)", "library (no filter)", "library subject+grade+lang")


def bakerydemo_home(directory, requests, warmup, database_url):
    """bakerydemo's home page, measured by render_probe.py in bakerydemo's virtualenv with its production settings
    (as bench/bakerydemo_serve.sh serves it)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("REDIS", "DJANGO", "DATABASE"))}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY="bakerydemo-benchmark-only-not-a-secret",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="False",
        SECURE_HSTS_SECONDS="0",
    )
    probe = Path(__file__).resolve().parent / "render_probe.py"
    result = subprocess.run(
        [str(Path(directory) / ".venv/bin/python"), str(probe), "/", "--requests", str(requests)]
        + ["--warmup", str(warmup)],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--pages", "--only", nargs="*", default=DEFAULT_PAGES, help="names (or prefixes) from pick_urls"
    )
    parser.add_argument(
        "--cookie",
        action="store_true",
        help="send page_cache_benchmark.py's session cookie that matches no session (its 'rendered' mode)",
    )
    parser.add_argument("--bakerydemo-dir", default=None, help="a bakerydemo set up by bench/bakerydemo_serve.sh")
    parser.add_argument("--bakerydemo-database", default="postgres://postgres@127.0.0.1:5432/bakerydemo")
    parser.add_argument("--profile", default=None, help="pyinstrument profile of the page whose name starts so")
    parser.add_argument("--sql", default=None, help="the queries of the page whose name starts so, slowest first")
    parser.add_argument(
        "--explain",
        type=int,
        default=0,
        metavar="N",
        help="with --sql: EXPLAIN (ANALYZE, BUFFERS) of its N slowest queries",
    )
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database holding the national data.")
    if not os.environ.get("REDIS_URL"):
        raise SystemExit("Set REDIS_URL (production settings want a shared cache): redis://127.0.0.1:6379/<your db>")
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = server_environment(static_root, 1)
    for key in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "SECURE_SSL_REDIRECT", "ALLOWED_HOSTS", "STATIC_ROOT"):
        os.environ[key] = env[key]
    os.environ["LOG_LEVEL"] = "ERROR"
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # every request renders; the shared caches (menu, site root) stay on
    try:
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
        measure_pages(args)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


def measure_pages(args):
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.test import Client

    chosen = [(name, url) for name, url in pick_urls(include_ru=False) if name.startswith(tuple(args.pages))]
    client = Client(HTTP_HOST="127.0.0.1")
    if args.cookie:
        client.cookies["sessionid"] = "bench-no-such-session"
    bakery = None
    if args.bakerydemo_dir:
        bakery = bakerydemo_home(args.bakerydemo_dir, args.requests, args.warmup, args.bakerydemo_database)
    load = os.getloadavg()[0]
    print(
        f"in-process, production settings, page cache off, "
        f"{args.requests} requests after {args.warmup} (load {load:.1f})"
    )
    header = f"{'page':<30} {'cpu ms':>7} {'sql ms':>7} {'cpu+sql':>8} {'wall ms':>8} {'queries':>7}"
    print(header + ("  ratio to bakerydemo home" if bakery else ""))

    def line(name, figures):
        cost = figures["cpu_ms"] + figures["sql_ms"]
        text = (
            f"{name:<30} {figures['cpu_ms']:7.1f} {figures['sql_ms']:7.1f} {cost:8.1f} {figures['wall_ms']:8.1f} "
            f"{figures['queries']:7d}"
        )
        if bakery:
            text += f"  {cost / (bakery['cpu_ms'] + bakery['sql_ms']):.2f}"
        print(text + ("" if figures["status"] == 200 else f"  (status {figures['status']})"), flush=True)

    if bakery:
        line("bakerydemo home", bakery)
    for name, url in chosen:
        line(name, measure(client, url, args.requests, args.warmup))
    if bakery:
        line(
            "bakerydemo home (again)",
            bakerydemo_home(args.bakerydemo_dir, args.requests, args.warmup, args.bakerydemo_database),
        )

    for name, url in chosen:
        if args.sql and name.startswith(args.sql):
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            print(f"\n{name}: {len(queries)} queries")
            slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))
            for query in slowest:
                print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:400]}")
            for query in slowest[: args.explain]:
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                print(f"\n{query['sql']}\n{plan}")
        if args.profile and name.startswith(args.profile):
            from pyinstrument import Profiler

            client.get(url)
            with Profiler(interval=0.0005) as profiler:
                started = time.perf_counter()
                client.get(url)
            print(f"\n{name}: {(time.perf_counter() - started) * 1000:.0f} ms")
            print(profiler.output_text(unicode=True, color=False, short_mode=True))


if __name__ == "__main__":
    main()
