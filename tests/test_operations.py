import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(extra)
    return env


def test_health_endpoint_answers_when_the_database_does(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_endpoint_fails_when_the_database_is_unreachable():
    # A server process whose database is a closed port: the real failure, not a mock.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz'); print(r.status_code, r.json()['database'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=clean_env(DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL="postgres://nobody@127.0.0.1:9/none"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["503", "unreachable"], result.stderr


def test_production_settings_refuse_to_start_without_secret_key():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean_env(DJANGO_SETTINGS_MODULE="config.settings.production"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_admin_login_works(client, homes, admin_user):
    response = client.post("/admin/login/", {"username": "boss", "password": "correct horse battery"})
    assert response.status_code == 302
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert b"wagtail" in dashboard.content.lower()


def test_admin_login_refuses_a_wrong_password(client, homes, admin_user):
    response = client.post("/admin/login/", {"username": "boss", "password": "wrong"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


_PORTS_GIVEN = set()


def free_port():
    """A free port; within TEST_SERVER_PORTS (e.g. `8700-8799`) when set, so that servers started by tests on a
    shared machine stay in the range given to them (each port given once: its server may not have bound it yet)."""
    first, _, last = os.environ.get("TEST_SERVER_PORTS", "0-0").partition("-")
    for port in range(int(first), int(last or first) + 1):
        if port and port in _PORTS_GIVEN:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            _PORTS_GIVEN.add(s.getsockname()[1])
            return s.getsockname()[1]
    raise AssertionError(f"no free port in TEST_SERVER_PORTS={os.environ['TEST_SERVER_PORTS']}")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gunicorn_command_serves_a_page(django_capture_on_commit_callbacks):
    """The Dockerfile's command, run here against the test database."""
    from demo.home import load_home

    with django_capture_on_commit_callbacks(execute=True):
        load_home()
    port = free_port()
    settings_dict = connection.settings_dict
    if settings_dict["ENGINE"].endswith("sqlite3"):
        database_url = f"sqlite:///{settings_dict['NAME']}"
    else:
        database_url = "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**settings_dict)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "site/deploy/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "config.wsgi:application",
        ],
        cwd=ROOT,
        env=clean_env(DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=database_url, WEB_CONCURRENCY="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = None
        for _attempt in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/kk/", timeout=5) as response:
                    body = response.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert body is not None, "gunicorn did not answer"
        assert "Жетекші мектептер желісі" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.django_db
def test_sqlite_waits_for_a_busy_database_and_locks_writes_when_they_begin():
    """Autosave and "submit" posted at once from a browser gave "database is locked" on SQLite (the quick start)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL locks rows")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20_000
    assert connection.transaction_mode == "IMMEDIATE"
