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

if env.str("REDIS_URL", default=""):
    CACHES = {  # the rate-limit counters stay in their database table (base.py)
        **CACHES,  # noqa: F405
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")},
    }
    CONTENT_VERSION_FILE = env.str("CONTENT_VERSION_FILE", default="")  # Redis is shared by every worker

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
# Redis cache: needs the `redis` Python package (pip install redis) next to REDIS_URL.

# nginx proxy cache in front (deploy/nginx.conf): Wagtail purges a page's URLs when it is published,
# unpublished or moved. FRONTEND_CACHE_PURGE_URL is nginx's address as gunicorn sees it,
# e.g. http://127.0.0.1:8080; the Host header of each purge is the page's site.
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
        }
    }

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
