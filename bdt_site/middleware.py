"""Production middleware: the admins' Content-Security-Policy, a guard against hostile query strings, the
lifetime of anonymous pages at the edge and the cached Site of a host (logins and forms are throttled by
django-axes and home.ratelimit, see bdt_site/throttling.py). The other security headers come from Django's
SecurityMiddleware, django-csp and django-permissions-policy (settings in base.py).

Order in settings.MIDDLEWARE (see base.py):
  EdgeCacheMiddleware         outermost (after TrustedProxyMiddleware in production), so it sees the final
                              response with every cookie and Cache-Control header the others added
  CSPMiddleware               outermost after Django's SecurityMiddleware, so every response gets the header
"""

import re
import time
from pathlib import Path
from urllib.parse import unquote_to_bytes

import csp.middleware
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponseBadRequest, JsonResponse

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
    # this search is counted from nginx's log (search.views.counted_at_edge)
    "HTTP_X_EDGE_COUNTS_SEARCHES",
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


# --- Lifetime of anonymous pages at the edge ------------------------------------------------------------

# Cookies that mean "this visitor may see something personal": a session (editors) or pending messages.
PERSONAL_COOKIES = ("messages",)


class EdgeCacheMiddleware:
    """nginx (deploy/nginx.conf) keeps anonymous pages for a second. Its own `proxy_cache_valid 1s` counts in
    whole seconds from the second the page is stored, so a page could live almost 2 s; this middleware
    tells it the exact end instead, `X-Accel-Expires: @<the current Unix second>` (nginx serves an entry
    while its clock, in whole seconds, has not passed that value): a page is kept at most until the end of
    the second it was made in, so every change is visible through nginx less than a second later. nginx
    hides the header from visitors.

    Only on what nginx would store anyway, since X-Accel-Expires outranks Cache-Control there: GET or HEAD,
    status 200, no cookie set, no Cache-Control or Expires of the view's own (private pages, the search's
    fallback answers, /healthz keep theirs), and a request without a session or messages cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not response.has_header("Expires")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        ):
            response["X-Accel-Expires"] = f"@{int(time.time())}"
        return response


class CachedSiteMiddleware:
    """Wagtail finds the Site of every request with a query, and the root paths of all sites in its own cache
    entry. Both are kept until content changes and handed to Wagtail on the request, where
    Site.find_for_request() and page URLs look first. After CommonMiddleware, so the host is an allowed one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        def build():
            site = Site.find_for_request(request)
            if site is not None:
                # Loaded now as its specific page (the home page), so it is cached with the site: Wagtail routes
                # every request from `site.root_page.localized.specific` (HomePage.localized is cached too).
                site.root_page = site.root_page.specific
            return site

        key = f"site:{content_version.digest(request.get_host(), request.get_port())}"
        try:
            request._wagtail_site = content_version.cached(key, build)
            # The root paths of every site, which Wagtail needs for each page URL it makes with the request:
            # kept with the content too, instead of a read of Wagtail's own cache entry on every request.
            request._wagtail_cached_site_root_paths = content_version.cached(
                "site-root-paths", Site.get_site_root_paths
            )
        except Exception:  # noqa: BLE001 - only a shortcut: on failure (database down) Wagtail looks itself
            request.__dict__.pop("_wagtail_site", None)
            request.__dict__.pop("_wagtail_cached_site_root_paths", None)
        return self.get_response(request)


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
