"""Hostile input: XSS, SQL injection, oversized, malformed Unicode and path traversal against every route and
query parameter, and uploads that are not (safe) images. Zero 500s; nothing reflected unescaped.

Data-driven: append new routes to TARGETS (GET query parameters) or FORM_TARGETS (POST fields); a live page
of every page type (made with the factories) is also attacked through LIVE_PAGE_PARAMS."""

import collections
import errno
import io
import os
import time
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
    settings.AXES_FAILURE_LIMIT = 10_000  # this test is about input, not rate limits
    for field in fields:
        data = dict.fromkeys(fields, "x")
        data[field] = payload
        _check(client.post(path, data), payload)


@pytest.mark.usefixtures("general_pages")
def test_every_live_page_type_survives_hostile_query_parameters(client, content):
    from wagtail.models import Page

    content.one_of_each(["en"])
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
    assert len(seen) >= 10, seen  # home, standard page, four indexes, training, initiative, event, role model


def test_a_hostile_search_is_only_ever_shown_escaped(client):
    payload = "<script>alert(1)</script>"
    client.get("/en/search/", {"q": payload})  # the first time it may be recorded for the editors' report
    html = client.get("/en/search/", {"q": payload}).content.decode()
    assert payload not in html
    assert "&lt;script&gt;" in html


# --- Uploads --------------------------------------------------------------------------------------------


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


# --- Uploads that are not what they claim, absurd dimensions, a disk that refuses (issue 11, point 6) -----


def _image_bytes(fmt, size=(64, 48), mode="RGB"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert(mode).save(buffer, format=fmt)
    return buffer.getvalue()


def _truncated(fmt, mode="RGB"):
    data = _image_bytes(fmt, mode=mode)
    return data[: len(data) // 2]


def _fake_gif():
    import random
    import struct

    # A GIF header (signature, a plausible 40 x 30 screen) followed by garbage.
    return b"GIF89a" + struct.pack("<HHBBB", 40, 30, 0, 0, 0) + random.Random(11).randbytes(600)


def _corrupt_png():
    data = bytearray(_image_bytes("PNG"))
    data[len(data) // 2] ^= 0xFF  # one flipped byte in the image data: its checksum no longer matches
    return bytes(data)


BROKEN_IMAGES = [
    ("truncated.gif", lambda: _truncated("GIF", mode="L"), "image/gif"),
    ("fake.gif", _fake_gif, "image/gif"),
    ("header-only.gif", lambda: _image_bytes("GIF", mode="L")[:13], "image/gif"),
    ("truncated.png", lambda: _truncated("PNG"), "image/png"),
    ("corrupt.png", _corrupt_png, "image/png"),
    ("truncated.jpg", lambda: _truncated("JPEG"), "image/jpeg"),
]
BROKEN_IDS = [name for name, *_ in BROKEN_IMAGES]
DAMAGED = "not a complete, valid image"


@pytest.fixture
def media_root(settings, tmp_path):
    """A media folder of this test's own, to see every file an upload leaves (the temporary ones included)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def _files(root):
    return (
        sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())
        if root.exists()
        else []
    )


def _upload_multiple(client, name, content, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    before = get_image_model().objects.count()
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code < 500
    return response, get_image_model().objects.count() - before


@pytest.mark.parametrize(("name", "make", "content_type"), BROKEN_IMAGES, ids=BROKEN_IDS)
def test_truncated_fake_and_corrupt_images_are_a_form_error(
    editor_client, media_root, name, make, content_type
):
    response, added = _upload(editor_client, name, make(), content_type)
    assert added == 0
    assert response.status_code == 200  # the form again, with the error for the editor
    assert response.context["form"].errors["file"]
    if name != "fake.gif":  # garbage may also read as an absurd size, refused as such
        assert DAMAGED in response.content.decode()
    assert _files(media_root) == []


@pytest.mark.parametrize(("name", "make", "content_type"), BROKEN_IMAGES, ids=BROKEN_IDS)
def test_the_multiple_uploader_refuses_broken_images_too(editor_client, media_root, name, make, content_type):
    response, added = _upload_multiple(editor_client, name, make(), content_type)
    assert added == 0
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert response.json()["error_message"]
    assert _files(media_root) == []


def test_an_image_one_pixel_high_and_39_million_wide_is_refused_without_decoding_it(
    editor_client, media_root, monkeypatch
):
    from PIL import Image, ImageFile

    buffer = io.BytesIO()
    Image.new("1", (39_000_000, 1)).save(buffer, format="PNG")
    assert Image.open(io.BytesIO(buffer.getvalue())).size == (39_000_000, 1)  # under the 40 million pixels

    def no_decoding(self):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    started = time.monotonic()
    for upload in (_upload, _upload_multiple):
        response, added = upload(editor_client, "banner.png", buffer.getvalue(), "image/png")
        assert added == 0
        assert "each side may be at most 10000 pixels" in response.content.decode()
    assert time.monotonic() - started < 10
    assert _files(media_root) == []


def test_the_largest_side_is_a_setting(editor_client, media_root, settings):
    settings.IMAGE_MAX_SIDE = 100
    response, added = _upload(editor_client, "wide.png", _png(size=(101, 10)), "image/png")
    assert added == 0
    assert "101 × 10 pixels" in response.content.decode()
    response, added = _upload(editor_client, "fits.png", _png(size=(100, 10)), "image/png")
    assert added == 1


def _french(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()


@pytest.mark.parametrize(
    ("disk", "message"),
    [
        ("full", "le disque du serveur réservé aux fichiers envoyés est plein"),
        ("read-only", "est en lecture seule"),
    ],
)
def test_a_full_or_read_only_media_disk_is_a_form_error_and_nothing_is_stored(
    editor_client, media_root, monkeypatch, disk, message
):
    import shutil

    _french(get_user_model().objects.get(username="editor"))
    if disk == "full":
        usage = collections.namedtuple("usage", "total used free")
        monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 4096, 4096))
    else:
        real_access = os.access

        def access(path, mode, *args, **kwargs):
            if str(media_root.parent) in str(path) and mode & os.W_OK:
                return False  # what access(2) answers on a read-only mount, even to root
            return real_access(path, mode, *args, **kwargs)

        monkeypatch.setattr(os, "access", access)
    response, added = _upload(editor_client, "photo.png", _png(), "image/png")
    assert added == 0
    assert response.status_code == 200  # the form again, with the error on the file
    assert message in response.content.decode()
    assert _files(media_root) == []


def _failing_os(monkeypatch, media_root, error):
    """The disk refuses: os.open under the media folder raises `error` (read-only disk), or the data written is
    refused when it reaches the disk (a full disk: part of the file is written, then fsync fails)."""
    real_open, real_fsync = os.open, os.fsync

    if error == errno.EROFS:

        def fake_open(path, *args, **kwargs):
            if str(path).startswith(str(media_root)):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", fake_open)
    else:

        def fake_fsync(fd):
            real_fsync(fd)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", fake_fsync)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (errno.ENOSPC, "le disque du serveur réservé aux fichiers envoyés est plein"),
        (errno.EROFS, "est en lecture seule"),
    ],
    ids=["disk-full", "read-only"],
)
def test_a_disk_that_refuses_the_file_gives_a_translated_message_and_leaves_no_partial_file(
    editor_client, media_root, monkeypatch, error, message
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    def post(path, data, **extra):
        # As its own transaction, like a request in production: a refused save marks the enclosing atomic
        # block (here the test's) for rollback.
        with transaction.atomic():
            return editor_client.post(path, data, **extra)

    _french(get_user_model().objects.get(username="editor"))
    media_root.mkdir(parents=True)
    images, documents = get_image_model().objects.count(), get_document_model().objects.count()
    _failing_os(monkeypatch, media_root, error)

    response = post("/admin/images/add/", {"title": "Photo", "file": SimpleUploadedFile("photo.png", _png())})
    assert response.status_code == 303 and response["Location"] == "/admin/images/add/"
    assert message in editor_client.get(response["Location"]).content.decode()

    response = post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("photo.png", _png())},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200 and response.json()["success"] is False
    assert message in response.json()["error_message"]

    response = post(
        "/admin/documents/add/",
        {"title": "Minutes", "file": SimpleUploadedFile("minutes.txt", b"minutes\n" * 1000, "text/plain")},
    )
    assert response.status_code == 303
    assert message in editor_client.get(response["Location"]).content.decode()

    assert get_image_model().objects.count() == images
    assert get_document_model().objects.count() == documents
    assert _files(media_root) == []  # neither a file nor its temporary copy
