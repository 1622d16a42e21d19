"""Two app servers, one site (README, "Deployment"): two gunicorns with the production settings on different
ports share a PostgreSQL database, Redis, the task worker and the search engine (the OpenSearch node of
scripts/test.sh, OPENSEARCH_URL, indexes of their own), behind the shipped
deploy/nginx.conf with both in its upstream pool (scripts/nginx.sh). A publish made through one shows on the
other at once, through nginx a second later and in the other's search; the login throttle and the forms' rate limits count the
attempts made on both together; and one app server stopped under load loses no GET: nginx sends what it
could not take to the other.

The site's database is a new one on the PostgreSQL of scripts/test.sh (POSTGRES_URL), or on one started here,
built by the migrations and the minimal four-language site of tests/conftest.py; the test session's own
database is not used."""

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
import redis

from tests.engines import ENGINES
from tests.servers import (
    GUNICORN,
    ROOT,
    fetch,
    free_port,
    http_request,
    nginx_in_front,
    post_form,
    postgres_database,
    production_environ,
    production_settings,
    redis_server,
    run_in_site,
    running_server,
    set_cookies,
    side_by_side,
)

# Under pytest-xdist (`--dist loadgroup`, scripts/test.sh) with the other tests of production-profile servers,
# on one worker (they share the Redis server, which tests.servers.redis_server() empties).
pytestmark = pytest.mark.xdist_group("servers")

# Run in the site's environment: the migrations (in this process, while collectstatic runs beside it), then the
# minimal site, an editor, a user whose logins the throttle test counts, and a draft page under the English home
# page, which shows in the menu of every page once published. Prints what the tests use.
SETUP = r"""
import json
from django.contrib.auth import get_user_model
from django.core.management import call_command
from home.models import HomePage, StandardPage
from tests.conftest import build_minimal_site

call_command("migrate", interactive=False, verbosity=0)
build_minimal_site()
call_command("update_index", verbosity=0)
users = get_user_model().objects
users.create_superuser("cluster-editor", "editor@example.org", "editor-password")
users.create_user("cluster-member", "member@example.org", "member-password")
home = HomePage.objects.get(locale__language_code="en")
draft = StandardPage(title="Cluster Quokka Corner", introduction="Quokkas, on every app server.",
                     show_in_menus=True, live=False)
home.add_child(instance=draft)
draft.save_revision()
print(json.dumps({"draft": {"id": draft.pk, "url": draft.url}}))
"""


def _app_server(env, tmp, number, port):
    """gunicorn with the production settings on `port`, writing its access log to tmp/access-<number>.log
    (so the tests can tell which server answered)."""
    return running_server(
        [*GUNICORN, "--access-logfile", str(tmp / f"access-{number}.log")],
        port=port,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"},
        log_path=tmp / f"gunicorn-{number}.log",
        name=f"app server {number}",
    )


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cluster")
    engine = ENGINES["opensearch"]
    engine_url = engine.url()
    prefix = f"cluster{free_port()}"
    with postgres_database() as database, redis_server(tmp / "redis") as redis_url:
        env = production_environ(tmp, database=database, redis_url=redis_url)
        env.update(SEARCH_BACKEND="opensearch2", SEARCH_URL=engine_url, SEARCH_INDEX_PREFIX=prefix)
        # The production profile serves hashed static file names: collected, as on a real deployment.
        collectstatic = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env
        )
        data = run_in_site(env, SETUP)
        assert collectstatic.wait(timeout=300) == 0, "collectstatic failed"
        # The task worker of the deployment (deploy/bdt-worker.service): it brings the engine's indexes up to date.
        worker_log = (tmp / "worker.log").open("wb")
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--no-reload", "--interval", "0.2", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            stdout=worker_log,
            stderr=subprocess.STDOUT,
        )
        ports = [free_port(), free_port()]
        with (
            side_by_side(
                *(_app_server(env, tmp, number, port) for number, port in enumerate(ports, 1))
            ) as servers,
            nginx_in_front(
                tmp / "nginx", upstream_port=ports, media=tmp / "media", static=tmp / "static"
            ) as nginx,
        ):
            try:
                yield {
                    **data,
                    "servers": servers,
                    "access_logs": [tmp / "access-1.log", tmp / "access-2.log"],
                    "edge_log": tmp / "nginx" / "logs" / "access.log",
                    "redis_url": redis_url,
                    "database": database,
                    "error_logs": [
                        tmp / "gunicorn-1.log",
                        tmp / "gunicorn-2.log",
                        tmp / "nginx" / "logs" / "error.log",
                    ],
                    "nginx": nginx,
                }
            finally:
                worker.terminate()
                worker.wait(timeout=60)
                worker_log.close()
                engine.admin_client(engine_url).indices.delete(
                    index=f"{prefix}_*", params={"expand_wildcards": "all"}
                )


def _edge_report(cluster, path, headers, published_at):
    """What nginx answered for `path` and what the app servers served since the publish: for a failure."""
    logs = "\n".join(
        f"{log}:\n" + "".join(log.read_text().splitlines(keepends=True)[-12:])
        for log in [*cluster["access_logs"], cluster["edge_log"], *cluster["error_logs"]]
        if log.exists()
    )
    shared = redis.Redis.from_url(cluster["redis_url"])
    kept = "\n".join(
        f"{key.decode()}: {'with' if b'Quokka' in (shared.get(key) or b'') else 'without'} the page"
        for key in sorted(shared.keys("*chrome*site:en*"))
    )
    again = {
        f"app server {number} as nginx asks": title_in(server.port, path, headers={"Host": "127.0.0.1"})
        for number, server in enumerate(cluster["servers"], 1)
    }
    again["the page itself on app server 2"] = _page(cluster["servers"][1].port, cluster["draft"]["url"])[0]
    with psycopg.connect(cluster["database"]) as connection:
        row = connection.execute(
            "SELECT live, show_in_menus, has_unpublished_changes, latest_revision_id, live_revision_id"
            " FROM wagtailcore_page WHERE id = %s",
            [cluster["draft"]["id"]],
        ).fetchone()
        actions = connection.execute(
            "SELECT action, timestamp FROM wagtailcore_pagelogentry WHERE page_id = %s ORDER BY id",
            [cluster["draft"]["id"]],
        ).fetchall()
    again["in the database (live, show_in_menus, unpublished changes, latest, live revision)"] = row
    again["its log"] = [(action, f"{moment.timestamp():.3f}") for action, moment in actions]
    return (
        f"{path}: X-Proxy-Cache {headers.get('X-Proxy-Cache')}, published at {published_at:.3f}, "
        f"asked at {time.time():.3f}; the page shown again now: {again}\n"
        f"content version {shared.get(':1:content:version')}\n{kept}\n{logs}"
    )


def title_in(port, path, **kwargs):
    """Whether the published draft's title is on the page at `path` of the server on `port`."""
    return "Cluster Quokka Corner" in _page(port, path, **kwargs)[1]


def _page(port, path, **kwargs):
    status, _headers, body = http_request(port, path, **kwargs)
    return status, body.decode("utf-8", "replace")


@pytest.mark.cluster
@pytest.mark.nginx
@pytest.mark.redis
def test_a_publish_through_one_app_server_shows_on_the_other_at_once_and_through_nginx_within_a_second(
    cluster,
):
    first, second = (server.port for server in cluster["servers"])
    draft, title = cluster["draft"], "Cluster Quokka Corner"
    # Before: each app server has the home page's menu in its cache, nginx holds the home page.
    assert _page(second, draft["url"])[0] == 404
    for port in (first, second, cluster["nginx"]["port"]):
        status, body = _page(port, "/en/")
        assert status == 200 and title not in body

    # The editor signs in on the second app server and publishes through the first (sessions are shared).
    credentials = {"username": "cluster-editor", "password": "editor-password", "next": "/admin/"}
    status, headers, _body = post_form(second, "/admin/login/", credentials)
    assert status == 302
    session = {"sessionid": set_cookies(headers)["sessionid"]}
    status, _headers, body = post_form(
        first, f"/admin/bulk/wagtailcore/page/publish/?id={draft['id']}&next=/admin/", cookies=session
    )
    published_at = time.time()
    assert status == 302, body[-2000:]

    # The other app server: at its next request (the content version is in the shared Redis).
    status, body = _page(second, draft["url"])
    assert status == 200 and "Quokkas, on every app server." in body
    assert title in _page(second, "/en/")[1]
    # nginx: for any request sent a second after the publish.
    time.sleep(max(0.0, published_at + 1.0 - time.time()))
    for path in ("/en/", draft["url"]):
        status, headers, body = http_request(cluster["nginx"]["port"], path)
        assert status == 200 and title in body.decode(), _edge_report(cluster, path, headers, published_at)
    # The shared search engine: the other app server finds it once the worker has indexed it and OpenSearch has
    # refreshed (each second).
    deadline = time.time() + 5
    while True:
        status, body = _page(second, "/en/search/?q=quokka")
        if title in body or time.time() > deadline:
            break
        time.sleep(0.25)
    assert status == 200 and title in body
    assert "Our search engine is unavailable" not in body  # answered by the engine, not the fallback


def _alternately(cluster, attempts, send):
    """`send(port)` `attempts` times, on the first app server, then the second, and so on: the statuses."""
    ports = [server.port for server in cluster["servers"]]
    return [send(ports[n % 2]) for n in range(attempts)]


@pytest.mark.cluster
@pytest.mark.nginx
@pytest.mark.redis
def test_failed_logins_on_both_app_servers_are_counted_together(cluster):
    visitor = {"X-Real-IP": "198.51.100.23"}  # as nginx sends it (TRUSTED_PROXIES)

    def log_in(password):
        def send(port):
            form = {"username": "cluster-member", "password": password, "next": "/admin/"}
            return post_form(port, "/admin/login/", form, headers=visitor)[0]

        return send

    # LOGIN_MAX_FAILURES (5): four failures, two on each server, give the form again; the fifth, on the first
    # server, locks the account out. Then both refuse even the right password.
    assert _alternately(cluster, 5, log_in("wrong-password")) == [200, 200, 200, 200, 429]
    assert _alternately(cluster, 2, log_in("member-password")) == [429, 429]


@pytest.mark.cluster
@pytest.mark.nginx
@pytest.mark.redis
def test_the_rate_limit_of_a_form_counts_the_posts_on_both_app_servers_together(cluster):
    visitor = {"X-Real-IP": "198.51.100.24"}

    def reset(port):
        form = {"email": "nobody-here@example.org"}
        return post_form(port, "/admin/password_reset/", form, headers=visitor)[0]

    # PASSWORD_RESETS_PER_HOUR (5) over both servers, then the form again at 429 on either.
    assert _alternately(cluster, 5, reset) == [302] * 5
    assert _alternately(cluster, 2, reset) == [429, 429]


def _load_lines(log):
    """The requests of the load (below) an app server has answered, from its access log."""
    return sum(b"?client=" in line for line in Path(log).read_bytes().splitlines())


# Last of the module's tests on the running servers: it stops the first app server.
@pytest.mark.cluster
@pytest.mark.nginx
@pytest.mark.redis
def test_stopping_one_app_server_under_load_loses_no_get(cluster):
    first = cluster["servers"][0]
    for server in cluster["servers"]:  # each worker's first page is slow (templates, translations): made now
        for language in ("en", "fr", "nl", "de"):
            assert fetch(f"{server.base}/{language}/", timeout=30)[0] == 200
    stop = threading.Event()
    answers = []  # (when sent, path, status)

    def client(number):
        # A new query string each time, so nginx's page cache cannot answer: an app server must.
        sent = 0
        while not stop.is_set():
            path = f"/{('en', 'fr', 'nl', 'de')[sent % 4]}/?client={number}&n={sent}"
            when = time.monotonic()
            answers.append((when, path, fetch(cluster["nginx"]["base"] + path, timeout=30)[0]))
            sent += 1

    clients = [threading.Thread(target=client, args=(number,)) for number in range(4)]
    for thread in clients:
        thread.start()
    try:
        # Midway: once both app servers have answered some of the load (at most 20 s).
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and min(map(_load_lines, cluster["access_logs"])) < 10:
            time.sleep(0.1)
        served = [_load_lines(log) for log in cluster["access_logs"]]
        first.process.send_signal(signal.SIGTERM)
        first.process.wait(timeout=30)
        stopped_at = time.monotonic()
        time.sleep(2)
    finally:
        stop.set()
        for thread in clients:
            thread.join(timeout=60)

    assert min(served) >= 10, f"the load did not reach both app servers before the stop: {served}"
    failed = [(path, status) for _when, path, status in answers if status != 200]
    assert not failed, f"{len(failed)} of {len(answers)} GETs failed: {failed[:10]}"
    # After the stop, the remaining server answered all the same.
    assert sum(when > stopped_at for when, _path, _status in answers) >= 10


def test_media_go_to_the_storage_backend_the_environment_names():
    """Several app servers without a shared disk keep uploads in an object store (README, "Deployment": an S3
    one through django-storages). Here with a backend of Django's own that has no local path either."""
    on_disk = production_settings("STORAGES")["STORAGES"]
    assert on_disk["default"] == {"BACKEND": "bdt_site.storage.MediaStorage"}
    backend, options = "django.core.files.storage.InMemoryStorage", {"base_url": "https://media.example.net/"}
    environ = {"MEDIA_STORAGE": backend, "MEDIA_STORAGE_OPTIONS": json.dumps(options)}
    elsewhere = production_settings("STORAGES", env=environ)["STORAGES"]
    assert elsewhere == {
        "default": {"BACKEND": backend, "OPTIONS": options},
        "staticfiles": on_disk["staticfiles"],  # collected on each app server, whatever the media storage
    }
