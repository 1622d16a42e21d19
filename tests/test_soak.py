"""Soak and faults against a real gunicorn server (the production worker model) on a copy of the test
database: a bounded concurrent load gives zero 5xx, the login rate limit answers 429 (never 500), and the
site recovers by itself when its database goes away and comes back (PostgreSQL restarted in the suite's
PostgreSQL run; the SQLite file moved away and back in the SQLite run)."""

import concurrent.futures
import http.cookiejar
import os
import re
import shutil
import subprocess
import time
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from tests.servers import GUNICORN, copy_test_database, fetch, free_port, running_server, server_environ

LOAD_PATHS = [
    "/en/",
    "/fr/",
    "/nl/",
    "/de/",
    "/en/search/?q=digital",
    "/fr/search/?q=formation",
    "/healthz",
    "/sitemap.xml",
    "/api/v2/pages/?type=home.StandardPage&locale=nl",
    "/en/no-such-page/",
]
REQUESTS = 400
CONCURRENCY = 16


def _wait_until(predicate, attempts=150, pause=0.2):
    for _ in range(attempts):
        if predicate():
            return True
        time.sleep(pause)
    return False


@pytest.fixture
def site(db, django_db_blocker, tmp_path_factory):
    """gunicorn (gthread worker) on a copy of the session's test database."""
    tmp = tmp_path_factory.mktemp("soak")
    env = server_environ()
    db_file = tmp / "soak.sqlite3"
    if copy_test_database(db_file, django_db_blocker):
        env["DATABASE_URL"] = f"sqlite:///{db_file}"
        fault = {"kind": "sqlite", "file": db_file}
    else:
        settings_dict = connection.settings_dict
        user = settings_dict.get("USER") or "postgres"
        host = settings_dict.get("HOST") or "127.0.0.1"
        port = settings_dict.get("PORT") or "5432"
        env["DATABASE_URL"] = f"postgres://{user}@{host}:{port}/{settings_dict['NAME']}"
        fault = {"kind": "postgresql", "port": str(port)}
    port = free_port()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bdt_site.settings.test",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            # One process, eight threads (the login counters are in the database, so they would hold across
            # workers too).
            "WEB_CONCURRENCY": "1",
            "GUNICORN_THREADS": "8",
            "CONN_MAX_AGE": "60",
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(tmp / "media"),
        }
    )
    with running_server(GUNICORN, port=port, env=env, log_path=tmp / "gunicorn.log", timeout=30) as server:
        yield {"base": server.base, "fault": fault, "log": server.log}


def _load(base, requests=REQUESTS):
    urls = [base + LOAD_PATHS[i % len(LOAD_PATHS)] for i in range(requests)]
    with concurrent.futures.ThreadPoolExecutor(CONCURRENCY) as pool:
        return [status for status, _ in pool.map(fetch, urls)]


def test_bounded_concurrent_load_gives_no_server_error(site):
    statuses = _load(site["base"])
    assert len(statuses) == REQUESTS
    assert not [s for s in statuses if s >= 500 or s == 0], sorted(set(statuses))
    assert statuses.count(200) >= REQUESTS * 0.8


def _login_attempt(base, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    status, body = fetch(base + "/admin/login/", opener=opener)
    assert status == 200
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "soak-nobody", "password": password}
    ).encode()
    request = urllib.request.Request(
        base + "/admin/login/",
        data=data,
        headers={"Referer": base + "/admin/login/", "Accept-Language": "nl"},
    )
    return fetch(request, opener=opener)


def test_filling_the_login_rate_limit_gives_translated_429s_not_500s(site):
    results = [_login_attempt(site["base"], f"guess-{i}") for i in range(8)]
    statuses = [status for status, _ in results]
    assert all(status < 500 and status != 0 for status in statuses), statuses
    assert statuses[0] == 200  # the form again, with an error
    assert statuses[-1] == 429
    assert "Te veel pogingen" in results[-1][1].decode()


def _take_database_down(fault):
    if fault["kind"] == "sqlite":
        away = fault["file"].with_suffix(".away")
        shutil.move(fault["file"], away)
        return lambda: shutil.move(away, fault["file"])
    pg_dir = os.environ.get("PG_DIR") or f"/tmp/bdt-postgres-{fault['port']}"
    pg_bin = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
    command = [
        f"{pg_bin}/pg_ctl",
        "-D",
        f"{pg_dir}/data",
        "-w",
        "-m",
        "fast",
        "restart",
        "-l",
        f"{pg_dir}/server.log",
    ]
    command += ["-o", f"-p {fault['port']} -k {pg_dir} -c listen_addresses=127.0.0.1 -c fsync=off"]
    if os.getuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return lambda: None


@pytest.mark.alone  # restarts the PostgreSQL server of the whole PostgreSQL run
def test_the_site_recovers_by_itself_after_a_database_outage(site):
    base = site["base"]
    assert fetch(base + "/healthz")[0] == 200
    assert not [s for s in _load(base, 40) if s >= 500]
    bring_back = _take_database_down(site["fault"])
    try:
        # While the database is away, requests end (with an error page at worst); nothing hangs.
        assert all(status != 0 for status in _load(base, 16))
    finally:
        bring_back()
    # Back on its own: no restart of gunicorn, no manual step.
    assert _wait_until(lambda: fetch(base + "/healthz", timeout=3)[0] == 200, attempts=100)
    statuses = _load(base, 80)
    assert not [s for s in statuses if s >= 500 or s == 0], sorted(set(statuses))
