import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Set the SECRET_KEY environment variable: production refuses to start without it."
    )

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True

# The default cache (the content version and what Django keeps from content, bdt_site.content_version) is Redis,
# shared by every worker and every app server, so a publish made through one is seen by all at once. The
# rate-limit counters stay in their database table (base.py).
REDIS_URL = env.str("REDIS_URL", default="")
if not REDIS_URL:
    raise ImproperlyConfigured(
        "Set the REDIS_URL environment variable (e.g. redis://127.0.0.1:6379/0): production keeps its cache "
        "in Redis, shared by every worker."
    )
CACHES = {
    **CACHES,  # noqa: F405
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
}

LOGGING["root"]["level"] = env.str("LOG_LEVEL", default="INFO")  # noqa: F405

# Cookies: HTTPS only, not readable by scripts, not sent on cross-site POSTs.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Behind nginx (deploy/nginx.conf): the visitor's address comes from X-Real-IP set by these proxies.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
MIDDLEWARE = ["bdt_site.middleware.TrustedProxyMiddleware", *MIDDLEWARE]  # noqa: F405
# nginx keeps anonymous pages for at most a second (bdt_site.middleware.EdgeCacheMiddleware), so every change
# shows through it within that second and nothing is ever purged.

# Documents: always through Wagtail's document view, which checks the privacy of their collection (never from
# /media/, see deploy/nginx.conf). The view hands the file to nginx with X-Accel-Redirect to
# DOCUMENTS_ACCEL_REDIRECT_URL, the `internal` location that nginx maps to MEDIA_ROOT/documents/; set it empty
# when no nginx is in front, and gunicorn streams the file itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
DOCUMENTS_ACCEL_REDIRECT_URL = env.str("DOCUMENTS_ACCEL_REDIRECT_URL", default="/internal-documents/")
if DOCUMENTS_ACCEL_REDIRECT_URL:
    SENDFILE_BACKEND = "bdt_site.accel_redirect"
    SENDFILE_ROOT = os.path.join(MEDIA_ROOT, "documents")  # noqa: F405
    SENDFILE_URL = DOCUMENTS_ACCEL_REDIRECT_URL

# Uploaded media (images and documents): by default on the local disk under MEDIA_ROOT
# (bdt_site.storage.MediaStorage, base.py), which several app servers must then share (one network file system
# mounted on each). MEDIA_STORAGE names another Django storage backend instead, with its options as a JSON object
# in MEDIA_STORAGE_OPTIONS: e.g. an S3-compatible object store through django-storages (`pip install
# "django-storages[s3]"`; MEDIA_STORAGE=storages.backends.s3.S3Storage, MEDIA_STORAGE_OPTIONS={"bucket_name": ...,
# "endpoint_url": ...}; boto3 reads the credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY). Such files
# have no local path, so Wagtail's document view, which still checks the privacy of their collection, streams
# them itself instead of handing them to nginx. Static files stay collected on each app server (STATIC_ROOT).
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="")
if MEDIA_STORAGE:
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {"BACKEND": MEDIA_STORAGE, "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={})},
    }
