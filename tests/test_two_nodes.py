"""Two web nodes sharing only the database and Redis: a page cached by one is served by the other, a publication
drops it on both at once, and a rate limit counts the attempts made on both."""

import http.cookiejar
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from follow.testing import add, add_post, publish
from network.models import BlogIndexPage, LeadingSchoolPage, RegionPage
from tests.test_operations import ROOT, clean_env, free_port

REDIS_URL = "redis://127.0.0.1:6379/7"  # this branch's Redis database (PREAMBLE: helper 7)


def redis_or_skip():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    return client


def database_url():
    settings_dict = connection.settings_dict
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    return "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**settings_dict)


def start_node(port):
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "site/deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
         "config.wsgi:application"],
        cwd=ROOT,
        env=clean_env(DJANGO_SETTINGS_MODULE="config.settings.node_test", DATABASE_URL=database_url(),
                      REDIS_URL=REDIS_URL, WEB_CONCURRENCY="1", GUNICORN_THREADS="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


# Behind the proxy every node sees the site's own host name (and pages are stored per host: their absolute links).
HOST = "leadingschools.test"


def get(port, path, opener=None):
    url = f"http://127.0.0.1:{port}{path}"
    for _attempt in range(150):
        try:
            request = urllib.request.Request(url, headers={"Host": HOST})
            with (opener or urllib.request.build_opener()).open(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_nodes_share_the_page_cache_its_invalidation_and_rate_limits(homes, django_capture_on_commit_callbacks):
    redis_client = redis_or_skip()
    redis_client.flushdb()
    with django_capture_on_commit_callbacks(execute=True):
        region = add(homes["kk"], RegionPage(title="Алматы облысы", slug="almaty-region"))
        school = add(region, LeadingSchoolPage(title="Қонаев жетекші мектебі", slug="konaev", locality="Қонаев"))
    # Committed at once in this transactional test, the school's provisioning has given it its blog.
    blog_page = BlogIndexPage.objects.child_of(school).first() or add(school, BlogIndexPage(title="Блог", slug="blog"))
    if not blog_page.live:
        publish(blog_page)
    network = {"blog": blog_page}
    with django_capture_on_commit_callbacks(execute=True):
        add_post(network["blog"], "Бірінші түйін жазбасы")
    ports = [free_port(), free_port()]
    nodes = [start_node(port) for port in ports]
    try:
        blog = network["blog"].url
        status, headers, body = get(ports[0], blog)
        assert status == 200 and headers["X-Page-Cache"] == "miss"
        status, headers, body = get(ports[1], blog)
        assert headers["X-Page-Cache"] == "hit", "node 2 serves the page node 1 stored"

        with django_capture_on_commit_callbacks(execute=True):  # an editor publishes (any node, or the worker)
            add_post(network["blog"], "Екінші түйін жазбасы")
        for port in ports:
            status, headers, body = get(port, blog)
            assert "Екінші түйін жазбасы" in body, port

        # The subscription form's rate limit (3 an hour from one address here) counts across both nodes.
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        status, _headers, body = get(ports[0], "/kk/follow/subscribe/", opener)
        token = BeautifulSoup(body, "html.parser").select_one("input[name=csrfmiddlewaretoken]")["value"]
        statuses = []
        for attempt in range(4):
            port = ports[attempt % 2]
            data = urllib.parse.urlencode({
                "csrfmiddlewaretoken": token, "email": f"reader{attempt}@example.kz", "topics": "news",
                "frequency": "weekly", "language": "kk",
            }).encode()
            request = urllib.request.Request(f"http://127.0.0.1:{port}/kk/follow/subscribe/", data=data,
                                             headers={"Host": HOST})
            try:
                with opener.open(request, timeout=10) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
        assert statuses == [200, 200, 200, 429], statuses  # 200: the redirect to "sent" was followed
    finally:
        for node in nodes:
            node.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
            node.wait(timeout=30)
        redis_client.flushdb()
