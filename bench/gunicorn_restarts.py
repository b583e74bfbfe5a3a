#!/usr/bin/env python
"""What recycling gunicorn's workers costs, before and after `preload_app` (site/deploy/gunicorn.conf.py).

Starts gunicorn exactly as the production image does, twice: with the configuration the project had before
(no preload, a worker recycled every ~2,000 requests) and with the current one, and sends the same number of
requests for one static file to each, printing requests/s, p50, p99 and the worst latency, and how many workers
were booted during the run (the initial ones included).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ls_national .venv/bin/python bench/gunicorn_restarts.py --port 8100

A benchmark, not a test: it never fails on a figure; it stops the servers it started (their process groups).
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_benchmark import BASE_DIR, PYTHON, hammer, server_environment, wait_for_server  # noqa: E402

VARIANTS = [
    (
        "before: no preload, max_requests 2000",
        {"GUNICORN_PRELOAD": "false", "GUNICORN_MAX_REQUESTS": "2000", "GUNICORN_MAX_REQUESTS_JITTER": "200"},
    ),
    ("now: preload, max_requests default", {}),
    ("now, recycling as often as before", {"GUNICORN_MAX_REQUESTS": "2000", "GUNICORN_MAX_REQUESTS_JITTER": "200"}),
]


def static_url(static_root):
    manifest = (static_root / "staticfiles.json").read_text()
    import json

    paths = json.loads(manifest)["paths"]
    return "/static/" + paths["css/site.css"] if "css/site.css" in paths else "/static/" + next(iter(paths.values()))


def run(variant_env, port, workers, requests, concurrency, static_root):
    env = server_environment(static_root, workers)
    env.update(variant_env)
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "--config",
        "site/deploy/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "info",
        "config.wsgi:application",
    ]
    # The server keeps its own copy of the log's file descriptor: this process closes its handle at once.
    with tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False) as log:
        server = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_for_server(port, server)
        url = static_url(static_root)
        hammer(port, url, 200, concurrency)
        result = hammer(port, url, requests, concurrency)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    text = Path(log.name).read_text(errors="replace")
    result["boots"] = text.count("Booting worker")
    result["url"] = url
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--requests", type=int, default=12000, help="measured requests per variant")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = server_environment(static_root, args.workers)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
    print(f"{args.requests} requests of one static file, {args.workers} workers, {args.concurrency} client threads\n")
    header = f"{'configuration':42} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'boots':>6}"
    print(header)
    print("-" * len(header))
    for name, variant_env in VARIANTS:
        r = run(variant_env, args.port, args.workers, args.requests, args.concurrency, static_root)
        print(f"{name:42} {r['rps']:8.0f} {r['p50']:7.1f} {r['p99']:7.1f} {r['max']:7.1f} {r['boots']:6d}", flush=True)


if __name__ == "__main__":
    main()
