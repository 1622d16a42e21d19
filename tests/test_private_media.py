"""Private documents stay private, and the images API shows only what public pages show (issue 11, point 3).

The document tests run the shipped deploy/nginx.conf in a real nginx (scripts/nginx.sh: only ports, paths and
TLS substituted; nginx-light installed when missing) in front of a real gunicorn with the production settings,
on a copy of the test database: nginx refuses every document under /media/, Wagtail's document view refuses a
private one to whoever may not see it, and hands it to an allowed user through nginx (X-Accel-Redirect)."""

import datetime
import io
import json
import re
import subprocess
import sys
from urllib.parse import quote

import pytest

from tests.servers import (
    GUNICORN,
    ROOT,
    copy_test_database,
    free_port,
    nginx_in_front,
    production_environ,
    redis_server,
    run_in_site,
    running_server,
)
from tests.servers import http_request as _http
from tests.servers import set_cookies as _cookies

# Under pytest-xdist (`--dist loadgroup`, scripts/test.sh) with the other tests of production-profile servers,
# on one worker (they share the Redis server, which tests.servers.redis_server() empties).
pytestmark = pytest.mark.xdist_group("servers")

# What the site's documents are: (key, title, file name, collection, content)
DOCUMENTS = [
    ("partners", "Partner plan", "partner-plan.txt", "partners", b"partners only: the 2026 partner plan\n"),
    ("board", "Board minutes", "board-minutes.txt", "board", b"board only: minutes of the March meeting\n"),
    ("public", "Programme", "programme-\u00e9t\u00e9.txt", "root", b"everyone: the summer programme\n"),
]
BOARD_PASSWORD = "board-secret-2026"

# Run in the site's environment (production settings, its own database and media): the collections and their
# restrictions, the documents, an allowed user and an outsider with a session each. Prints JSON.
SETUP_SCRIPT = r"""
import json, sys
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

spec = json.loads(sys.argv[1])
root = Collection.get_first_root_node()
collections = {"root": root, "partners": root.add_child(name="Partners only"), "board": root.add_child(name="Board")}
partners = Group.objects.create(name="Partners (documents)")
restriction = CollectionViewRestriction.objects.create(
    collection=collections["partners"], restriction_type=CollectionViewRestriction.GROUPS
)
restriction.groups.add(partners)
CollectionViewRestriction.objects.create(
    collection=collections["board"], restriction_type=CollectionViewRestriction.PASSWORD, password=spec["password"]
)
documents = {}
for key, title, name, collection, content in spec["documents"]:
    document = get_document_model()(title=title, collection=collections[collection])
    document.file.save(name, ContentFile(content.encode("latin-1")), save=False)
    document.save()
    documents[key] = {"url": document.url, "file": document.file.name}
sessions = {}
User = get_user_model()
for username, groups in (("partner", [partners]), ("outsider", [])):
    user = User.objects.create_user(username, f"{username}@example.org", "not-used-sessions-are-forced")
    user.groups.set(groups)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    sessions[username] = client.cookies["sessionid"].value
print(json.dumps({"documents": documents, "sessions": sessions}))
"""


@pytest.fixture(scope="module")
def nginx_site(django_db_setup, django_db_blocker, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx-site")
    media, database = tmp / "media", tmp / "site.sqlite3"
    with redis_server(tmp / "redis") as redis_url:
        env = production_environ(tmp, database=database, redis_url=redis_url)
        # The session's test database; a fresh migrated SQLite file when the suite runs on
        # PostgreSQL.
        if not copy_test_database(database, django_db_blocker):
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
            )
        spec = {
            "password": BOARD_PASSWORD,
            "documents": [(k, t, n, c, content.decode("latin-1")) for k, t, n, c, content in DOCUMENTS],
        }
        data = run_in_site(env, SETUP_SCRIPT, json.dumps(spec))
        (media / "images").mkdir(parents=True, exist_ok=True)
        (media / "images" / "visible.png").write_bytes(
            b"\x89PNG\r\n\x1a\n not really, but nginx does not care"
        )

        gunicorn_port = free_port()
        gunicorn_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{gunicorn_port}", "WEB_CONCURRENCY": "2"}
        with (
            running_server(GUNICORN, port=gunicorn_port, env=gunicorn_env, log_path=tmp / "gunicorn.log"),
            nginx_in_front(
                tmp / "nginx", upstream_port=gunicorn_port, media=media, static=tmp / "static"
            ) as nginx,
        ):
            yield {
                "port": nginx["port"],
                "gunicorn_port": gunicorn_port,
                "media": media,
                "documents": data["documents"],
                "sessions": data["sessions"],
            }


def _content(key):
    return next(content for k, *_, content in DOCUMENTS if k == key)


def _media_url(site, key):
    return "/media/" + quote(site["documents"][key]["file"])


@pytest.mark.nginx
def test_nginx_never_hands_out_a_document_from_media(nginx_site):
    site = nginx_site
    for key in ("partners", "board", "public"):
        file_name = site["documents"][key]["file"]
        assert (site["media"] / file_name).read_bytes() == _content(key)  # on disk, under its original name
        name = quote(file_name.split("/", 1)[1])
        for path in (
            _media_url(site, key),
            f"/media//documents/{name}",
            f"/media/%64ocuments/{name}",
            f"/media/./documents/{name}",
            f"/media/images/../documents/{name}",
            f"/internal-documents/{name}",  # the X-Accel-Redirect target is internal only
        ):
            status, _, body = _http(site["port"], path)
            assert status in (403, 404), (path, status)
            assert _content(key) not in body, path
    # Images stay files served by nginx.
    status, _, body = _http(site["port"], "/media/images/visible.png")
    assert status == 200 and body.startswith(b"\x89PNG")


@pytest.mark.nginx
def test_the_document_view_refuses_a_private_document_to_an_anonymous_visitor(nginx_site):
    site = nginx_site
    status, headers, body = _http(site["port"], site["documents"]["partners"]["url"])
    assert status == 302
    assert "next=" in headers["Location"] and "/documents/" in headers["Location"]
    assert _content("partners") not in body

    status, _, body = _http(site["port"], site["documents"]["board"]["url"])
    assert status == 200
    assert b'name="password"' in body  # Wagtail's password form for the collection
    assert _content("board") not in body


@pytest.mark.nginx
def test_an_allowed_user_gets_the_private_document_through_nginx(nginx_site):
    site = nginx_site
    url = site["documents"]["partners"]["url"]
    partner = {"sessionid": site["sessions"]["partner"]}

    # gunicorn only checks the restriction and names the file for nginx ...
    status, headers, body = _http(site["gunicorn_port"], url, cookies=partner)
    assert status == 200
    assert headers["X-Accel-Redirect"] == "/internal-documents/partner-plan.txt"
    assert body == b""

    # ... and nginx sends it, with Wagtail's headers and its own for the internal location.
    status, headers, body = _http(site["port"], url, cookies=partner)
    assert status == 200, body[:500]
    assert body == _content("partners")
    assert "X-Accel-Redirect" not in headers
    assert headers["Content-Type"].startswith("text/plain")
    assert headers["Content-Disposition"].startswith("attachment")
    assert "partner-plan.txt" in headers["Content-Disposition"]
    assert headers["Content-Security-Policy"] == "default-src 'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "private" in headers["Cache-Control"]
    assert "Content-Encoding" not in headers

    # A signed-in user outside the collection's group is sent to the login, like an anonymous visitor.
    status, _, body = _http(site["port"], url, cookies={"sessionid": site["sessions"]["outsider"]})
    assert status == 302
    assert _content("partners") not in body


@pytest.mark.nginx
def test_the_collection_password_opens_the_document_through_nginx(nginx_site):
    site = nginx_site
    url = site["documents"]["board"]["url"]
    status, headers, body = _http(site["port"], url)
    assert status == 200
    cookies = _cookies(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    action = re.search(rb'<form action="([^"]+)"', body).group(1).decode()

    status, headers, _ = _http(
        site["port"],
        action,
        method="POST",
        cookies=cookies,
        form={"csrfmiddlewaretoken": token, "password": "wrong", "return_url": url},
    )
    assert status == 200  # the form again

    status, headers, _ = _http(
        site["port"],
        action,
        method="POST",
        cookies=cookies,
        form={"csrfmiddlewaretoken": token, "password": BOARD_PASSWORD, "return_url": url},
    )
    assert status == 302 and headers["Location"] == url
    cookies.update(_cookies(headers))
    status, _, body = _http(site["port"], url, cookies=cookies)
    assert status == 200
    assert body == _content("board")


@pytest.mark.nginx
def test_a_public_document_is_still_served_through_nginx(nginx_site):
    site = nginx_site
    url = site["documents"]["public"]["url"]
    assert url == "/documents/" + url.split("/")[2] + "/programme-%C3%A9t%C3%A9.txt"
    status, headers, body = _http(site["port"], url)
    assert status == 200
    assert body == _content("public")
    assert "filename*=UTF-8''programme-%C3%A9t%C3%A9.txt" in headers["Content-Disposition"]
    # Never kept by the proxy cache: a restriction added later applies at once.
    assert "X-Proxy-Cache" not in headers


# --- The images API -------------------------------------------------------------------------------------


def _image(title):
    from django.core.files.images import ImageFile
    from PIL import Image
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 30, 90)).save(buffer, format="PNG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name=f"{title.replace(' ', '-')}.png"))
    image.save()
    return image


@pytest.fixture
def api_images(db):
    from wagtail.models import PageViewRestriction

    from testimonials.factories import TestimonialPageFactory
    from testimonials.models import TestimonialIndexPage

    index = TestimonialIndexPage.objects.get(locale__language_code="en")
    images = {name: _image(f"api-visibility {name}") for name in ("public", "draft", "protected", "unused")}
    TestimonialPageFactory(parent=index, portrait=images["public"], portrait_alt_text="Her portrait")
    # A role model who has not given her consent yet: saved as a draft, never published.
    TestimonialPageFactory(
        parent=index,
        portrait=images["draft"],
        portrait_alt_text="Her portrait",
        live=False,
        consent_date=None,
    )
    protected = TestimonialPageFactory(
        parent=index, portrait=images["protected"], portrait_alt_text="Portrait"
    )
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="partners"
    )
    return images


def _listed_ids(client, **params):
    response = client.get("/api/v2/images/", {"limit": 50, **params})
    assert response.status_code == 200, response.content[:500]
    return {item["id"] for item in response.json()["items"]}


def test_images_api_lists_only_images_shown_on_public_pages(client, api_images):
    images = api_images
    for name, image in images.items():
        listed = _listed_ids(client, title=image.title)
        # follow: LocaleMiddleware sends a 404 outside the language prefixes to /en/... first (as for pages).
        detail = client.get(f"/api/v2/images/{image.pk}/", follow=True)
        if name == "public":
            assert listed == {image.pk}
            assert detail.status_code == 200 and detail.json()["title"] == image.title
        else:
            assert listed == set(), name
            assert detail.status_code == 404, name
            assert image.title not in detail.content.decode(), name
    # The search narrows the same public set: it never brings back an image that the listing hides.
    hidden = {image.pk for name, image in images.items() if name != "public"}
    assert not _listed_ids(client, search="api-visibility") & hidden
    assert not _listed_ids(client, search="portrait") & hidden
    everything = client.get("/api/v2/images/", {"limit": 1}).json()["meta"]["total_count"]
    assert everything >= 1


def test_images_api_shows_an_image_once_its_page_is_public_and_hides_it_when_it_is_not(client, api_images):
    from wagtail.models import Page, PageViewRestriction

    from testimonials.models import TestimonialPage

    draft_image, protected_image = api_images["draft"], api_images["protected"]
    protected_page = TestimonialPage.objects.get(portrait=protected_image)
    PageViewRestriction.objects.filter(page=protected_page).delete()
    assert client.get(f"/api/v2/images/{protected_image.pk}/", follow=True).status_code == 200

    draft_page = TestimonialPage.objects.get(portrait=draft_image)
    draft_page.consent_date = datetime.date(2026, 1, 15)
    draft_page.save_revision().publish()
    assert client.get(f"/api/v2/images/{draft_image.pk}/", follow=True).status_code == 200

    Page.objects.get(pk=draft_page.pk).specific.unpublish()
    assert client.get(f"/api/v2/images/{draft_image.pk}/", follow=True).status_code == 404
