"""The one cache design (README, "Caching"): nginx keeps anonymous pages for at most a second, and Django keeps
only data derived from content under a content version shared by every process (Redis in production). That
every search is counted, also those nginx answers from its cache, is tests/test_search_counting.py.

The edge tests run the production settings in gunicorn (two workers) on a real Redis, behind the shipped
deploy/nginx.conf in a real nginx (scripts/nginx.sh), on a copy of the test database; a second gunicorn on the
same database and Redis stands for another app server. Changes are made the way editors make them: in the
admin through nginx, or with Wagtail's APIs in a process of their own (a third server). After each change
every anonymous page that shows it must show it, through nginx, for any request sent a second later."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from io import StringIO
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from tests.servers import (
    GUNICORN,
    ROOT,
    copy_test_database,
    free_port,
    http_request,
    nginx_in_front,
    production_environ,
    redis_server,
    run_in_site,
    running_server,
    set_cookies,
)

# Under pytest-xdist (`--dist loadgroup`, scripts/test.sh) with the other tests of production-profile servers,
# on one worker (they share the Redis server, which tests.servers.redis_server() empties).
pytestmark = pytest.mark.xdist_group("servers")

# --- What Django tells nginx (no service needed) ---------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_pages_are_kept_at_most_until_the_end_of_their_second(client):
    before = int(time.time())
    response = client.get("/en/")
    after = int(time.time())
    assert response.status_code == 200
    assert before <= int(response["X-Accel-Expires"].removeprefix("@")) <= after


@pytest.mark.django_db
def test_nothing_personal_private_or_failed_is_kept_at_the_edge(client, editor_client_factory):
    assert "X-Accel-Expires" not in client.get("/en/no-such-page/")
    assert "X-Accel-Expires" not in client.post("/en/", {"x": "1"})
    assert "X-Accel-Expires" not in client.get("/healthz")
    assert "X-Accel-Expires" not in client.get("/en/search/autocomplete/", {"q": "digital"})
    with_cookie = client.get("/en/events/submit/")
    assert with_cookie.status_code == 200 and with_cookie.cookies
    assert "X-Accel-Expires" not in with_cookie
    editor = editor_client_factory()
    page = editor.get("/en/")
    assert b"wagtail-userbar" in page.content
    assert "X-Accel-Expires" not in page


@pytest.fixture
def editor_client_factory(django_user_model):
    def make():
        from django.test import Client

        user = django_user_model.objects.create_superuser("cache-editor", "cache@example.org", "pw")
        editor = Client()
        editor.force_login(user)
        return editor

    return make


# --- Through the shipped nginx, on Redis --------------------------------------------------------------------

# Run in the site's environment before its servers start: an editor's session, three pages of our own under the
# English home page, an upcoming event and a training (with its provider) renamed so that they can be told
# apart. Prints their addresses as JSON.
SETUP = r"""
import json
from datetime import timedelta
from importlib import import_module
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from trainings.models import TrainingPage

user = get_user_model().objects.create_superuser("edge-editor", "edge@example.org", "not-used")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session.update({"_auth_user_id": str(user.pk), "_auth_user_hash": user.get_session_auth_hash(),
                "_auth_user_backend": "django.contrib.auth.backends.ModelBackend"})
session.create()
home = HomePage.objects.get(locale__language_code="en")

def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page

def child(title):
    page = StandardPage(title=title, introduction=f"{title}: an edge test page.")
    home.add_child(instance=page)
    return publish(page)

moving, deleted, shelter = child("Edge Moving Quokka"), child("Edge Deleted Numbat"), child("Edge Shelter")
training = TrainingPage.objects.live().filter(locale__language_code="en", provider__isnull=False).first().specific
training = publish(training, title="Edge Zebrafinch Workshop")
catalogue = training.get_parent().specific
event = EventPage.objects.live().filter(locale__language_code="en").first().specific
start = timezone.now() + timedelta(days=20)
event = publish(event, title="Edge Wombat Meetup", start=start, end=start + timedelta(hours=2))
index = event.get_parent().specific
print(json.dumps({
    "session": session.session_key,
    "home": home.url,
    "moving": {"id": moving.pk, "url": moving.url},
    "deleted": {"id": deleted.pk, "url": deleted.url},
    "shelter": {"id": shelter.pk, "url": shelter.url},
    "training": {"id": training.pk, "url": training.url},
    "catalogue": catalogue.url,
    "organisation": {"id": training.provider_id, "name": training.provider.name,
                     "url": catalogue.url + catalogue.reverse_subpage("organisation", args=[training.provider.slug])},
    "event": {"id": event.pk, "url": event.url},
    "events": index.url,
    "feed": index.url + index.reverse_subpage("news_feed"),
}))
"""

# The changes a third process makes with Wagtail's APIs; each prints the time its change was committed.
PUBLISH_NEW_PAGE = r"""
import json, time
from home.models import HomePage, StandardPage
home = HomePage.objects.get(locale__language_code="en")
page = StandardPage(title="Edge Pangolin Corner", introduction="Pangolins, published.", show_in_menus=True)
home.add_child(instance=page)
page.save_revision().publish()
print(json.dumps({"at": time.time(), "url": page.url}))
"""
REPUBLISH_EVENT = r"""
import json, sys, time
from events.models import EventPage
event = EventPage.objects.get(pk=int(sys.argv[1]))
event.title = "Edge Wombat Festival"
event.save_revision().publish()
print(json.dumps({"at": time.time()}))
"""
RENAME_ORGANISATION = r"""
import json, sys, time
from home.models import Organisation
organisation = Organisation.objects.get(pk=int(sys.argv[1]))
organisation.name = "Edge Otter Foundation"
organisation.save()
print(json.dumps({"at": time.time()}))
"""


@pytest.fixture(scope="module")
def edge(django_db_setup, django_db_blocker, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("edge-site")
    database = tmp / "site.sqlite3"
    if not copy_test_database(database, django_db_blocker):
        pytest.skip("runs its site on a copy of the SQLite test database")
    with redis_server(tmp / "redis") as redis_url:
        env = production_environ(tmp, database=database, redis_url=redis_url)
        # A search the views counted themselves would be in the database at once (they must not behind nginx).
        env["SEARCH_STATS_FLUSH_HITS"] = "1"
        data = run_in_site(env, SETUP)
        # The production profile serves hashed static file names: collected, as on a real deployment.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        front, other = free_port(), free_port()
        with (
            running_server(
                GUNICORN,
                port=front,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{front}", "WEB_CONCURRENCY": "2"},
                log_path=tmp / "gunicorn.log",
            ),
            running_server(
                GUNICORN,
                port=other,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{other}", "WEB_CONCURRENCY": "1"},
                log_path=tmp / "gunicorn-other.log",
                name="the other app server",
            ),
            nginx_in_front(
                tmp / "nginx", upstream_port=front, media=tmp / "media", static=tmp / "static"
            ) as nginx,
        ):
            yield {
                **data,
                "env": env,
                "nginx": nginx["port"],
                "other": other,
                "database": database,
                "searches_log": tmp / "nginx" / "logs" / "searches.log",  # scripts/nginx.sh's place for it
                "nginx_pid": tmp / "nginx" / "nginx.pid",
            }


def _get(port, path, **kwargs):
    status, headers, body = http_request(port, path, **kwargs)
    return status, headers, body.decode("utf-8", "replace")


def _held_by_nginx(edge, path):
    """The page as nginx holds it: asked until nginx answers from its cache (X-Proxy-Cache: HIT); a page that
    is not found (nginx keeps only answers 200) as it is."""
    for _ in range(30):
        status, headers, body = _get(edge["nginx"], path)
        if headers.get("X-Proxy-Cache") == "HIT" or status != 200:
            return status, body
        time.sleep(0.05)
    pytest.fail(f"nginx never answered {path} from its cache")


def _shown(text):
    return lambda status, body: status == 200 and text in body


def _not_shown(text):
    return lambda status, body: status != 200 or text not in body


def _gone(status, body):
    return status == 404


def _assert_within_a_second(edge, changed_at, checks):
    """Every anonymous page of `checks` ({path: predicate(status, body)}) shows the change through nginx for
    every request sent a second or more after `changed_at` (each page is asked until one such request)."""
    deadline = changed_at + 1.0
    late = {}
    while len(late) < len(checks):
        for path, shows_change in checks.items():
            sent = time.time()
            status, body = _get(edge["nginx"], path)[::2]
            if sent >= deadline:
                late.setdefault(path, shows_change(status, body))
        time.sleep(0.05)
    stale = [path for path, fresh in late.items() if not fresh]
    assert not stale, f"still stale through nginx a second after the change: {stale}"


def _warm(edge, checks):
    """Each page is held by nginx and does not show the change yet (so the test can fail)."""
    for path, shows_change in checks.items():
        status, body = _held_by_nginx(edge, path)
        assert not shows_change(status, body), f"{path} shows the change before it was made"


def _change_then_check(edge, checks, change):
    """The pages of `checks` held by nginx, then `change()` (which returns when it was committed), then each
    page shows it within a second."""
    _warm(edge, checks)
    _assert_within_a_second(edge, change(), checks)


def _admin_post(edge, path):
    """An editor's POST in the admin, through nginx (the CSRF token read from the form first); the time it
    was committed."""
    cookies = {"sessionid": edge["session"]}
    status, headers, body = _get(edge["nginx"], path, cookies=cookies)
    assert status == 200, (path, status)
    token = body.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    cookies.update(set_cookies(headers))
    status, headers, body = _get(
        edge["nginx"], path, method="POST", cookies=cookies, form={"csrfmiddlewaretoken": token}
    )
    assert status == 302, (path, status, body[-2000:])
    return time.time()


def _sitemap_lists(url):
    return lambda status, body: status == 200 and f"{url}</loc>" in body


@pytest.mark.nginx
@pytest.mark.redis
@pytest.mark.demo  # edits a real training with its provider's section, and an event with its feed
def test_nginx_holds_anonymous_pages_and_never_an_editors(edge):
    for path in (
        "/en/",
        edge["catalogue"] + "?q=zebrafinch",
        edge["feed"],
        "/sitemap.xml",
        "/en/search/?q=quokka",
    ):
        status, body = _held_by_nginx(edge, path)
        assert status == 200
    status, headers, body = _get(edge["nginx"], "/en/")
    assert "X-Accel-Expires" not in headers  # Django's instruction to nginx stays between them
    # Compressed for browsers that accept it: the page, its style sheet and script, the feed.
    page = BeautifulSoup(body, "html.parser")
    assets = [
        page.select_one("link[rel=stylesheet]")["href"],
        page.select_one("script[src]")["src"],
        edge["feed"],
    ]
    for path in ["/en/", *assets]:
        status, headers, _body = http_request(edge["nginx"], path, headers={"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("Content-Encoding") == "gzip", path
    status, headers, body = _get(edge["nginx"], "/en/", cookies={"sessionid": edge["session"]})
    assert headers["X-Proxy-Cache"] == "BYPASS" and "wagtail-userbar" in body
    status, headers, body = _get(edge["nginx"], "/admin/", cookies={"sessionid": edge["session"]})
    assert status == 200 and "X-Proxy-Cache" not in headers


@pytest.mark.nginx
@pytest.mark.redis
@pytest.mark.demo  # edits a real training with its provider's section, and an event with its feed
def test_a_published_page_shows_everywhere_within_a_second(edge):
    checks = {
        "/en/": _shown("Edge Pangolin Corner"),  # in the header menu of every page
        edge["catalogue"] + "?q=zebrafinch": _shown("Edge Pangolin Corner"),
        "/sitemap.xml": _shown("edge-pangolin-corner"),
        "/en/search/?q=pangolin": _shown("Edge Pangolin Corner"),
        "/en/search/?q=pangolins&type=pages": _shown("Edge Pangolin Corner"),
    }
    _warm(edge, checks)
    published = run_in_site(edge["env"], PUBLISH_NEW_PAGE)
    checks[published["url"]] = _shown("Pangolins, published.")
    _assert_within_a_second(edge, published["at"], checks)


@pytest.mark.nginx
@pytest.mark.redis
@pytest.mark.demo  # edits a real training with its provider's section, and an event with its feed
def test_a_republished_event_shows_in_its_listing_feed_and_page_within_a_second(edge):
    checks = {
        edge["events"]: _shown("Edge Wombat Festival"),
        edge["events"] + "?page=1": _shown("Edge Wombat Festival"),
        edge["feed"]: _shown("Edge Wombat Festival"),
        edge["event"]["url"]: _shown("Edge Wombat Festival"),
    }
    _change_then_check(
        edge, checks, lambda: run_in_site(edge["env"], REPUBLISH_EVENT, str(edge["event"]["id"]))["at"]
    )


@pytest.mark.nginx
@pytest.mark.redis
@pytest.mark.demo  # edits a real training with its provider's section, and an event with its feed
def test_a_renamed_organisation_shows_in_its_section_and_trainings_within_a_second(edge):
    checks = {
        edge["organisation"]["url"]: _shown("Edge Otter Foundation"),
        edge["training"]["url"]: _shown("Edge Otter Foundation"),
    }
    organisation = str(edge["organisation"]["id"])
    _change_then_check(
        edge, checks, lambda: run_in_site(edge["env"], RENAME_ORGANISATION, organisation)["at"]
    )


@pytest.mark.nginx
@pytest.mark.redis
@pytest.mark.demo  # edits a real training with its provider's section, and an event with its feed
def test_an_unpublished_training_leaves_every_page_within_a_second_and_every_server_at_once(edge):
    training = edge["training"]
    listing = edge["catalogue"] + "?q=zebrafinch"
    checks = {
        training["url"]: _gone,
        listing: _not_shown("Edge Zebrafinch Workshop"),
        edge["organisation"]["url"]: _not_shown("Edge Zebrafinch Workshop"),
        "/sitemap.xml": _not_shown(training["url"] + "</loc>"),
        "/en/search/?q=zebrafinch": _not_shown(f'href="{training["url"]}"'),
    }
    _warm(edge, checks)
    assert "Edge Zebrafinch Workshop" in _get(edge["other"], listing)[2]  # its results cached in Redis
    changed_at = _admin_post(edge, f"/admin/pages/{training['id']}/unpublish/")
    # The other app server learns of it from the version in Redis: no delay, no stale results.
    status, _headers, body = _get(edge["other"], listing)
    assert status == 200 and "Edge Zebrafinch Workshop" not in body
    assert _get(edge["other"], training["url"])[0] == 404
    _assert_within_a_second(edge, changed_at, checks)


@pytest.mark.nginx
@pytest.mark.redis
@pytest.mark.demo  # edits a real training with its provider's section, and an event with its feed
def test_a_moved_page_changes_address_everywhere_within_a_second(edge):
    moving, shelter = edge["moving"], edge["shelter"]
    new_url = shelter["url"] + "edge-moving-quokka/"
    checks = {
        moving["url"]: _not_shown("Edge Moving Quokka"),  # a redirect to the new address, or nothing
        new_url: _shown("Edge Moving Quokka"),
        "/sitemap.xml": _sitemap_lists(new_url),
        "/en/search/?q=quokka": _shown(f'href="{new_url}"'),
    }
    _warm(edge, checks)
    changed_at = _admin_post(edge, f"/admin/pages/{moving['id']}/move/{shelter['id']}/confirm/")
    assert _get(edge["other"], new_url)[0] == 200
    _assert_within_a_second(edge, changed_at, checks)


@pytest.mark.nginx
@pytest.mark.redis
@pytest.mark.demo  # edits a real training with its provider's section, and an event with its feed
def test_a_deleted_page_leaves_every_page_within_a_second(edge):
    deleted = edge["deleted"]
    checks = {
        deleted["url"]: _gone,
        "/sitemap.xml": _not_shown(deleted["url"] + "</loc>"),
        "/en/search/?q=numbat": _not_shown(f'href="{deleted["url"]}"'),  # titles are highlighted there
    }
    _change_then_check(edge, checks, lambda: _admin_post(edge, f"/admin/pages/{deleted['id']}/delete/"))


def _counted_by_the_site(edge, query):
    """Hits of `query` in the search statistics of the site's own database (what its views counted)."""
    with sqlite3.connect(edge["database"]) as db:
        return db.execute(
            "SELECT COALESCE(SUM(h.hits), 0) FROM wagtailsearchpromotions_querydailyhits h "
            "JOIN wagtailsearchpromotions_query q ON q.id = h.query_id WHERE q.query_string = ?",
            (query,),
        ).fetchone()[0]


def _searches(query):
    """Hits of `query` in the search statistics of this process's (the test's) database."""
    from django.db.models import Sum
    from wagtail.contrib.search_promotions.models import QueryDailyHits

    return QueryDailyHits.objects.filter(query__query_string=query).aggregate(n=Sum("hits"))["n"] or 0


def _logged(logs, text, lines):
    """Waits until nginx has written `lines` lines holding `text` to the files `logs` (it writes its buffer
    every 5 s)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        written = [line for log in logs if log.exists() for line in log.read_bytes().splitlines()]
        if sum(text in line for line in written) >= lines:
            return
        time.sleep(0.2)
    pytest.fail(f"nginx did not write {lines} lines with {text!r} to {logs}")


def _count_searches(log):
    call_command("count_edge_searches", log=str(log), stdout=StringIO(), stderr=StringIO())


@pytest.mark.nginx
@pytest.mark.redis
@pytest.mark.demo  # edits a real training with its provider's section, and an event with its feed
@pytest.mark.django_db
def test_every_search_is_counted_from_nginxs_log_also_those_it_answers_from_its_cache(edge):
    log, wombat = edge["searches_log"], "/en/search/?q=wombat"
    answers = [_get(edge["nginx"], wombat)[1].get("X-Proxy-Cache") for _ in range(5)]
    assert "HIT" in answers  # some were answered by nginx alone, from its cache
    editor = _get(edge["nginx"], wombat, cookies={"sessionid": edge["session"]})
    assert editor[1]["X-Proxy-Cache"] == "BYPASS"
    _get(edge["nginx"], "/fr/search/?q=" + quote("développeuses"))
    _get(edge["nginx"], wombat + "&page=2")  # a further result page is no new search
    _get(edge["nginx"], "/en/search/?q=")  # nor is an empty one
    _get(edge["nginx"], "/en/search/autocomplete/?q=wombat")  # nor a suggestion (not logged)
    _logged([log], b"q=wombat", 7)
    _logged([log], b"q=d%C3%A9veloppeuses", 1)
    assert not any(b"autocomplete" in line for line in log.read_bytes().splitlines())
    assert b"127.0.0.1" not in log.read_bytes()  # no client address
    assert _counted_by_the_site(edge, "wombat") == 0  # the views behind nginx counted nothing themselves

    _count_searches(log)
    assert (_searches("wombat"), _searches("développeuses")) == (6, 1)
    _count_searches(log)
    assert _searches("wombat") == 6  # a second run adds nothing

    # logrotate moves the log and has nginx reopen it (SIGUSR1): what nginx still held in its buffer goes to
    # the moved file, what comes after to a new one; both are counted.
    _get(edge["nginx"], wombat)
    rotated = log.rename(log.with_name("searches.log.1"))
    os.kill(int(edge["nginx_pid"].read_text()), signal.SIGUSR1)
    _get(edge["nginx"], wombat + "&type=events")
    _get(edge["nginx"], wombat)
    _logged([rotated, log], b"q=wombat", 10)
    assert log.exists()  # nginx has opened a new log
    _count_searches(log)
    assert _searches("wombat") == 9
