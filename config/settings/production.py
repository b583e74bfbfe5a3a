"""Production: everything secret or host-specific must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import REDIS_URL, SECRET_KEY, STORAGES, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
# Rate limits and the sign-in lock-out count in the cache: a per-process cache lets each worker count on its own
# (25 requests: 18 accepted, where 10 were allowed). security.checks says the same to `check --deploy`.
if not REDIS_URL:
    raise ImproperlyConfigured("REDIS_URL must be set in the environment for production (shared cache for limits).")

DEBUG = False
# ensure_demo_admin and load_demo refuse to run here unless forced for a throwaway database (demo/guard.py).
DEMO_DATA_ALLOWED = False
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS terminates at the proxy in front of gunicorn.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail marks its own preview views SAMEORIGIN; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"

# Unhandled errors go to Sentry when SENTRY_DSN is set; nothing is sent otherwise.
from security.sentry import init_sentry  # noqa: E402

init_sentry()
