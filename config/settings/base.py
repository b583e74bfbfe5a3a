"""Settings shared by every environment; values that differ come from the environment (12-factor)."""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# The site-wide layer that is not an importable package (the name `site` belongs to Python's
# standard library): project templates, translation catalogues, deployment configuration.
SITE_DIR = BASE_DIR / "site"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "network",
    "workflows",
    "uploads",
    "cabinet",
    "search",
    "follow",
    "accounts",
    "attendance",
    "monitoring",
    "editors",
    "security",
    "visitors",
    # The demo network and the quick start's accounts: load_demo, ensure_demo_admin (demo/README section in README.md)
    "demo",
    "axes",
    "csp",
    "pagecache",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "viewflow.workflow",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # After CSPMiddleware in this list, so it hands its response to CSPMiddleware: the admin's own policy.
    "security.middleware.AdminContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Right after the static files: a cached page passes through the same middleware as a static file (the security
    # headers above) and no other; its response as the middleware below leave it is what is stored
    # (pagecache/middleware.py).
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known (its 400 page is translated), before any view reads the input.
    "security.middleware.RejectMalformedInputMiddleware",
    "home.middleware.UntranslatedPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "home.middleware.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The Site of a page request from the shared cache (home/fragments.py) rather than one query per page.
    "home.middleware.CachedSiteMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its lock-out page.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp 4): scripts only from this site or with the response's nonce
# (`{{ request.csp_nonce }}`), nothing embeddable from elsewhere but video players; the Wagtail admin gets the
# additions it needs (security/middleware.py).
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "https:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Powerful browser features the site never uses are switched off for it and for anything it embeds.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "bluetooth": [],
    "midi": [],
    "magnetometer": [],
    "gyroscope": [],
    "accelerometer": [],
    "browsing-topics": [],
    "fullscreen": ["self", "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
}

# django-axes first: every sign-in through Django's authenticate() (the Wagtail admin, the Django admin, and any
# site sign-in form such as django-allauth's) is refused while the account or the client address is locked out.
# django-axes first, so that every sign-in (the admin's and allauth's) is counted and a locked one refused.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_context",
            ],
        },
    },
]

# An SQLite file is the embedded default for the quick start; production and CI set DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The quick start's threaded server (and the browser tests' live server) writes from several threads at once:
    # Wagtail's autosave beside the editor's own "submit" gave "database is locked" (a 500). Write transactions take
    # their lock when they begin, and a busy database is waited for instead of refused.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.redis_cache.RedisCache",  # Django's, one client per pool
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "leadingschools",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors (pagecache/): valid until the content generation changes; the timeout bounds
# only how long an unused page lingers and how long a listing may show an ended event as upcoming. 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Parts of pages for every visitor, signed in or not (home/fragments.py: cards, listings, the language switcher),
# valid until the content generation changes (as the page cache); the timeout bounds how long an unused part
# lingers. 0 turns them off.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "600"))
# The content generation the cached pages are checked against lives in the shared cache (one round trip a hit, no
# SQL query) when every process shares it (Redis), else in the database (pagecache/generation.py).
PAGE_CACHE_SHARED_GENERATION = env_bool("PAGE_CACHE_SHARED_GENERATION", bool(REDIS_URL))
# A cache in front of the web nodes (Varnish in site/deploy/compose.yaml, or a CDN): Wagtail purges a published
# page, its ancestors and the network listings there (pagecache/frontend.py); other pages it may keep this long.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
PAGE_CACHE_FRONT_SECONDS = int(os.environ.get("PAGE_CACHE_FRONT_SECONDS", "60")) if FRONTEND_CACHE_URL else 0
if FRONTEND_CACHE_URL:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.redirects"), "wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "front": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_URL},
    }

# Background work (Wagtail's own tasks, notifications, digests). Immediate unless a deployment
# asks for the database queue, which `manage.py db_worker` drains.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kazakh is the default; every public URL carries its language prefix.
LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The project's own messages, then the Wagtail admin's most visible ones in Kazakh: Wagtail ships no kk catalogue,
# so a kk editor saw "Reports", "Help", "Save draft" in English (site/locale_admin/README.md).
# site/locale_allauth/kk: django-allauth ships ru but no kk; the messages of allauth a teacher sees
# (accounts/README.md).
LOCALE_PATHS = [SITE_DIR / "locale", SITE_DIR / "locale_admin", SITE_DIR / "locale_allauth"]
# Django has no Kazakh formats module; ours gives day-first dates.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
# Kazakhstan has one time zone, UTC+5, since 2024-03-01 (current tzdata).
TIME_ZONE = "Asia/Almaty"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Submissions' materials and supporting documents: never under MEDIA_ROOT, never served by a file server;
# only the permission-checked views of the review workflow read them.
WORKFLOWS_PRIVATE_ROOT = Path(os.environ.get("WORKFLOWS_PRIVATE_ROOT", BASE_DIR / "private-media"))
# Who sends a private file's bytes once the view has checked the requester (django-sendfile2,
# workflows.views.private_file_response): Django itself by default, streaming through django.views.static.serve
# (the "development" backend; "simple" would read the whole file into memory: bench/private_download_benchmark.py);
# in the compose topology the proxy in front (SENDFILE_BACKEND=django_sendfile.backends.nginx: an empty response
# with X-Accel-Redirect: /private-media/<path>, which site/deploy/Caddyfile answers from the same volume).
SENDFILE_BACKEND = os.environ.get("SENDFILE_BACKEND", "django_sendfile.backends.development")
SENDFILE_ROOT = os.path.abspath(WORKFLOWS_PRIVATE_ROOT)
SENDFILE_URL = "/private-media"
# Without a separate file server in front (the compose topology), Django serves uploaded media itself.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
# Proxies in front of gunicorn (1 in site/deploy/compose.yaml): every rate limit and the sign-in lock-out read the
# client address behind exactly this many (security/client.py). FOLLOW_PROXY_COUNT is its former name.
CLIENT_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", os.environ.get("FOLLOW_PROXY_COUNT", "0")))
# Optionally, the addresses of the proxies listed in X-Forwarded-For (not the last one, which is the peer).
CLIENT_TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# Sign-in lock-out (django-axes): its state in the database (AccessAttempt rows, which administrators see and
# delete in /django-admin/axes/, or `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`).
# An account is locked after AXES_FAILURE_LIMIT failures whatever the address, and an address after as many
# failures whatever the account, for AXES_COOLOFF_TIME.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "security.client.client_address"
# The public sign-in names the account by e-mail (allauth's `login`): counted per account as the admin's username is.
AXES_USERNAME_CALLABLE = "security.views.signin_account"
AXES_LOCKOUT_CALLABLE = "security.views.lockout"
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# AGPL-3.0 section 13: visitors of the site are offered its source.
SOURCE_CODE_URL = os.environ.get("SOURCE_CODE_URL", "")
STORAGES: dict[str, dict[str, Any]] = {  # a backend's OPTIONS are a dict of their own
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Submissions' files (workflows.models.private_storage): never served by a file server or given a URL.
    "private": {"BACKEND": "workflows.models.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads go to an S3-compatible object store, shared by every web node, when a bucket is named; the local disk
# (MEDIA_ROOT, WORKFLOWS_PRIVATE_ROOT) otherwise. Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by
# boto3 from the environment. See uploads/object_storage.py and README's deployment section.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _object_store = {
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
    }
    STORAGES["default"] = {
        "BACKEND": "uploads.object_storage.PublicMediaStorage",
        "OPTIONS": {
            **_object_store,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "location": os.environ.get("AWS_MEDIA_PREFIX", "media"),
            # The address pages link images with (a CDN, or the bucket's public host); the endpoint's otherwise.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "uploads.object_storage.PrivateObjectStorage",
        "OPTIONS": {
            **_object_store,
            "bucket_name": os.environ.get("AWS_PRIVATE_BUCKET_NAME") or AWS_STORAGE_BUCKET_NAME,
            "location": os.environ.get("AWS_PRIVATE_PREFIX", "private"),
        },
    }
# Documents are streamed by Wagtail's view after their collection's privacy check, from the disk or the object
# store alike: a document's file never needs a public address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# What every upload field of the site accepts (uploads/limits.py): bytes per file, bytes per submission (all its
# files), a file name's length in UTF-8 bytes (longer names are shortened), and the types accepted, recognised by
# their content. A proxy in front should refuse bodies larger than UPLOADS_MAX_TOTAL_SIZE too.
UPLOADS_MAX_FILE_SIZE = int(os.environ.get("UPLOADS_MAX_FILE_SIZE", 20 * 1024 * 1024))
UPLOADS_MAX_TOTAL_SIZE = int(os.environ.get("UPLOADS_MAX_TOTAL_SIZE", 100 * 1024 * 1024))
UPLOADS_MAX_NAME_BYTES = int(os.environ.get("UPLOADS_MAX_NAME_BYTES", 150))
UPLOADS_ALLOWED_TYPES = env_list("UPLOADS_ALLOWED_TYPES", "pdf,doc,docx,odt,rtf,xls,xlsx,ods,ppt,pptx,odp,jpg,png,mp4")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@leading-schools.kz")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Structured logs on stdout: one JSON object a line, for the container's log collector.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get("LOG_FORMAT", "json"),
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

WAGTAIL_SITE_NAME = _("Leading Schools network")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The public site's address: the Wagtail Site's host and port (load_demo sets them), hence the sitemap's addresses.
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents and images obey the upload limits (uploads/limits.py) through these forms: size, type by content, name.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "uploads.wagtail_forms.CheckedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "uploads.wagtail_forms.CheckedImageForm"
# Documents' extensions are checked by that form (not by WAGTAILDOCS_EXTENSIONS: see uploads/wagtail_forms.py);
# images' extensions by Wagtail before the content is read: the same types, under the names people give them.
UPLOADS_IMAGE_TYPES = env_list("UPLOADS_IMAGE_TYPES", "jpg,png,gif,webp")
WAGTAILIMAGES_EXTENSIONS = [*UPLOADS_IMAGE_TYPES, *(["jpeg"] if "jpg" in UPLOADS_IMAGE_TYPES else [])]
# Wagtail's own size limits stand behind ours (the forms above switch them off to give one message, ours).
WAGTAILDOCS_MAX_UPLOAD_SIZE = UPLOADS_MAX_FILE_SIZE
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOADS_MAX_FILE_SIZE
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: editors' e-mail hashes are not sent to a third party (and the CSP allows no such images over http).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English"), ("kk", "Қазақша")]
WAGTAIL_MODERATION_ENABLED = True

# Teachers' accounts (django-allauth): e-mail is the login, verified before the first sign-in.
LOGIN_URL = "account_login"
# After signing in, a teacher lands in their cabinet.
LOGIN_REDIRECT_URL = "cabinet:home"
# A new teacher, once their address is verified, fills in their profile and then finds their school.
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:profile"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_USER_DISPLAY = "accounts.names.user_display"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# The same answer whether an address is registered or not (sign-up and password reset).
ACCOUNT_PREVENT_ENUMERATION = True
# A field that people never see and bots fill in: such a sign-up is silently dropped.
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ALLAUTH_TRUSTED_PROXY_COUNT = CLIENT_PROXY_COUNT
# Per client address (and per e-mail address where allauth keys on it), counted in the shared cache.
ACCOUNT_RATE_LIMITS = {
    "signup": os.environ.get("ACCOUNT_RATE_LIMIT_SIGNUP", "10/h/ip"),
    "login": os.environ.get("ACCOUNT_RATE_LIMIT_LOGIN", "30/m/ip"),
    "login_failed": os.environ.get("ACCOUNT_RATE_LIMIT_LOGIN_FAILED", "10/m/ip,5/5m/key"),
    "reset_password": os.environ.get("ACCOUNT_RATE_LIMIT_RESET", "20/h/ip,5/h/key"),
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# A new translation starts as a draft even when its source is live: it is published through the school's
# moderation like any page (editors/translation.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
