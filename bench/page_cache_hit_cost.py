#!/usr/bin/env python
"""What one page-cache hit costs against one static file, in this process: CPU time per request through the WSGI
application (production settings, the same middleware as gunicorn runs), SQL queries and Redis commands per hit.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> REDIS_URL=redis://127.0.0.1:6379/7 \\
        .venv/bin/python bench/page_cache_hit_cost.py [--requests 2000] [--profile]

No server and no sockets but Redis and PostgreSQL: the figure is the application's own work per request (CPU time
of this process, less sensitive to the machine's load than requests/s), which gunicorn then wraps in the same
accept/parse/write for both. Any database with pages will do (the demo data: `load_demo`); the URLs are the
page benchmark's. `--profile` prints cProfile's top functions of the hits of the first page.

A benchmark, not a test: it never fails on a figure.
"""

import argparse
import cProfile
import io
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_cache_benchmark import PAGES, static_url  # noqa: E402
from site_benchmark import BASE_DIR, PYTHON, pick_urls, server_environment  # noqa: E402


def environ_for(path):
    from io import BytesIO

    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT_LANGUAGE": "kk",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def call(application, path):
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status
        seen["headers"] = headers

    body = application(environ_for(path), start_response)
    try:
        size = sum(len(chunk) for chunk in body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return seen["status"], dict(seen["headers"]), size


class Counter:
    """SQL queries (a connection wrapper) and Redis commands (redis-py's one entry point) while active."""

    def __init__(self):
        self.sql = 0
        self.redis = []

    def __enter__(self):
        import redis
        from django.db import connection

        self._original = redis.Redis.execute_command
        counter = self

        def execute_command(client, *args, **options):
            counter.redis.append(args[0])
            return counter._original(client, *args, **options)

        redis.Redis.execute_command = execute_command
        self._wrapper = connection.execute_wrapper(self._query)
        self._wrapper.__enter__()
        return self

    def _query(self, execute, sql, params, many, context):
        self.sql += 1
        return execute(sql, params, many, context)

    def __exit__(self, *exc):
        import redis

        self._wrapper.__exit__(*exc)
        redis.Redis.execute_command = self._original


def cpu_per_request(application, path, requests):
    started = time.process_time()
    for _ in range(requests):
        call(application, path)
    return (time.process_time() - started) / requests * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="timed requests per URL and round")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; medians are printed")
    parser.add_argument("--profile", action="store_true", help="cProfile the first page's hits")
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        raise SystemExit("Set REDIS_URL (the production cache) and DATABASE_URL.")

    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = server_environment(static_root, 1)
    keys = ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "SECURE_SSL_REDIRECT", "ALLOWED_HOSTS", "STATIC_ROOT", "LOG_LEVEL")
    os.environ.update({key: env[key] for key in keys})
    sys.path.insert(0, str(BASE_DIR))
    try:
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
        import django

        django.setup()
        from django.core.cache import cache

        from config.wsgi import application

        urls = [(name, url) for name, url in pick_urls(include_ru=False) if name in PAGES]
        static = static_url(static_root)
        cache.clear()
        for _name, url in urls:  # the miss that stores it, then warm
            call(application, url)
        counts = {}
        for name, url in [("static", static), *urls]:
            for _ in range(20):
                status, headers, size = call(application, url)
            with Counter() as counter:
                status, headers, size = call(application, url)
            counts[name] = (status, headers.get("X-Page-Cache", ""), counter.sql, counter.redis, size)

        figures = {}
        for _round in range(args.rounds):
            for name, url in [("static", static), *urls]:
                figures.setdefault(name, []).append(cpu_per_request(application, url, args.requests))
        static_cpu = statistics.median(figures["static"])
        load = ", ".join(f"{figure:.2f}" for figure in os.getloadavg())
        print(f"{args.requests} requests per URL and round, {args.rounds} rounds; load average {load}\n")
        header = (
            f"{'request':28} {'status':>6} {'cache':>5} {'CPU µs':>7} {'× static':>8} {'SQL':>4} {'Redis':>14} "
            f"{'KiB':>6}"
        )
        print(header)
        print("-" * len(header))
        for name, _url in [("static", static), *urls]:
            status, hit, sql, redis_commands, size = counts[name]
            cpu = statistics.median(figures[name])
            print(
                f"{name:28} {status.split()[0]:>6} {hit:>5} {cpu:7.0f} {cpu / static_cpu:7.2f}× {sql:4d} "
                f"{','.join(redis_commands) or '-':>14} {size / 1024:6.1f}"
            )

        if args.profile:
            name, url = urls[0]
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.requests):
                call(application, url)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
            print(f"\ncProfile of {args.requests} hits of {name} ({url}):\n{out.getvalue()}")
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
