"""Security headers, as a visitor, an editor and an operator see them (login and form throttling:
tests/test_throttling.py; the edge cache of anonymous pages: tests/test_cache.py)."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.servers import production_settings

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def _policy(response):
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in response["Content-Security-Policy"].split(";"))
        if part
    }


# --- Headers --------------------------------------------------------------------------------------------


def test_public_pages_forbid_inline_scripts_framing_and_plugins(client):
    response = client.get("/en/")
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"]
    assert not any("unsafe" in source for sources in policy.values() for source in sources)
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]
    assert "https://player.vimeo.com" in policy["frame-src"]


def test_public_pages_send_the_other_security_headers(client):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_pages_have_no_inline_scripts(client):
    html = client.get("/en/").content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag


def test_the_emergency_500_page_keeps_its_inline_style_through_a_hash(client):
    """500.html has its own small <style>: the policy allows exactly that style, nothing else inline."""
    text = (ROOT / "bdt_site" / "templates" / "500.html").read_text(encoding="utf-8")
    style = re.search(r"<style>(.*?)</style>", text, flags=re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in _policy(client.get("/en/"))["style-src"]


def test_the_wagtail_admin_still_loads_for_an_editor(client):
    user = get_user_model().objects.create_superuser("sec-editor", "sec@example.org", "pw")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = _policy(response)
    assert "script-src" not in policy  # the admin's inline scripts are allowed
    assert policy["object-src"] == ["'none'"]
    assert client.get("/admin/pages/").status_code == 200


def test_the_admin_login_page_loads(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="password"' in response.content


def test_production_profile_uses_hsts_and_secure_cookies():
    production = production_settings(
        "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT"
    )
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SESSION_COOKIE_SECURE"] is production["CSRF_COOKIE_SECURE"] is True
    assert production["SECURE_SSL_REDIRECT"] is True
