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
this process (page cache off). bakerydemo's home page figure (25.6 req/s, 2 sync workers, same machine, wrk:
/work/shared/FINDINGS.md) is a reference given on the command line, not measured here.

A benchmark, not a test: it never fails on a figure; it stops the server it started (its process group).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_benchmark import (  # noqa: E402
    BASE_DIR, PYTHON, count_queries, hammer, pick_urls, server_environment, stop_server, wait_for_server,
)

BYPASS = {"Cookie": "sessionid=bench-no-such-session"}
PAGES = ("home", "school", "blog index", "post", "network events (upcoming)", "network news",
         "library (no filter)", "library subject+grade+lang", "region", "event", "resource")


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
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database holding the national data.")
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = server_environment(static_root, args.workers)
    os.environ.update({key: env[key] for key in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "SECURE_SSL_REDIRECT",
                                                 "ALLOWED_HOSTS", "STATIC_ROOT", "LOG_LEVEL")})
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # this process counts the queries of a rendering
    sys.path.insert(0, str(BASE_DIR))
    server = None
    log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)
    try:
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
        import django

        django.setup()
        urls = [(name, url) for name, url in pick_urls(include_ru=False) if name in PAGES]
        queries = count_queries(urls)
        from django.db import connections

        connections.close_all()
        command = [PYTHON, "-m", "gunicorn", "--config", "site/deploy/gunicorn.conf.py",
                   "--bind", f"127.0.0.1:{args.port}", "config.wsgi:application"]
        server = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        wait_for_server(args.port, server)
        cache = "Redis" if os.environ.get("REDIS_URL") else "local memory (per worker)"
        print(f"gunicorn: {args.workers} workers, page cache in {cache}; {args.requests} requests per URL and mode, "
              f"{args.concurrency} client threads, keep-alive (log: {log.name})\n")

        static = static_url(static_root)
        hammer(args.port, static, args.warmup, 1)
        static_rps = hammer(args.port, static, args.requests * 5, args.concurrency)["rps"]
        print(f"static file {static}: {static_rps:.0f} req/s\n")
        header = (f"{'page':28} {'cached req/s':>12} {'% static':>9} {'p99 ms':>7} {'rendered req/s':>15} "
                  f"{'x bakery':>9} {'p99 ms':>7} {'queries':>8}  url")
        print(header)
        print("-" * len(header))
        for name, url in urls:
            hammer(args.port, url, args.warmup, 1, BYPASS)
            rendered = hammer(args.port, url, args.requests, args.concurrency, BYPASS)
            hammer(args.port, url, args.warmup, 1)
            cached = hammer(args.port, url, args.requests, args.concurrency)
            statuses = set(cached["statuses"]) | set(rendered["statuses"])
            flag = "" if statuses == {200} else f" statuses {sorted(statuses, key=str)}"
            print(f"{name:28} {cached['rps']:12.0f} {100 * cached['rps'] / static_rps:8.0f}% {cached['p99']:7.1f} "
                  f"{rendered['rps']:15.1f} {rendered['rps'] / args.bakerydemo_rps:8.2f}x {rendered['p99']:7.1f} "
                  f"{queries[url][1]:8d}  {urllib.parse.unquote(url)}{flag}", flush=True)
    finally:
        stop_server(server)
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
