#!/usr/bin/env python
"""Serve the site with gunicorn, production settings, on the PostgreSQL database of DATABASE_URL (loaded with the
national-scale data: demo.national), and measure the public pages.

For every URL it prints requests/s, p50 and p99 latency (a bounded client: threads with keep-alive connections
to 127.0.0.1, a fixed number of requests per URL) and the number of SQL queries one request makes (measured
in this process with the Django test client, the same settings and the same database).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_national .venv/bin/python bench/site_benchmark.py --port 8100

A benchmark, not a test: it never fails on a figure; it stops by itself and stops the server it started.
"""

import argparse
import http.client
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def server_environment(static_root, workers):
    """What the production image's environment says, minus TLS (nothing terminates TLS in front of 127.0.0.1)."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(static_root),
        WEB_CONCURRENCY=str(workers),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def pick_urls(include_ru=True):
    """The URLs to measure, chosen in the data: the busiest school (the largest listings) and its newest items."""
    from django.db.models import Count
    from django.utils import timezone
    from wagtail.models import Locale

    from network.models import (
        BlogIndexPage,
        BlogPostPage,
        EventIndexPage,
        EventPage,
        LeadingSchoolPage,
        NetworkEventsPage,
        NetworkNewsPage,
        RegionPage,
        ResourceLibraryPage,
        ResourcePage,
    )

    kk = Locale.objects.get(language_code="kk")
    busiest = (
        BlogPostPage.objects.filter(locale=kk)
        .values("school_id")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if busiest is None:
        raise SystemExit("No blog posts in this database: load the national data first (see bench/README.md).")
    school = LeadingSchoolPage.objects.get(pk=busiest["school_id"])
    region = RegionPage.objects.get(pk=school.region_id)
    post = BlogPostPage.objects.filter(school=school).order_by("-date", "-pk").first()
    event = (
        EventPage.objects.filter(school=school, end__gte=timezone.now()).order_by("start").first()
        or EventPage.objects.filter(school=school).first()
    )
    resource = ResourcePage.objects.filter(school=school).order_by("-first_published_at").first()
    library = ResourceLibraryPage.objects.get(locale=kk)
    urls = [
        ("home", "/kk/"),
        ("region", region.url),
        ("school", school.url),
        ("blog index", BlogIndexPage.objects.child_of(school).get().url),
        ("blog index, page 5", BlogIndexPage.objects.child_of(school).get().url + "?page=5"),
        ("post", post.url),
        ("school events (upcoming)", EventIndexPage.objects.child_of(school).get().url),
        ("school events (past)", EventIndexPage.objects.child_of(school).get().url + "?when=past"),
        ("event", event.url),
        ("network events (upcoming)", NetworkEventsPage.objects.get(locale=kk).url),
        (
            "network events, region+kind",
            NetworkEventsPage.objects.get(locale=kk).url + f"?region={region.pk}&kind=seminar&when=past",
        ),
        ("network news", NetworkNewsPage.objects.get(locale=kk).url),
        ("resource", resource.url),
        ("library (no filter)", library.url),
        ("library subject+grade+lang", library.url + "?subject=mathematics&grade=7&language=kk"),
        (
            "library kind+direction+region",
            library.url + f"?kind=lesson_plan&direction=criteria_assessment&region={region.pk}",
        ),
        ("library, page 50", library.url + "?page=50"),
    ]
    if include_ru:
        ru = Locale.objects.get(language_code="ru")
        ru_post = (
            BlogPostPage.objects.filter(locale=ru, school__translation_key=school.translation_key).first()
            or BlogPostPage.objects.filter(locale=ru).first()
        )
        ru_school = school.get_translation_or_none(ru)
        if ru_school is not None:
            urls.append(("ru school", ru_school.url))
        if ru_post is not None:
            urls.append(("ru post", ru_post.url))
        urls.append(
            (
                "ru library subject+grade",
                ResourceLibraryPage.objects.get(locale=ru).url + "?subject=mathematics&grade=7",
            )
        )
    return urls


def count_queries(urls):
    """SQL queries per request, in this process: a first request warms the caches (site root paths, content
    types), the second one is counted, as a warm gunicorn worker would run it."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for _name, url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts[url] = (response.status_code, len(queries))
    return counts


def wait_for_server(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {process.returncode}; see its log above.")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer /healthz in time.")


def hammer(port, url, requests, concurrency, headers=None):
    """`requests` GETs of `url` from `concurrency` threads, each on its own keep-alive connection."""
    headers = {"Host": "127.0.0.1", "Accept-Language": "kk", **(headers or {})}
    latencies, statuses, sizes = [], {}, []
    lock = threading.Lock()
    per_thread = [requests // concurrency + (1 if i < requests % concurrency else 0) for i in range(concurrency)]

    def worker(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for _ in range(count):
            started = time.perf_counter()
            try:
                connection.request("GET", url, headers=headers)
                response = connection.getresponse()
                body = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                body, status = b"", type(error).__name__
            mine.append((time.perf_counter() - started, status, len(body)))
        connection.close()
        with lock:
            for latency, status, size in mine:
                latencies.append(latency)
                statuses[status] = statuses.get(status, 0) + 1
                sizes.append(size)

    threads = [threading.Thread(target=worker, args=(count,)) for count in per_thread if count]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "max": latencies[-1] * 1000 if latencies else 0,
        "statuses": statuses,
        "bytes": int(statistics.mean(sizes)) if sizes else 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--requests", type=int, default=50, help="measured requests per URL (default 50)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="gunicorn workers (default: the gunicorn.conf.py default, 2 x CPUs + 1)",
    )
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per URL first (default 20)")
    parser.add_argument("--no-ru", action="store_true", help="skip the Russian samples")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database holding the national data.")
    workers = args.workers or (os.cpu_count() or 1) * 2 + 1
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = server_environment(static_root, workers)
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
    sys.path.insert(0, str(BASE_DIR))
    server = None
    try:
        print(f"collectstatic into {static_root} …", flush=True)
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)

        import django

        django.setup()
        urls = pick_urls(include_ru=not args.no_ru)
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
            print(
                f"gunicorn: {workers} workers x {os.environ.get('GUNICORN_THREADS', '2')} threads"
                f" on 127.0.0.1:{args.port} (log: {log.name})",
                flush=True,
            )
            server = subprocess.Popen(
                command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_for_server(args.port, server)

        print(
            f"{args.requests} requests per URL, {args.concurrency} client threads, keep-alive, after "
            f"{args.warmup} warm-up requests\n"
        )
        header = f"{'page':32} {'status':>8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} {'KiB':>6}  url"
        print(header)
        print("-" * len(header))
        for name, url in urls:
            if args.warmup:
                hammer(args.port, url, args.warmup, min(args.concurrency, args.warmup))
            result = hammer(args.port, url, args.requests, args.concurrency)
            status = ",".join(
                f"{code}" + (f"x{n}" if len(result["statuses"]) > 1 else "")
                for code, n in sorted(result["statuses"].items(), key=str)
            )
            in_process_status, query_count = queries[url]
            if str(in_process_status) != status:
                status += f" ({in_process_status})"
            print(
                f"{name:32} {status:>8} {result['rps']:7.1f} {result['p50']:8.1f} {result['p99']:8.1f} "
                f"{query_count:8d} {result['bytes'] / 1024:6.1f}  {urllib.parse.unquote(url)}",
                flush=True,
            )
    finally:
        stop_server(server)
        shutil.rmtree(static_root, ignore_errors=True)


def stop_server(server):
    """Stop the gunicorn this script started (its own process group, nothing else)."""
    if server is not None and server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


if __name__ == "__main__":
    main()
