"""Base settings: safe for production; every deployment-specific value comes from the environment."""

import base64
import hashlib
import re
from datetime import timedelta
from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "bdt_site",
    "home",
    "testimonials",
    "trainings",
    "events",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
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
    "rest_framework",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # Outermost: how long nginx may keep an anonymous page (bdt_site.middleware.EdgeCacheMiddleware).
    "bdt_site.middleware.EdgeCacheMiddleware",
    # A request reads the content version once (bdt_site.content_version).
    "bdt_site.content_version.ContentVersionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "bdt_site.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bdt_site.middleware.QueryGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "bdt_site.middleware.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A full or read-only media disk: the uploader's message instead of a 500 (bdt_site.storage).
    "bdt_site.storage.MediaStorageErrorMiddleware",
    # Last: turns a login that django-axes locked out into the translated 429 page (bdt_site.throttling).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bdt_site.urls"
WSGI_APPLICATION = "bdt_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file by default, anything django-environ understands via DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several writers at once (threads of runserver, workers of gunicorn) without "database is locked": readers
    # never block the writer (WAL); a write transaction takes the lock when it begins (IMMEDIATE), so it
    # waits for its turn instead of failing when it upgrades from reading to writing; and it waits up to
    # SQLITE_TIMEOUT seconds for that turn. WAL does not apply to in-memory test databases (harmless).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", env.int("SQLITE_TIMEOUT", default=20))
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# AxesStandaloneBackend first: it refuses every authenticate() while the user name or address is locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: four languages, each with a URL prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("nl", "Nederlands"),
    ("de", "Deutsch"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in English as Belgium writes them (bdt_site/formats/en): 25 October 2026, 10:00.
FORMAT_MODULE_PATH = ["bdt_site.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# Static and media files
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATIC_URL = "/static/"
# Files served at the site's root: /favicon.ico, which browsers and crawlers ask for without being told.
WHITENOISE_ROOT = BASE_DIR / "bdt_site" / "root_files"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# Let Django serve uploaded media (development and tests); in production the web server does it.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    # FileSystemStorage that never leaves a partial file and says when the disk is full or read-only.
    "default": {"BACKEND": "bdt_site.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Be Digital Together <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EDITORS_EMAIL = env.list("EDITORS_EMAIL", default=["editors@localhost"])

# The task worker (django-tasks with django-tasks-db): the site's e-mails wait in the database, on the
# "background" backend, until `manage.py worker` sends them (`make run` starts it; deploy/bdt-worker.service in
# production); the worker also publishes scheduled pages and updates the search engine's indexes
# (search/tasks.py). Wagtail's own tasks (the database search index and the reference index) stay on "default",
# run at once in the process that saves.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")},
}
# A message that cannot be sent is tried again EMAIL_DELIVERY_ATTEMPTS times in all, after
# EMAIL_RETRY_SECONDS, then twice as long each time (1, 2, 4, 8 minutes by default); then it is recorded as
# failed and editors can resend it from the admin.
EMAIL_DELIVERY_ATTEMPTS = env.int("EMAIL_DELIVERY_ATTEMPTS", default=5)
EMAIL_RETRY_SECONDS = env.float("EMAIL_RETRY_SECONDS", default=60)
# How often the worker looks for pages and snippets due to go live or to expire.
SCHEDULED_PUBLISHING_SECONDS = env.float("SCHEDULED_PUBLISHING_SECONDS", default=60)
# How often the worker checks whether content changed, to prepare the unfiltered listings (home/listing.py).
LISTINGS_PREPARE_SECONDS = env.float("LISTINGS_PREPARE_SECONDS", default=1)

# Search: Wagtail's database backend unless configured otherwise.
# SEARCH_BACKEND: "database" (default), "opensearch2" or "elasticsearch7"; SEARCH_URL for the engines.
SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="database")
SEARCH_URL = env.str("SEARCH_URL", default="http://127.0.0.1:9200")
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="bdt")
# Seconds: to connect to the engine, for it to answer a search (or a publish's index write), and for the bulk
# requests of `update_index`. A failure skips the engine for SEARCH_BREAKER_SECONDS (search/backends/breaker.py);
# meanwhile searches answer from the database, and those answers are kept SEARCH_FALLBACK_CACHE_SECONDS.
SEARCH_CONNECT_TIMEOUT = env.float("SEARCH_CONNECT_TIMEOUT", default=1.0)
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=1.0)
SEARCH_INDEXING_TIMEOUT = env.float("SEARCH_INDEXING_TIMEOUT", default=60.0)
# The task worker updates the engine's indexes (search/tasks.py): a failed update is tried again after
# SEARCH_RETRY_SECONDS, then twice as long each time, SEARCH_INDEXING_ATTEMPTS tries in all.
SEARCH_INDEXING_ATTEMPTS = env.int("SEARCH_INDEXING_ATTEMPTS", default=6)
SEARCH_RETRY_SECONDS = env.float("SEARCH_RETRY_SECONDS", default=30)
SEARCH_BREAKER_SECONDS = env.float("SEARCH_BREAKER_SECONDS", default=30.0)
SEARCH_FALLBACK_CACHE_SECONDS = env.int("SEARCH_FALLBACK_CACHE_SECONDS", default=30)
if SEARCH_BACKEND not in ("database", "opensearch2", "elasticsearch7"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be one of database, opensearch2, elasticsearch7, not {SEARCH_BACKEND!r}."
    )
# "default" is always the database backend (admin search, fallback); engines add one alias per language.
# See search/README.md and search/backend_settings.py.
from search.backend_settings import build_search_backends  # noqa: E402

WAGTAILSEARCH_BACKENDS = build_search_backends(
    SEARCH_BACKEND,
    url=SEARCH_URL,
    index_prefix=SEARCH_INDEX_PREFIX,
    timeout=SEARCH_TIMEOUT,
    connect_timeout=SEARCH_CONNECT_TIMEOUT,
    indexing_timeout=SEARCH_INDEXING_TIMEOUT,
    languages=[code for code, _name in LANGUAGES],
)
# Counted searches are written to the database in batches of this many per worker (search/stats.py).
SEARCH_STATS_FLUSH_HITS = env.int("SEARCH_STATS_FLUSH_HITS", default=50)
# nginx's log of search requests (deploy/nginx.conf), counted by `manage.py count_edge_searches`.
EDGE_SEARCH_LOG = env.str("EDGE_SEARCH_LOG", default="/var/log/bdt/searches.log")

# Wagtail
WAGTAIL_SITE_NAME = "Be Digital Together"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Admin image uploads: verified whole, and over IMAGE_MAX_SIDE pixels a side refused undecoded (home.uploads).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.VerifiedImageForm"
IMAGE_MAX_SIDE = 10_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# "Translate this page" creates the translation as a draft, even of a live page: the new page holds the source's
# untranslated text until a translator publishes it from the translation editor (issue 14).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# The default cache holds the content version and what Django keeps from content (bdt_site.content_version);
# whole pages are kept by nginx only (deploy/nginx.conf). It must be shared by every process that serves the
# site, so that a publish made in one is seen by all: Redis in production (REDIS_URL, required there); here a
# directory of files, shared by every process of this checkout (runserver, gunicorn workers, manage.py
# commands) without any service to run, and costing no SQL query (a database cache would add queries to
# every page). CACHE_URL (django-environ syntax, e.g. filecache:///path or redis://...) puts it elsewhere.
CACHES = {"default": env.cache_url("CACHE_URL", default=f"filecache://{BASE_DIR / 'var' / 'cache'}")}
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": 5000}
# Wagtail's image renditions: in each worker's memory under the content version (a get and a set on Redis
# for every image of every page otherwise; Wagtail writes back what it has just read).
CACHES["renditions"] = {"BACKEND": "bdt_site.content_version.LocalVersionedCache", "TIMEOUT": 3600}
# What listings and the search find (facet counts, ids of result pages), kept until published content
# changes (bdt_site.content_version.cached_results); 0 turns it off.
RESULTS_CACHE_SECONDS = env.int("RESULTS_CACHE_SECONDS", default=3600)

# --- Throttling (bdt_site/throttling.py, home/ratelimit.py) ----------------------------------------------------
# Rate-limit counters have a cache of their own, a database table shared by every worker (also with REDIS_URL: a
# Redis that holds the cached content evicts under memory pressure): no amount of page traffic can push them out. `migrate` creates the table
# (bdt_site/migrations/0001); MAX_ENTRIES is far above what the per-address limits let anyone fill.
CACHES["ratelimit"] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "bdt_ratelimit",
    "OPTIONS": {"MAX_ENTRIES": 1_000_000},
}
RATELIMIT_CACHE = "ratelimit"
# Every login (Wagtail admin, the public login of restricted pages, Django admin): django-axes, counters in the
# database. After LOGIN_MAX_FAILURES failures for one user name, or from one client address, a translated 429
# without checking passwords; failures are forgotten LOGIN_COOLOFF_SECONDS after the last attempt, and a
# successful login forgets that user name's failures from that address. (The former names
# ADMIN_LOGIN_MAX_FAILURES and ADMIN_LOGIN_WINDOW are still read.)
LOGIN_MAX_FAILURES = env.int("LOGIN_MAX_FAILURES", default=env.int("ADMIN_LOGIN_MAX_FAILURES", default=5))
LOGIN_COOLOFF_SECONDS = env.int("LOGIN_COOLOFF_SECONDS", default=env.int("ADMIN_LOGIN_WINDOW", default=900))
AXES_HANDLER = "bdt_site.throttling.AxesHandler"
AXES_FAILURE_LIMIT = LOGIN_MAX_FAILURES
AXES_COOLOFF_TIME = timedelta(seconds=LOGIN_COOLOFF_SECONDS)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "bdt_site.throttling.axes_client_address"
AXES_LOCKOUT_CALLABLE = "bdt_site.throttling.login_locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# Wagtail's form for password-restricted pages: wrong passwords per client address, and per restricted page
# from all addresses together (higher, so that one address cannot lock everybody out).
PAGE_PASSWORD_MAX_FAILURES = env.int("PAGE_PASSWORD_MAX_FAILURES", default=10)
PAGE_PASSWORD_MAX_FAILURES_PER_PAGE = env.int("PAGE_PASSWORD_MAX_FAILURES_PER_PAGE", default=50)
PAGE_PASSWORD_WINDOW = env.int("PAGE_PASSWORD_WINDOW", default=900)
# The admin's password reset: e-mails asked for per client address and per e-mail address and hour.
PASSWORD_RESETS_PER_HOUR = env.int("PASSWORD_RESETS_PER_HOUR", default=5)
# Public "Submit your event" form: POSTs per client address, and per contact e-mail address, and hour.
EVENT_SUBMISSIONS_PER_HOUR = env.int("EVENT_SUBMISSIONS_PER_HOUR", default=5)
# Public contact form (home.ContactPage): POSTs per client address, and per sender's e-mail address, and hour.
CONTACT_MESSAGES_PER_HOUR = env.int("CONTACT_MESSAGES_PER_HOUR", default=5)
# Retention of personal data, in days after it was sent: `manage.py purge_personal_data` (run daily by the task
# worker, home.tasks) deletes older contact messages, expert contact requests and event submissions (with the
# notices sent about them). The privacy notice states these periods: change its text with them.
CONTACT_RETENTION_DAYS = env.int("CONTACT_RETENTION_DAYS", default=365)
EXPERT_CONTACT_RETENTION_DAYS = env.int("EXPERT_CONTACT_RETENTION_DAYS", default=180)
EVENT_SUBMISSION_RETENTION_DAYS = env.int("EVENT_SUBMISSION_RETENTION_DAYS", default=730)
# Expert sign-ups whose address was never confirmed (the link expires after 48 hours), with their e-mails and
# the portrait uploaded with them; a confirmed sign-up stays with her profile until she deletes it.
EXPERT_SIGNUP_UNCONFIRMED_RETENTION_DAYS = env.int("EXPERT_SIGNUP_UNCONFIRMED_RETENTION_DAYS", default=7)

# Security headers that are right everywhere; production.py adds the HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Cross-Origin-Opener-Policy: Django's SecurityMiddleware sends SECURE_CROSS_ORIGIN_OPENER_POLICY
# ("same-origin", its default).


def _inline_style_hashes(template):
    """CSP hashes of the inline <style> of a template served when the site is broken (500.html), so that page
    keeps its looks without allowing any other inline style."""
    try:
        text = template.read_text(encoding="utf-8")
    except OSError:
        return []
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in re.findall(r"<style>(.*?)</style>", text, flags=re.S)
    ]


# Content-Security-Policy (django-csp): no inline script or style on public pages; videos only from
# YouTube-nocookie and Vimeo; never framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", *_inline_style_hashes(PROJECT_DIR / "templates" / "500.html")],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The Wagtail and Django admins rely on inline scripts and styles: under these prefixes the policy is
# replaced by this one (bdt_site.middleware.CSPMiddleware), which still forbids framing by other sites,
# plugins and foreign form targets.
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Permissions-Policy (django-permissions-policy): features the site never uses are off, also for frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
