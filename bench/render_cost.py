#!/usr/bin/env python
"""What one rendering of a public page costs, in this process: CPU time, SQL time and queries per request, with the
page cache empty and the shared caches warm (issue 15's rendered budget, measured without the noise of a shared
machine's wall-clock: CPU time of this process only counts what the page itself costs).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_national REDIS_URL=redis://127.0.0.1:6379/7 \\
        .venv/bin/python bench/render_cost.py --requests 30 [--only home school] [--profile home]

It runs with the production settings (as bench/page_cache_benchmark.py's server does), `PAGE_CACHE_SECONDS=0`,
on the URLs `bench/site_benchmark.py` picks (the busiest school). Each URL is requested a few times to warm the
shared caches and this process's own (templates, URL resolvers), then --requests times, each timed; the medians are
printed (STATIC_ROOT: collected static files to reuse; else they are collected into a temporary directory).
--profile NAME prints a pyinstrument profile of that page's timed requests.

The same measure of another Django project (bakerydemo's home page) runs with that project's Python, from its
directory, with `--settings` and explicit `--url`s; no import of this project is needed then:

    cd /work/bakerydemo && DATABASE_URL=postgres://postgres@127.0.0.1:5432/bakerydemo SECRET_KEY=x \\
        DJANGO_ALLOWED_HOSTS=127.0.0.1 .venv/bin/python /path/to/bench/render_cost.py \\
        --settings bakerydemo.settings.production --url home=/

A benchmark, not a test: it prints figures and never fails on one.
"""

import argparse
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def measure(client, url, requests, warmup, profiler=None):
    from django.db import connection

    sql_time = [0.0, 0]

    def timed(execute, sql, params, many, context):
        sql_time[1] += 1
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            sql_time[0] += time.perf_counter() - start

    for _ in range(warmup):
        client.get(url)
    cpu, wall, sql, counts = [], [], [], []
    for _ in range(requests):
        sql_time[0], sql_time[1] = 0.0, 0
        with connection.execute_wrapper(timed):
            if profiler is not None:
                profiler.enable()
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            response = client.get(url)
            cpu_end, wall_end = time.process_time(), time.perf_counter()
            if profiler is not None:
                profiler.disable()
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        cpu.append((cpu_end - cpu_start) * 1000)
        wall.append((wall_end - wall_start) * 1000)
        sql.append(sql_time[0] * 1000)
        counts.append(sql_time[1])
    return {
        "cpu": statistics.median(cpu),
        "wall": statistics.median(wall),
        "sql": statistics.median(sql),
        "queries": max(counts),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per URL")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="page names (as bench/site_benchmark.py names them)")
    parser.add_argument("--url", action="append", default=[], help="NAME=PATH, instead of this project's pages")
    parser.add_argument("--settings", default="config.settings.production")
    parser.add_argument("--profile", help="print a CPU-time profile (cProfile) of this page's timed requests")
    parser.add_argument("--profile-lines", type=int, default=60)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--cookie",
        action="store_true",
        help="send page_cache_benchmark.py's session cookie that matches no session (its 'rendered' mode)",
    )
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = args.settings
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("ALLOWED_HOSTS", args.host)
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    sys.path.insert(0, os.getcwd())
    if not args.url and not os.environ.get("STATIC_ROOT"):
        # The production settings read the manifest of the collected static files.
        import subprocess
        import tempfile

        os.environ["STATIC_ROOT"] = tempfile.mkdtemp(prefix="render-cost-static-")
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, check=True)
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    if args.url:
        urls = [tuple(item.split("=", 1)) for item in args.url]
    else:
        sys.path.insert(0, str(BASE_DIR / "bench"))
        from site_benchmark import pick_urls

        urls = [(name, url) for name, url in pick_urls(include_ru=True) if not args.only or name in args.only]
    client = Client(HTTP_HOST=args.host)
    if args.cookie:
        client.cookies["sessionid"] = "bench-no-such-session"
    print(
        f"{settings.SETTINGS_MODULE}, DEBUG={settings.DEBUG}, cache {settings.CACHES['default']['BACKEND']}; "
        f"{args.requests} timed requests per URL after {args.warmup}; load {os.getloadavg()[0]:.2f}\n"
    )
    print(f"{'page':32} {'CPU ms':>8} {'SQL ms':>8} {'wall ms':>8} {'queries':>8}")
    for name, url in urls:
        profiler = None
        if args.profile == name:
            import cProfile

            profiler = cProfile.Profile(time.process_time)  # CPU time: the waits for the database left out
        figures = measure(client, url, args.requests, args.warmup, profiler)
        print(
            f"{name:32} {figures['cpu']:8.1f} {figures['sql']:8.1f} {figures['wall']:8.1f} {figures['queries']:8d}",
            flush=True,
        )
        if profiler is not None:
            import pstats

            stats = pstats.Stats(profiler).strip_dirs()
            stats.sort_stats("cumulative").print_stats(args.profile_lines)
            stats.sort_stats("tottime").print_stats(args.profile_lines)


if __name__ == "__main__":
    main()
