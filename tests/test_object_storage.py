"""Where uploads go: the local disk unless a bucket is named, then the object store with public media and private files
apart (the two-node test, tests/test_two_nodes.py, uploads and downloads through moto's S3 server)."""

import json
import subprocess
import sys

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from tests.test_operations import ROOT, clean_env


def storages_under(**environment):
    """config.settings.base's STORAGES and document serving, as a process started with this environment sees them."""
    script = (
        "import json; from config.settings import base; "
        "print(json.dumps({'storages': base.STORAGES, 'documents': base.WAGTAILDOCS_SERVE_METHOD}))"
    )
    environment = {
        key: value
        for key, value in clean_env(**environment).items()
        if not key.startswith("AWS_") or key in environment
    }
    output = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return json.loads(output)


def test_uploads_stay_on_the_local_disk_unless_a_bucket_is_named():
    settings = storages_under()
    assert settings["storages"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert settings["storages"]["private"]["BACKEND"] == "workflows.models.PrivateStorage"
    assert settings["documents"] == "serve_view"


def test_a_named_bucket_sends_public_media_and_private_files_to_separate_places():
    settings = storages_under(AWS_STORAGE_BUCKET_NAME="ls-media", AWS_S3_ENDPOINT_URL="https://s3.example.kz")
    public, private = settings["storages"]["default"], settings["storages"]["private"]
    assert public["BACKEND"] == "uploads.object_storage.PublicMediaStorage"
    assert private["BACKEND"] == "uploads.object_storage.PrivateObjectStorage"
    assert (public["OPTIONS"]["bucket_name"], public["OPTIONS"]["location"]) == ("ls-media", "media")
    assert (private["OPTIONS"]["bucket_name"], private["OPTIONS"]["location"]) == ("ls-media", "private")
    assert public["OPTIONS"]["endpoint_url"] == private["OPTIONS"]["endpoint_url"] == "https://s3.example.kz"
    # Documents are still streamed by Wagtail's view after the privacy check, never linked at the store.
    assert settings["documents"] == "serve_view"

    settings = storages_under(AWS_STORAGE_BUCKET_NAME="ls-media", AWS_PRIVATE_BUCKET_NAME="ls-private")
    assert settings["storages"]["private"]["OPTIONS"]["bucket_name"] == "ls-private"


def test_object_store_classes_never_overwrite_and_never_address_a_private_file():
    pytest.importorskip("storages.backends.s3", reason="django-storages[s3] is not installed")
    from uploads.object_storage import PrivateObjectStorage, PublicMediaStorage, public_read_policy

    public = PublicMediaStorage(bucket_name="ls-media", location="media", custom_domain="media.example.kz")
    assert public.file_overwrite is False and public.querystring_auth is False
    # Unsigned, so that a cached page never carries an address that has expired; no request is made for it.
    assert public.url("images/yard.max-800x600.png") == "https://media.example.kz/media/images/yard.max-800x600.png"
    private = PrivateObjectStorage(bucket_name="ls-private", location="private")
    assert private.file_overwrite is False
    with pytest.raises(ValueError, match="no public URL"):
        private.url("submissions/1/plan.pdf")
    (statement,) = public_read_policy("ls-media")["Statement"]
    assert statement["Resource"] == "arn:aws:s3:::ls-media/media/images/*" and statement["Action"] == "s3:GetObject"


@pytest.mark.parametrize(
    ("address", "shared"),
    [
        ("/media/images/yard.fill-1200x630.png", "http://testserver/media/images/yard.fill-1200x630.png"),
        ("https://media.example.kz/media/images/yard.png", "https://media.example.kz/media/images/yard.png"),
    ],
)
def test_the_shared_image_address_is_absolute_whether_local_or_in_the_store(address, shared):
    template = Template("{% load site_tags %}{% absolute_url address %}")
    assert template.render(Context({"request": RequestFactory().get("/"), "address": address})) == shared
