"""Tests: the database from DATABASE_URL (PostgreSQL in CI) or SQLite; fast hashing; mail outbox."""

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-key-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WORKFLOWS_PRIVATE_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
SENDFILE_ROOT = str(WORKFLOWS_PRIVATE_ROOT)
WAGTAILADMIN_BASE_URL = "http://testserver"

# A file, not memory, so that a test can hand the test database to a server in another process.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
    # A throw-away database need not survive a power cut: no fsync at each commit (each migration, each request of a
    # live-server test commits; ~20 ms each on CI's disk). Other processes still see every commit at once.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF"  # noqa: F405
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # The same for PostgreSQL, for this connection's transactions only (the server's settings are not touched).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405

# The page cache is off so that the tests of other features measure rendering (their query counts) and see their
# own changes; pagecache/tests/test_pagecache.py turns it on and proves it is never stale.
PAGE_CACHE_SECONDS = 0
# The same for the cached parts of pages (home/fragments.py): home/tests/test_fragments.py turns them on.
FRAGMENT_CACHE_SECONDS = 0
# The tests' cache is per process (above); pagecache's tests run both ways (pagecache/generation.py).
PAGE_CACHE_SHARED_GENERATION = False
