"""Two web nodes sharing only the database, Redis and an object store: a page cached by one is served by the other,
a publication made on one drops it on both at once, a rate limit counts the attempts made on both, and a file
uploaded through one is downloaded through the other (moto's S3 server standing in for the object store)."""

import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import requests
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client

from network.factories import add, add_post, publish
from network.models import BlogIndexPage, BlogPostPage, LeadingSchoolPage, RegionPage
from tests.test_operations import ROOT, clean_env, free_port

# The branch's Redis database (one per engineer on a shared machine); flushed by these tests.
REDIS_URL = os.environ.get("TWO_NODES_REDIS_URL", "redis://127.0.0.1:6379/7")


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


def start_node(port, **environment):
    return subprocess.Popen(
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
        env=clean_env(
            DJANGO_SETTINGS_MODULE="config.settings.node_test",
            DATABASE_URL=database_url(),
            REDIS_URL=REDIS_URL,
            WEB_CONCURRENCY="1",
            GUNICORN_THREADS="1",
            **environment,
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


# Behind the proxy every node sees the site's own host name (and pages are stored per host: their absolute links).
HOST = "leadingschools.test"


def get(port, path, opener=None):
    url = f"http://127.0.0.1:{port}{path}"
    for _attempt in range(300):  # a node starting on a loaded machine may take a while
        try:
            request = urllib.request.Request(url, headers={"Host": HOST})
            with (opener or urllib.request.build_opener()).open(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


def signed_in(user):
    """A browser of `user`: its session lives in the shared database, so either node knows it."""
    client = Client()
    client.force_login(user)
    browser = requests.Session()
    browser.cookies.set("sessionid", client.cookies["sessionid"].value)
    return browser


def csrf_token(html):
    return BeautifulSoup(html, "html.parser").select_one("input[name=csrfmiddlewaretoken]")["value"]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_nodes_share_the_page_cache_its_invalidation_and_rate_limits(
    homes, django_capture_on_commit_callbacks, admin_user
):
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
        draft = BlogPostPage(title="Екінші түйін жазбасы", slug="second-node-post", intro="Жоба", live=False)
        network["blog"].add_child(instance=draft)
        draft.save_revision()
    ports = [free_port(), free_port()]
    nodes = [start_node(port) for port in ports]
    try:
        blog = network["blog"].url
        status, headers, body = get(ports[0], blog)
        assert status == 200 and headers["X-Page-Cache"] == "miss"
        status, headers, body = get(ports[1], blog)
        assert headers["X-Page-Cache"] == "hit", "node 2 serves the page node 1 stored"

        # A moderator publishes the draft through node 1's admin (Wagtail's "Publish" bulk action).
        moderator = signed_in(admin_user)
        publish_url = f"http://127.0.0.1:{ports[0]}/admin/bulk/wagtailcore/page/publish/?id={draft.pk}"
        form = moderator.get(publish_url, timeout=60)
        assert form.status_code == 200
        response = moderator.post(
            publish_url, {"csrfmiddlewaretoken": csrf_token(form.text)}, timeout=60, allow_redirects=False
        )
        assert response.status_code == 302
        assert BlogPostPage.objects.get(pk=draft.pk).live
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
            data = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "email": f"reader{attempt}@example.kz",
                    "topics": "news",
                    "frequency": "weekly",
                    "language": "kk",
                }
            ).encode()
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/kk/follow/subscribe/", data=data, headers={"Host": HOST}
            )
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


MEDIA_BUCKET, PRIVATE_BUCKET = "ls-media", "ls-private"


@pytest.fixture
def object_store():
    """moto's S3 server on a local port, with a deployment's two buckets: public media and private files."""
    moto_server = pytest.importorskip(
        "moto.server", reason="moto[server] is not installed (it is pinned in requirements.txt for this test)"
    )
    boto3 = pytest.importorskip("boto3", reason="boto3 is not installed (django-storages[s3] needs it)")
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    environment = {
        "AWS_STORAGE_BUCKET_NAME": MEDIA_BUCKET,
        "AWS_PRIVATE_BUCKET_NAME": PRIVATE_BUCKET,
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_S3_REGION_NAME": "us-east-1",
        **credentials,
    }
    s3 = boto3.client(
        "s3",
        endpoint_url=environment["AWS_S3_ENDPOINT_URL"],
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        s3.create_bucket(Bucket=bucket)
    # As README's deployment section says: the public may read image renditions, nothing else.
    from uploads.object_storage import public_read_policy

    s3.put_bucket_policy(Bucket=MEDIA_BUCKET, Policy=json.dumps(public_read_policy(MEDIA_BUCKET)))
    try:
        yield environment, s3
    finally:
        server.stop()


def stored_keys(s3, bucket):
    return [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]


def png_bytes():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_file_uploaded_through_one_node_is_served_by_the_other_from_the_object_store(object_store, admin_user):
    from django.urls import reverse
    from django.utils import translation
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from cabinet.tests.test_cabinet import fields
    from home.factories import make_home
    from network.factories import make_school
    from uploads.object_storage import PrivateObjectStorage
    from workflows.factories import PDF_HEADER, teacher
    from workflows.models import SubmissionFile

    environment, s3 = object_store
    redis_client = redis_or_skip()
    redis_client.flushdb()
    school = make_school(make_home(), "Almaty region", "Leading School No. 1")
    author = teacher("aigerim", school, full_name="Aigerim Bekova")
    colleague = teacher("dana", school, full_name="Dana Sadykova")
    root_collection = Collection.get_first_root_node()
    ports = [free_port(), free_port()]
    nodes = [start_node(port, **environment) for port in ports]
    node1, node2 = (f"http://127.0.0.1:{port}" for port in ports)
    try:
        get(ports[0], "/healthz"), get(ports[1], "/healthz")  # both nodes are up
        editor = signed_in(admin_user)

        # A Wagtail document uploaded through node 1 is downloaded through node 2, by Wagtail's serve view.
        form = editor.get(f"{node1}/admin/documents/add/", timeout=60)
        document_content = PDF_HEADER + b"lesson plan shared by both nodes"
        response = editor.post(
            f"{node1}/admin/documents/add/",
            timeout=60,
            data={
                "csrfmiddlewaretoken": csrf_token(form.text),
                "title": "Lesson plan",
                "collection": root_collection.pk,
            },
            files={"file": ("lesson-plan.pdf", document_content, "application/pdf")},
        )
        assert response.ok
        document = get_document_model().objects.get(title="Lesson plan")
        assert document.file.name in [key.removeprefix("media/") for key in stored_keys(s3, MEDIA_BUCKET)]
        download = requests.get(f"{node2}{document.url}", timeout=60)
        assert download.status_code == 200 and download.content == document_content
        store = f"{environment['AWS_S3_ENDPOINT_URL']}/{MEDIA_BUCKET}/media"
        assert requests.get(f"{store}/{document.file.name}", timeout=60).status_code == 403, "only through the view"

        # An image uploaded through node 1: node 2 makes its rendition from the stored original, and pages link the
        # rendition at the object store by a plain, unsigned address (a cached page must not carry one that expires).
        form = editor.get(f"{node1}/admin/images/add/", timeout=60)
        response = editor.post(
            f"{node1}/admin/images/add/",
            timeout=60,
            data={
                "csrfmiddlewaretoken": csrf_token(form.text),
                "title": "School yard",
                "collection": root_collection.pk,
            },
            files={"file": ("yard.png", png_bytes(), "image/png")},
        )
        assert response.ok
        image = get_image_model().objects.get(title="School yard")
        edit_page = editor.get(f"{node2}/admin/images/{image.pk}/", timeout=60).text
        renditions = re.findall(rf'{store}/images/[^"?]+', edit_page)
        assert renditions, "the image's preview is linked at the object store"
        picture = requests.get(renditions[0], timeout=60)
        assert picture.status_code == 200 and picture.headers["Content-Type"] == "image/png"
        assert requests.get(f"{store}/{image.file.name}", timeout=60).status_code == 403, "originals are not public"

        # A teacher's material sent through node 1's cabinet goes to the private bucket, nothing of it to the
        # public one; through node 2 its author downloads it, a colleague is refused and a visitor must sign in.
        with translation.override("en"):
            new_url, login_url = reverse("cabinet:new"), reverse("account_login")
        teacher_browser = signed_in(author)
        form = teacher_browser.get(f"{node1}{new_url}", timeout=60)
        material = PDF_HEADER + b"the material, private until approved"
        data = {**fields(), "csrfmiddlewaretoken": csrf_token(form.text), "file_kind": "material"}
        response = teacher_browser.post(
            f"{node1}{new_url}",
            data=data,
            timeout=60,
            allow_redirects=False,
            files=[("files", ("plan.pdf", material, "application/pdf"))],
        )
        assert response.status_code == 302, response.text[:500]
        submission_file = SubmissionFile.objects.get(submission__author=author)
        assert f"private/{submission_file.file.name}" in stored_keys(s3, PRIVATE_BUCKET)
        assert not any(key.endswith(submission_file.file.name) for key in stored_keys(s3, MEDIA_BUCKET))
        private_address = f"{environment['AWS_S3_ENDPOINT_URL']}/{PRIVATE_BUCKET}/private/{submission_file.file.name}"
        assert requests.get(private_address, timeout=60).status_code == 403
        with translation.override("en"):
            file_url = reverse("cabinet:file", args=[submission_file.pk])
        download = teacher_browser.get(f"{node2}{file_url}", timeout=60)
        assert download.status_code == 200 and download.content == material
        assert download.headers["Cache-Control"] == "private, no-store"
        assert signed_in(colleague).get(f"{node2}{file_url}", timeout=60).status_code == 403
        visitor = requests.get(f"{node2}{file_url}", timeout=60, allow_redirects=False)
        assert visitor.status_code == 302 and visitor.headers["Location"].startswith(login_url)
        # Such a file has no address of its own, signed or not: only the permission-checked views stream it.
        with pytest.raises(ValueError, match="no public URL"):
            PrivateObjectStorage(bucket_name=PRIVATE_BUCKET).url(submission_file.file.name)
    finally:
        for node in nodes:
            node.send_signal(signal.SIGINT)
            node.wait(timeout=30)
        redis_client.flushdb()
