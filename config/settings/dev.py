"""The quick start: DEBUG on, SQLite unless DATABASE_URL says otherwise, mail to the console."""

import os

os.environ.setdefault("LOG_FORMAT", "plain")

from .base import *  # noqa: E402,F401,F403
from .base import LOGGING, env_bool  # noqa: E402

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ["*"]
LOGGING["handlers"]["stdout"]["formatter"] = os.environ["LOG_FORMAT"]
SERVE_MEDIA = True
# The demo load publishes hundreds of pages; keep the console for what matters.
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}
