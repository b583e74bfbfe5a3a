#!/usr/bin/env python
"""The page cache's budgets (issue 15), on the national data: requests/s of each public page served from the
page cache and rendered with the page cache empty, against the same server's static-file throughput and
bakerydemo's home page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_national REDIS_URL=redis://127.0.0.1:6379/7 \\
        .venv/bin/python bench/page_cache_benchmark.py --port 8100

It starts gunicorn as the production image does (site/deploy/gunicorn.conf.py, production settings; 2 workers
by default, as in the side-by-side with bakerydemo). "cached" is an anonymous visitor after one warm-up request;
"rendered" is the same URL requested with a session cookie that matches no session, which the page cache never
serves (the visitor is still anonymous: the page is rendered with the shared caches - menu, site root - warm;
it costs one extra query for the session lookup). The queries column counts the SQL queries of one rendering in
this process (page cache off). bakerydemo's home page figure is either given on the command line
(--bakerydemo-rps, default 25.6 req/s: 2 sync workers, same machine, wrk, /work/shared/FINDINGS.md) or measured in
the same run (--bakerydemo-port: a bakerydemo served by gunicorn on that port, its home page requested by the same
client just before each of our pages, so that both see the same load); --rounds repeats the whole table and
prints the medians (interleaved runs: on a shared machine the load changes from one minute to the next).

A benchmark, not a test: it never fails on a figure; it stops the server it started (its process group).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_benchmark import (  # noqa: E402
    BASE_DIR,
    PYTHON,
    count_queries,
    hammer,
    pick_urls,
    server_environment,
    stop_server,
    wait_for_server,
)

BYPASS = {"Cookie": "sessionid=bench-no-such-session"}
PAGES = (
    "home",
    "school",
    "blog index",
    "post",
    "network events (upcoming)",
    "network news",
    "library (no filter)",
    "library subject+grade+lang",
    "region",
    "event",
    "resource",
)


def static_url(static_root):
    import json

    paths = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    return "/static/" + paths.get("css/site.css", next(iter(paths.values())))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--requests", type=int, default=200, help="measured requests per URL and mode")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--bakerydemo-rps", type=float, default=25.6, help="bakerydemo's home page, req/s")
    parser.add_argument(
        "--bakerydemo-port",
        type=int,
        default=None,
        help="measure bakerydemo's home page on this port, interleaved with ours",
    )
    parser.add_argument("--rounds", type=int, default=1, help="repeat the table; medians are printed")
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="only the page cache's budget: each page's cached throughput against the static file measured just "
        "before it (no rendering, no bakerydemo); '%% static' is then the median of those per-page ratios",
    )
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database holding the national data.")
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = server_environment(static_root, args.workers)
    os.environ.update(
        {
            key: env[key]
            for key in (
                "DJANGO_SETTINGS_MODULE",
                "SECRET_KEY",
                "SECURE_SSL_REDIRECT",
                "ALLOWED_HOSTS",
                "STATIC_ROOT",
                "LOG_LEVEL",
            )
        }
    )
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # this process counts the queries of a rendering
    sys.path.insert(0, str(BASE_DIR))
    server = None
    try:
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
        import django

        django.setup()
        urls = [(name, url) for name, url in pick_urls(include_ru=False) if name in PAGES]
        queries = count_queries(urls)
        from django.db import connections

        connections.close_all()
        command = [
            PYTHON,
            "-m",
            "gunicorn",
            "--config",
            "site/deploy/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{args.port}",
            "config.wsgi:application",
        ]
        # The server keeps its own copy of the log's file descriptor: this process closes its handle at once.
        with tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False) as log:
            server = subprocess.Popen(
                command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_for_server(args.port, server)
        cache = "Redis" if os.environ.get("REDIS_URL") else "local memory (per worker)"
        print(
            f"gunicorn: {args.workers} workers, page cache in {cache}; {args.requests} requests per URL and mode, "
            f"{args.concurrency} client threads, keep-alive (log: {log.name})\n"
        )

        static = static_url(static_root)
        hammer(args.port, static, args.warmup, 1)
        if args.bakerydemo_port:
            hammer(args.bakerydemo_port, "/", args.warmup, 1)
        figures = {}  # (name, what) -> [one figure per round]

        def note(name, what, value):
            figures.setdefault((name, what), []).append(value)

        for round_number in range(args.rounds):
            note("static", "rps", hammer(args.port, static, args.requests * 5, args.concurrency)["rps"])
            for name, url in urls:
                if args.cached_only:
                    hammer(args.port, url, args.warmup, 1)
                    beside = hammer(args.port, static, args.requests, args.concurrency)["rps"]
                    cached = hammer(args.port, url, args.requests, args.concurrency)
                    note(name, "statuses", set(cached["statuses"]))
                    note(name, "cached", cached["rps"])
                    note(name, "cached p99", cached["p99"])
                    note(name, "ratio", cached["rps"] / beside)
                    continue
                if args.bakerydemo_port:
                    bakery = hammer(args.bakerydemo_port, "/", args.requests, args.concurrency)
                    note(name, "bakery", bakery["rps"] if set(bakery["statuses"]) == {200} else float("nan"))
                hammer(args.port, url, args.warmup, 1, BYPASS)
                rendered = hammer(args.port, url, args.requests, args.concurrency, BYPASS)
                hammer(args.port, url, args.warmup, 1)
                cached = hammer(args.port, url, args.requests, args.concurrency)
                statuses = set(cached["statuses"]) | set(rendered["statuses"])
                note(name, "statuses", statuses)
                for what, value in (
                    ("cached", cached["rps"]),
                    ("cached p99", cached["p99"]),
                    ("rendered", rendered["rps"]),
                    ("rendered p99", rendered["p99"]),
                ):
                    note(name, what, value)
            print(f"round {round_number + 1} of {args.rounds} done", flush=True)

        def median(name, what):
            return statistics.median(figures[(name, what)])

        static_rps = median("static", "rps")
        print(f"\nstatic file {static}: {static_rps:.0f} req/s (median of {args.rounds})")
        if args.cached_only:
            header = f"{'page':28} {'cached req/s':>12} {'% static':>9} {'p99 ms':>7}  url"
            print(f"% static: cached req/s / the static file's measured just before, median of {args.rounds}\n")
            print(header)
            print("-" * len(header))
            for name, url in urls:
                statuses = set().union(*figures[(name, "statuses")])
                flag = "" if statuses == {200} else f" statuses {sorted(statuses, key=str)}"
                print(
                    f"{name:28} {median(name, 'cached'):12.0f} {100 * median(name, 'ratio'):8.0f}% "
                    f"{median(name, 'cached p99'):7.1f}  {urllib.parse.unquote(url)}{flag}",
                    flush=True,
                )
            return
        reference = (
            "bakerydemo home measured before each page"
            if args.bakerydemo_port
            else f"bakerydemo home given: {args.bakerydemo_rps} req/s"
        )
        print(f"x bakery: rendered req/s / {reference}\n")
        header = (
            f"{'page':28} {'cached req/s':>12} {'% static':>9} {'p99 ms':>7} {'rendered req/s':>15} "
            f"{'bakery req/s':>12} {'x bakery':>9} {'p99 ms':>7} {'queries':>8}  url"
        )
        print(header)
        print("-" * len(header))
        for name, url in urls:
            bakery_rps = median(name, "bakery") if args.bakerydemo_port else args.bakerydemo_rps
            statuses = set().union(*figures[(name, "statuses")])
            flag = "" if statuses == {200} else f" statuses {sorted(statuses, key=str)}"
            print(
                f"{name:28} {median(name, 'cached'):12.0f} {100 * median(name, 'cached') / static_rps:8.0f}% "
                f"{median(name, 'cached p99'):7.1f} {median(name, 'rendered'):15.1f} {bakery_rps:12.1f} "
                f"{median(name, 'rendered') / bakery_rps:8.2f}x {median(name, 'rendered p99'):7.1f} "
                f"{queries[url][1]:8d}  {urllib.parse.unquote(url)}{flag}",
                flush=True,
            )
    finally:
        stop_server(server)
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
