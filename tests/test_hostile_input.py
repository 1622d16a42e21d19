"""Hostile input: XSS, SQL injection, oversized, malformed Unicode and path traversal against every route and
query parameter, and uploads that are not (safe) images. Zero 500s; nothing reflected unescaped.

Data-driven: append new routes to TARGETS (GET query parameters) or FORM_TARGETS (POST fields); every live
page type of the demo content is also attacked through LIVE_PAGE_PARAMS."""

import io
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

# (path, query parameters the route reads)
TARGETS = [
    ("/en/", ["page", "q"]),
    ("/fr/search/", ["q", "page", "type", "backend"]),
    ("/en/search/", ["q", "page", "type", "backend"]),
    ("/de/search/autocomplete/", ["q", "backend"]),
    ("/sitemap.xml", ["p", "page"]),
    ("/robots.txt", ["q"]),
    ("/healthz", ["q"]),
    (
        "/api/v2/pages/",
        [
            "type",
            "locale",
            "limit",
            "offset",
            "order",
            "fields",
            "search",
            "search_operator",
            "child_of",
            "descendant_of",
            "translation_of",
            "title",
            "slug",
            "html_path",
        ],
    ),
    ("/api/v2/pages/3/", ["fields", "type"]),
    ("/api/v2/images/", ["limit", "offset", "order", "fields", "search", "title"]),
]

# (path, form fields) attacked with POSTs, each field filled in turn with every payload
FORM_TARGETS = [
    ("/admin/login/", ["username", "password", "next"]),
]

# Query parameters tried on one live page of every page type found in the database (listings, details,
# routable pages of the other apps included).
LIVE_PAGE_PARAMS = ["page", "q", "type", "category", "region", "audience", "format", "date", "sort", "lang"]

XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "javascript:alert(1)",
    "</title><script>alert(document.cookie)</script>",
    "{{ 7*7 }}{% debug %}",
]
SQL = [
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    "1 UNION SELECT username, password FROM auth_user --",
    "-1",
    "99999999999999999999999999",
    "1e309",
]
OVERSIZED = ["A" * 12_000, "ü" * 10_001, "%" * 10_001]
# Raw, already percent-encoded: lone surrogate, NUL, overlong UTF-8 of "/", invalid continuation bytes.
RAW_ENCODED = ["%ED%A0%80", "%00", "a%00b", "%C0%AF", "%C0%AE%C0%AE%C0%AF", "%FF%FE", "%E2%82"]
TRAVERSAL = [
    "../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "....//....//etc/passwd",
]

PAYLOADS = XSS + SQL + OVERSIZED + TRAVERSAL
MARKERS = ["<script>alert", "<img src=x", "<svg/onload", "</title><script>"]


def _check(response, sent=""):
    assert response.status_code < 500, (response.status_code, response.request.get("PATH_INFO"))
    content_type = response.get("Content-Type", "")
    if "html" in content_type:
        body = response.content.decode("utf-8", "replace")
        for marker in MARKERS:
            if marker in sent:
                assert marker not in body, f"{marker!r} reflected unescaped"


def _get_raw(client, path, raw_query):
    return client.get(f"{path}?{raw_query}")


@pytest.mark.parametrize(("path", "params"), TARGETS, ids=[t[0] for t in TARGETS])
@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p[:24])
def test_query_parameters_survive_hostile_values(client, path, params, payload):
    for param in params:
        _check(client.get(path, {param: payload}), payload)


@pytest.mark.parametrize(("path", "params"), TARGETS, ids=[t[0] for t in TARGETS])
@pytest.mark.parametrize("raw", RAW_ENCODED)
def test_query_parameters_survive_malformed_bytes(client, path, params, raw):
    for param in params:
        _check(_get_raw(client, path, f"{param}={raw}"))
    _check(_get_raw(client, path, f"{raw}={raw}"))


@pytest.mark.parametrize(
    "path",
    [
        "/en/../../etc/passwd",
        "/en/..%2f..%2fetc%2fpasswd",
        "/en/%2e%2e%2f%2e%2e%2fetc%2fpasswd/",
        "/static/../../etc/passwd",
        "/static/..%2f..%2fsettings.py",
        "/media/../../etc/passwd",
        "/media/..%2f..%2fdb.sqlite3",
        "/documents/1/..%2f..%2fetc%2fpasswd",
        "/en/%ED%A0%80/",
        "/en/%00/",
        "/en/a%00b/",
        "/en/%C0%AE%C0%AE%C0%AF/",
        "/en/%FF%FE/",
        "/xx/",
        "/en/" + "a" * 10_000 + "/",
        "/en/" + quote("<script>alert(1)</script>") + "/",
        "/en/" + quote('"><img src=x onerror=alert(1)>') + "/",
        "/api/v2/pages/" + quote("' OR 1=1 --") + "/",
        "/api/v2/pages/99999999999999999999/",
        "/sitemap.xml/../../etc/passwd",
    ],
)
def test_hostile_paths_never_fail_or_leak(client, path):
    response = client.get(path)
    _check(response, path.replace("%3C", "<").replace("%3E", ">"))
    assert b"root:x:0:0" not in response.content
    assert b"SQLite format" not in response.content
    assert b"SECRET_KEY" not in response.content


@pytest.mark.parametrize(("path", "fields"), FORM_TARGETS, ids=[t[0] for t in FORM_TARGETS])
@pytest.mark.parametrize("payload", XSS + SQL + OVERSIZED, ids=lambda p: p[:24])
def test_forms_survive_hostile_values(client, settings, path, fields, payload):
    settings.ADMIN_LOGIN_MAX_FAILURES = 10_000  # this test is about input, not rate limits
    for field in fields:
        data = dict.fromkeys(fields, "x")
        data[field] = payload
        _check(client.post(path, data), payload)


def test_every_live_page_type_survives_hostile_query_parameters(client):
    from wagtail.models import Page

    seen = set()
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        if type(page) in seen:
            continue
        seen.add(type(page))
        url = page.get_url()
        if not url:
            continue
        for payload in XSS[:3] + SQL[:3] + OVERSIZED[:1] + TRAVERSAL[:2]:
            for param in LIVE_PAGE_PARAMS:
                _check(client.get(url, {param: payload}), payload)
        for raw in RAW_ENCODED:
            _check(_get_raw(client, url, "&".join(f"{p}={raw}" for p in LIVE_PAGE_PARAMS)))
    assert len(seen) >= 2, seen


def test_nothing_hostile_is_stored_by_search(client):
    from wagtail.contrib.search_promotions.models import Query

    client.get("/en/search/", {"q": "<script>alert(1)</script>"})
    assert Query.objects.count() >= 0  # stored, if at all, as data: only ever shown escaped
    response = client.get("/en/search/", {"q": "<script>alert(1)</script>"})
    assert "&lt;script&gt;" in response.content.decode()


# --- Uploads --------------------------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("upload-editor", "u@example.org", "pw")
    client.force_login(user)
    return client


def _png(size=(40, 30), mode="RGB"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def _upload(client, name, content, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    model = get_image_model()
    before = model.objects.count()
    response = client.post(
        "/admin/images/add/",
        {"title": "hostile upload", "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )
    assert response.status_code < 500
    return response, model.objects.count() - before


def test_a_real_image_is_accepted(editor_client):
    response, added = _upload(editor_client, "photo.png", _png(), "image/png")
    assert added == 1, response.content[:2000]


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("notes.txt", b"just some text", "text/plain"),
        ("fake.png", b"this is not a PNG at all", "image/png"),
        ("page.png", b"<html><script>alert(1)</script></html>", "image/png"),
        ("script.php.png", b"<?php system($_GET['c']); ?>", "image/png"),
    ],
    ids=["text-file", "fake-png", "html-as-png", "php-as-png"],
)
def test_files_that_are_not_images_are_refused(editor_client, name, content, content_type):
    response, added = _upload(editor_client, name, content, content_type)
    assert added == 0
    assert response.status_code == 200  # the form again, with an error for the editor


def test_svg_with_a_script_is_refused(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>'
    for name in ("drawing.svg", "drawing.png"):
        response, added = _upload(editor_client, name, svg, "image/svg+xml")
        assert added == 0, name


def test_a_decompression_bomb_is_refused(editor_client, settings):
    # 10,000 x 10,000 pixels in a few kilobytes: over WAGTAILIMAGES_MAX_IMAGE_PIXELS (40 million).
    bomb = _png(size=(10_000, 10_000), mode="1")
    assert len(bomb) < 200_000
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 10_000 * 10_000
    response, added = _upload(editor_client, "bomb.png", bomb, "image/png")
    assert added == 0
