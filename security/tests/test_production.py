"""Holes 2 and 3 and error reporting: what the production settings refuse, and who counts as one client."""

import gzip
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page

from follow.tests.fixtures import empty_cache, network  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
FORCE = "--i-know-this-is-a-throwaway-database"


def production_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "SENTRY_DSN", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "a-long-secret-key-for-the-production-settings-test-only-0123456789",
        }
    )
    env.update(extra)
    return env


def run_python(code, env):
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


# Hole 2: demo accounts ------------------------------------------------------------------------------------------


@override_settings(DEMO_DATA_ALLOWED=False)
@pytest.mark.parametrize("command", ["ensure_demo_admin", "load_demo"])
def test_demo_commands_refuse_under_production_settings(db, command):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="throwaway"):
        call_command(command)
    assert not get_user_model().objects.exists()
    assert Page.objects.count() == pages


@override_settings(DEMO_DATA_ALLOWED=False)
def test_forced_demo_admin_gets_the_password_it_is_given(db, monkeypatch, run_command):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "random-from-ci-Zx81")
    run_command("ensure_demo_admin", FORCE)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("random-from-ci-Zx81")
    assert not admin.check_password("admin-demo-2026")


def test_production_settings_say_no_demo_data():
    result = run_python(
        "from django.conf import settings; print(settings.DEMO_DATA_ALLOWED)",
        production_env(REDIS_URL="redis://127.0.0.1:6379/4"),
    )
    assert result.returncode == 0 and result.stdout.strip() == "False", result.stderr


def test_ci_passes_the_force_flag_and_random_passwords():
    script = (ROOT / ".ci" / "run").read_text()
    assert f"load_demo {FORCE}" in script and f"ensure_demo_admin {FORCE}" in script
    assert 'DEMO_ADMIN_PASSWORD="$(' in script and 'DEMO_REVIEW_PASSWORD="$(' in script


# Hole 3: a shared cache and the client address ------------------------------------------------------------------


def test_production_refuses_to_start_without_redis():
    result = run_python("import django; django.setup()", production_env())
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "REDIS_URL" in result.stderr


def test_production_starts_with_redis():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        production_env(REDIS_URL="redis://127.0.0.1:6379/4"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "config.redis_cache.RedisCache"  # Django's, one client per pool


def test_the_deploy_check_fails_on_a_process_local_cache():
    errors = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "security.E001" in errors  # the test settings use the local-memory cache
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:6379/4",
            }
        }
    ):
        errors = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "security.E001" not in errors


def subscribe(client, i, **extra):
    return client.post(
        "/en/follow/subscribe/",
        {"email": f"r{i}@example.kz", "language": "en", "topics": ["news"], "frequency": "daily", "school": ""},
        **extra,
    )


@override_settings(CLIENT_PROXY_COUNT=1)
def test_a_forged_forwarded_for_does_not_bypass_the_limit(client, network):
    # The proxy appends the address it sees; the attacker prepends a new forged one to every request.
    answers = [
        subscribe(client, i, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.{i}, 203.0.113.9").status_code
        for i in range(25)
    ]
    assert answers.count(302) == 10 and answers[10:] == [429] * 15
    # A visitor whose chain is what the proxy makes is counted on their own address.
    assert subscribe(client, 99, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.77").status_code == 302


@override_settings(CLIENT_PROXY_COUNT=1)
def test_behind_the_proxy_each_client_has_its_own_quota(client, network):
    for i in range(10):
        assert subscribe(client, i, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 302
    assert subscribe(client, 10, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 429
    assert subscribe(client, 11, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 302


def test_the_compose_topology_puts_the_proxy_in_front():
    compose = (ROOT / "site" / "deploy" / "compose.yaml").read_text()
    services = {name: compose.split(f"\n  {name}:\n")[1].split("\n\n")[0] for name in ("cache", "web", "proxy")}
    # Only the TLS proxy is published; it passes to the page cache, which passes to gunicorn.
    assert all("ports:" not in services[name] and "expose:" in services[name] for name in ("cache", "web"))
    assert '"443:443"' in services["proxy"]
    assert 'PROXY_COUNT: "2"' in compose and "REDIS_URL: redis://" in compose
    assert "reverse_proxy cache:80" in (ROOT / "site" / "deploy" / "Caddyfile").read_text()
    assert "backend web" in (ROOT / "site" / "deploy" / "varnish.vcl").read_text()


# Error reporting ------------------------------------------------------------------------------------------------


class FakeSentry(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        FakeSentry.received.append((self.path, body))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


FAILING_REQUEST = """
import sys, types, django
django.setup()
import sentry_sdk
from django.test import Client, override_settings
from django.urls import path

def broken(request):
    raise RuntimeError("boom from the sentry test")

urls = types.ModuleType("sentry_test_urls")
urls.urlpatterns = [path("broken/", broken)]
sys.modules["sentry_test_urls"] = urls
static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # no collectstatic here
# PAGE_CACHE_SECONDS=0: this process has no migrated database for the page cache's content generation.
with override_settings(ROOT_URLCONF="sentry_test_urls", ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False,
                       PAGE_CACHE_SECONDS=0,
                       STORAGES={"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                                 "staticfiles": static}):
    response = Client(raise_request_exception=False).get("/broken/")
print("status", response.status_code, "active", sentry_sdk.get_client().is_active())
sentry_sdk.flush(timeout=5)
"""


@pytest.fixture
def fake_sentry():
    FakeSentry.received = []
    server = HTTPServer(("127.0.0.1", 0), FakeSentry)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


@pytest.mark.parametrize("dsn_set", [True, False])
def test_unhandled_errors_go_to_sentry_only_when_a_dsn_is_set(fake_sentry, dsn_set):
    extra = {"REDIS_URL": "redis://127.0.0.1:6379/4", "LOG_LEVEL": "CRITICAL"}
    if dsn_set:
        extra["SENTRY_DSN"] = f"http://publickey@127.0.0.1:{fake_sentry}/42"
    result = run_python(FAILING_REQUEST, production_env(**extra))
    assert result.returncode == 0, result.stderr
    assert f"status 500 active {dsn_set}" in result.stdout
    if dsn_set:
        assert FakeSentry.received, "nothing reached Sentry"
        path, body = FakeSentry.received[0]
        assert path.startswith("/api/42/")
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        assert b"boom from the sentry test" in body
    else:
        assert FakeSentry.received == []
