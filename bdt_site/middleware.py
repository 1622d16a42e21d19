"""Production middleware: the admins' Content-Security-Policy, a guard against hostile query strings and a
full-page cache for anonymous visitors (logins and forms are throttled by django-axes and home.ratelimit, see
bdt_site/throttling.py). The other security headers come from Django's SecurityMiddleware, django-csp and
django-permissions-policy (settings in base.py).

Order in settings.MIDDLEWARE (see base.py):
  CSPMiddleware               outermost after Django's SecurityMiddleware, so every response gets the header
  PageCacheMiddleware         after LocaleMiddleware (the language is known) and before Csrf/Auth/Messages,
                              so it sees every cookie they add to the response and a hit skips them all
"""

import hashlib
import re
from pathlib import Path
from urllib.parse import unquote_to_bytes

import csp.middleware
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.cache import cc_delim_re

from bdt_site import content_version

# --- Content-Security-Policy of the admins -----------------------------------------------------------


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware (settings.CONTENT_SECURITY_POLICY), with the whole policy replaced by
    settings.ADMIN_CONTENT_SECURITY_POLICY under settings.ADMIN_URL_PREFIXES: the Wagtail and Django admins
    are third-party views django-csp's per-view decorators cannot reach. get_policy_parts() is the hook
    django-csp 4 documents for this; a view's own @csp decorator still wins."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path.startswith(settings.ADMIN_URL_PREFIXES):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


# --- Client address behind a trusted reverse proxy ------------------------------------------------------


# Headers that only a trusted proxy may set (SECURE_PROXY_SSL_HEADER's is added to them).
PROXY_HEADERS = (
    "HTTP_X_REAL_IP",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_FORWARDED",
)


class TrustedProxyMiddleware:
    """Behind nginx every request comes from 127.0.0.1: take the visitor's address from X-Real-IP, but only
    when the request comes from one of TRUSTED_PROXIES (so rate limits count visitors, not the proxy). From
    any other address the proxy headers are dropped, so no client can pass for HTTPS with X-Forwarded-Proto
    (SECURE_PROXY_SSL_HEADER) nor claim another address or host. First in MIDDLEWARE (production.py), before
    Django's SecurityMiddleware reads the scheme."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = set(getattr(settings, "TRUSTED_PROXIES", []))
        ssl_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        self.proxy_headers = {*PROXY_HEADERS, *([ssl_header[0]] if ssl_header else [])}

    def __call__(self, request):
        meta = request.META
        if meta.get("REMOTE_ADDR") in self.trusted:
            real_ip = meta.get("HTTP_X_REAL_IP", "").strip()
            if real_ip:
                meta["REMOTE_ADDR"] = real_ip[:64]
        else:
            for name in self.proxy_headers:
                meta.pop(name, None)
        return self.get_response(request)


# --- Hostile query strings -------------------------------------------------------------------------------

# Parameters that are integers wherever the site reads them (pagination, the API's limit/offset/ids).
INTEGER_PARAMETERS = {"page", "limit", "offset", "child_of", "descendant_of", "translation_of", "id"}
MAX_INTEGER_DIGITS = 15


class QueryGuardMiddleware:
    """Answers 400 before any view runs when the query string holds NUL bytes or bytes that are not UTF-8, or an
    integer parameter too large for any database column; and turns a search syntax error of the read-only API
    (e.g. an unbalanced quote for SQLite's full-text engine) into a 400 instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "")
        if "%00" in raw or "\x00" in raw or "%00" in request.META.get("PATH_INFO", ""):
            return self._bad_request(request)
        try:
            unquote_to_bytes(raw.replace("+", " ")).decode("utf-8")
        except UnicodeDecodeError:
            return self._bad_request(request)
        for name in INTEGER_PARAMETERS & set(request.GET):
            value = request.GET.get(name, "").strip().lstrip("-")
            if value.isdigit() and len(value) > MAX_INTEGER_DIGITS:
                return self._bad_request(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            request.path.startswith("/api/")
            and "search" in request.GET
            and isinstance(exception, DatabaseError)
        ):
            return JsonResponse({"message": "The search query could not be understood."}, status=400)
        return None

    @staticmethod
    def _bad_request(request):
        if request.path.startswith("/api/"):
            return JsonResponse({"message": "Malformed query string."}, status=400)
        return HttpResponseBadRequest("Bad request", content_type="text/plain; charset=utf-8")


# --- Full-page cache for anonymous visitors -------------------------------------------------------------

CACHEABLE_URL_NAMES = {"wagtail_serve", "search"}
# Response Vary headers the cache key already covers (the language is in the key, only cookie-less
# visitors are served, and responses are never compressed by Django).
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
# Cookies that mean "this visitor may see something personal": a session (editors) or pending messages.
PERSONAL_COOKIES = ("messages",)
BYPASS_HEADER = "HTTP_X_BYPASS_PAGE_CACHE"


class CachedSiteMiddleware:
    """Wagtail finds the Site of every request with a query. The answer for a host and port (with the site's
    root page) is kept until content changes and handed to Wagtail on the request, where
    Site.find_for_request() looks first. After CommonMiddleware, so the host is an allowed one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        def build():
            site = Site.find_for_request(request)
            if site is not None:
                site.root_page  # noqa: B018 - loaded now, so it is cached with the site
            return site

        key = f"site:{content_version.digest(request.get_host(), request.get_port())}"
        try:
            request._wagtail_site = content_version.cached(key, build)
        except Exception:  # noqa: BLE001 - only a shortcut: on failure (database down) Wagtail looks itself
            request.__dict__.pop("_wagtail_site", None)
        return self.get_response(request)


class PageCacheMiddleware:
    """Serves anonymous GET/HEAD requests for Wagtail pages (and search) from the cache.

    Stored only when: status 200, no cookie set, no Cache-Control private/no-store, no Vary beyond
    HARMLESS_VARY, and the request carried no session/messages cookie. Keyed by host, full path and query
    string, and active language. A cache hit adds `X-Page-Cache: hit`, a store `X-Page-Cache: miss`.
    Turned off with PAGE_CACHE_SECONDS = 0 or per request with the header `X-Bypass-Page-Cache: 1` when
    PAGE_CACHE_ALLOW_BYPASS is on (benchmarks); `X-Bypass-Page-Cache: all` also recomputes what listings and
    the search find (content_version.cached_results), as for the first visitor after a publish."""

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request):
        if request.method not in ("GET", "HEAD"):
            return False
        if getattr(settings, "PAGE_CACHE_SECONDS", 600) <= 0:
            return False
        if getattr(settings, "PAGE_CACHE_ALLOW_BYPASS", False) and request.META.get(BYPASS_HEADER):
            return False
        if request.path.startswith(settings.ADMIN_URL_PREFIXES):
            return False
        cookies = request.COOKIES
        return not (
            settings.SESSION_COOKIE_NAME in cookies or any(name in cookies for name in PERSONAL_COOKIES)
        )

    @staticmethod
    def _key(request, version):
        raw = f"{request.get_host()}|{request.get_full_path()}|{translation.get_language()}"
        return f"pagecache:{version}:{hashlib.sha256(raw.encode('utf-8', 'surrogatepass')).hexdigest()}"

    @staticmethod
    def _cacheable_response(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name not in CACHEABLE_URL_NAMES:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
        if not vary <= HARMLESS_VARY:
            return False
        session = getattr(request, "session", None)
        return not (session is not None and session.modified)

    def __call__(self, request):
        if getattr(settings, "PAGE_CACHE_ALLOW_BYPASS", False) and request.META.get(BYPASS_HEADER) == "all":
            with content_version.results_uncached():
                return self.get_response(request)
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request, content_version.current())
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if self._cacheable_response(request, response):
            response["X-Page-Cache"] = "miss"
            cache.set(key, response, getattr(settings, "PAGE_CACHE_SECONDS", 600))
        return response


# --- Image renditions made at publish time --------------------------------------------------------------
# So the first visitor of a freshly published page does not wait for image resizing: every image the page
# refers to (found through Wagtail's reference index) gets the renditions the templates ask for.

_SPEC_TOKEN = re.compile(
    r"^(width|height|fill|max|min|scale|original|format|jpegquality|webpquality|bgcolor)"
)
_IMAGE_TAG = re.compile(r"{%\s*image\s+\S+\s+([^%]*?)%}")
_MAX_IMAGES_PER_PAGE = 30


def template_rendition_specs():
    """Filter specs of the {% image %} tags in the project's templates, e.g. {"width-800", "fill-300x200"}."""
    specs = set()
    base = Path(settings.BASE_DIR)
    for template in base.glob("*/templates/**/*.html"):
        if ".venv" in template.parts:
            continue
        try:
            text = template.read_text(encoding="utf-8")
        except OSError:
            continue
        for arguments in _IMAGE_TAG.findall(text):
            tokens = [t for t in arguments.split() if "=" not in t and _SPEC_TOKEN.match(t) and "{" not in t]
            if tokens:
                specs.add("|".join(tokens))
    return specs


def pregenerate_renditions(sender=None, instance=None, **kwargs):
    if instance is None:
        return
    from django.contrib.contenttypes.models import ContentType
    from wagtail.images import get_image_model
    from wagtail.models import ReferenceIndex

    image_model = get_image_model()
    specs = template_rendition_specs()
    if not specs:
        return
    image_type = ContentType.objects.get_for_model(image_model)
    ids = (
        ReferenceIndex.get_references_for_object(instance)
        .filter(to_content_type=image_type)
        .values_list("to_object_id", flat=True)
        .distinct()[:_MAX_IMAGES_PER_PAGE]
    )
    for image in image_model.objects.filter(pk__in=[int(i) for i in ids if str(i).isdigit()]):
        try:
            image.get_renditions(*specs)
        except Exception:  # noqa: BLE001 - a broken file must never block publishing; the view retries
            continue


def connect_rendition_signals():
    from wagtail.signals import page_published

    page_published.connect(pregenerate_renditions, dispatch_uid="renditions-at-publish")


connect_rendition_signals()
