"""What a private download costs the web worker, per way of sending it (workflows.views.private_file_response).

Sends one 20 MB file through Django's FileResponse (before django-sendfile2) and through each django-sendfile2
backend, and prints the body Django produced, the peak Python memory while producing it, and the time. The
`simple` backend reads the whole file into memory (about twice its size), so it is not used; `development` streams
through django.views.static.serve like FileResponse did; `nginx` (X-Accel-Redirect) leaves the bytes to the proxy.

    DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/private_download_benchmark.py
"""

import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.http import FileResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django_sendfile import sendfile  # noqa: E402
from django_sendfile.utils import _get_sendfile  # noqa: E402

SIZE = 20 * 1024 * 1024  # UPLOADS_MAX_FILE_SIZE's default
BACKENDS = ["simple", "development", "nginx"]


def drain(response):
    return sum(len(chunk) for chunk in (response.streaming_content if response.streaming else [response.content]))


def measure(label, make):
    tracemalloc.start()
    start = time.perf_counter()
    size = drain(make())
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{label:<28} body {size / 1e6:5.1f} MB   peak Python memory {peak / 1e6:5.1f} MB   {elapsed * 1000:5.0f} ms")


def main():
    with tempfile.TemporaryDirectory() as root:
        path = Path(root) / "material.pdf"
        path.write_bytes(os.urandom(SIZE))
        settings.SENDFILE_ROOT = root
        request = RequestFactory().get("/")
        measure("FileResponse", lambda: FileResponse(path.open("rb"), as_attachment=True))
        for backend in BACKENDS:
            settings.SENDFILE_BACKEND = f"django_sendfile.backends.{backend}"
            _get_sendfile.cache_clear()
            measure(f"sendfile2 {backend}", lambda: sendfile(request, str(path), attachment=True))


if __name__ == "__main__":
    main()
