"""Security headers and the anonymous page cache, as a visitor, an editor and an operator see them (login and
form throttling: tests/test_throttling.py)."""

import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

import bdt_site.middleware  # noqa: F401 - connects the page-cache invalidation signals
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


# --- Anonymous page cache -------------------------------------------------------------------------------


@pytest.fixture
def page_cache(settings):
    """The page cache is off in the test settings (so query counts measure real work); on here."""
    settings.PAGE_CACHE_SECONDS = 600


def test_a_second_anonymous_visit_makes_no_sql_query(page_cache, client, django_assert_num_queries):
    first = client.get("/en/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get("/en/")
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_the_cache_keeps_languages_and_query_strings_apart(page_cache, client):
    assert client.get("/en/").status_code == 200
    french = client.get("/fr/")
    assert french.status_code == 200
    assert 'lang="fr"' in french.content.decode()
    assert client.get("/en/?utm=1")["X-Page-Cache"] == "miss"


def test_publishing_a_change_shows_on_the_next_visit(page_cache, client, home_pages):
    home = home_pages["en"]
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    home.title = "Freshly published title"
    home.seo_title = "Freshly published title"
    home.save_revision().publish()
    response = client.get("/en/")
    assert "Freshly published title" in response.content.decode()


def test_a_publish_in_another_worker_reaches_this_workers_cache(page_cache, client, settings, tmp_path):
    """Without Redis each gunicorn worker has its own local-memory cache: the content version file tells
    every worker of a publish made in another one."""
    settings.CONTENT_VERSION_FILE = str(tmp_path / "content-version")
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    other_worker = (
        "import django; django.setup(); from bdt_site import content_version; content_version.bump()"
    )
    env = {**os.environ, "CONTENT_VERSION_FILE": settings.CONTENT_VERSION_FILE}
    subprocess.run([sys.executable, "-c", other_worker], env=env, check=True, timeout=60)
    assert client.get("/en/")["X-Page-Cache"] == "miss"


def test_unpublishing_a_page_removes_it_at_once(page_cache, client, home_pages):
    from wagtail.models import Page

    child = Page.objects.child_of(home_pages["en"]).live().first().specific
    url = child.url
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    child.unpublish()
    assert client.get(url).status_code == 404


def test_logged_in_editors_are_never_served_cached_pages(page_cache, client):
    anonymous = client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    user = get_user_model().objects.create_superuser("cache-editor", "c@example.org", "pw")
    client.force_login(user)
    response = client.get("/en/")
    assert "X-Page-Cache" not in response
    assert b"wagtail-userbar" in response.content
    assert b"wagtail-userbar" not in anonymous.content
    client.logout()


def test_posts_bypass_the_cache(page_cache, client):
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    response = client.post("/en/", {"x": "1"})
    assert "X-Page-Cache" not in response


def test_404_pages_are_not_cached(page_cache, client):
    assert client.get("/en/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")


@override_settings(PAGE_CACHE_ALLOW_BYPASS=True)
def test_benchmarks_can_bypass_the_cache_with_a_header(page_cache, client):
    client.get("/en/")
    assert "X-Page-Cache" not in client.get("/en/", HTTP_X_BYPASS_PAGE_CACHE="1")


@override_settings(PAGE_CACHE_ALLOW_BYPASS=True, RESULTS_CACHE_SECONDS=600)
def test_benchmarks_can_also_bypass_the_cached_results(page_cache, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(bypass, params=(("free", "1"),)):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/en/trainings/", dict(params), HTTP_X_BYPASS_PAGE_CACHE=bypass)
        assert response.status_code == 200 and "X-Page-Cache" not in response
        return len(captured)

    queries("1", params=())  # site, menus and vocabularies cached as on a running server
    cold = queries("1")
    assert queries("1") < cold  # facet counts and ids read back
    assert queries("all") == cold  # computed afresh, as for the first visitor after a publish


def test_the_bypass_header_is_ignored_unless_allowed(page_cache, client):
    client.get("/en/")
    assert client.get("/en/", HTTP_X_BYPASS_PAGE_CACHE="1")["X-Page-Cache"] == "hit"
