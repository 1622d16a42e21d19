"""X-Forwarded-Proto (and the other proxy headers) are believed only from TRUSTED_PROXIES."""

from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from bdt_site.middleware import TrustedProxyMiddleware
from tests.servers import production_settings

ROOT = Path(__file__).resolve().parent.parent
PROXY = "127.0.0.1"
STRANGER = "203.0.113.9"

production_like = override_settings(
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    SECURE_SSL_REDIRECT=True,
    TRUSTED_PROXIES=[PROXY, "::1"],
    MIDDLEWARE=["bdt_site.middleware.TrustedProxyMiddleware", *settings.MIDDLEWARE],
)


def seen_by_the_view(remote_addr, **headers):
    """What a view behind the middleware sees of a request from `remote_addr` with `headers`."""
    seen = {}

    def view(request):
        seen.update(
            secure=request.is_secure(),
            remote_addr=request.META["REMOTE_ADDR"],
            forwarded_for=request.META.get("HTTP_X_FORWARDED_FOR"),
            forwarded_host=request.META.get("HTTP_X_FORWARDED_HOST"),
        )
        return HttpResponse()

    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)
    TrustedProxyMiddleware(view)(request)
    return seen


PROXY_HEADERS = {
    "HTTP_X_FORWARDED_PROTO": "https",
    "HTTP_X_REAL_IP": "198.51.100.7",
    "HTTP_X_FORWARDED_FOR": "198.51.100.7",
    "HTTP_X_FORWARDED_HOST": "evil.example",
}


@production_like
def test_an_untrusted_client_cannot_claim_https_an_address_or_a_host():
    seen = seen_by_the_view(STRANGER, **PROXY_HEADERS)
    assert seen == {"secure": False, "remote_addr": STRANGER, "forwarded_for": None, "forwarded_host": None}


@production_like
def test_the_trusted_proxy_is_believed():
    seen = seen_by_the_view(PROXY, **PROXY_HEADERS)
    assert seen["secure"] is True
    assert seen["remote_addr"] == "198.51.100.7"
    plain = seen_by_the_view(PROXY, HTTP_X_FORWARDED_PROTO="http")
    assert plain["secure"] is False


@production_like
@pytest.mark.django_db
def test_https_redirect_is_not_skipped_by_a_forged_header(client):
    forged = client.get("/healthz", REMOTE_ADDR=STRANGER, HTTP_X_FORWARDED_PROTO="https")
    assert forged.status_code == 301
    assert forged["Location"] == "https://testserver/healthz"

    proxied = client.get("/healthz", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code != 301


def test_production_puts_the_proxy_middleware_before_django_security_middleware():
    production = production_settings("MIDDLEWARE", "TRUSTED_PROXIES", "SECURE_PROXY_SSL_HEADER")
    middleware, trusted, ssl_header = (
        production["MIDDLEWARE"],
        production["TRUSTED_PROXIES"],
        production["SECURE_PROXY_SSL_HEADER"],
    )
    assert middleware.index("bdt_site.middleware.TrustedProxyMiddleware") < middleware.index(
        "django.middleware.security.SecurityMiddleware"
    )
    assert trusted == ["127.0.0.1", "::1"]  # the default documented in the README
    assert ssl_header == ["HTTP_X_FORWARDED_PROTO", "https"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `TRUSTED_PROXIES`"))
    assert "`127.0.0.1,::1`" in row
