"""Twenty partners submit their events at the same moment (issue 11, point 5), on a copy of the session's test
database (an SQLite file, in WAL mode, in the SQLite run; a pg_dump copy in the PostgreSQL run), served by
gunicorn as in production (two processes of eight threads) and by `manage.py runserver` with the development
settings as `make run` does. Zero 5xx (on SQLite before the fix: 20 of 20 answered 500, "database is locked"),
twenty submissions stored, each with its own draft page and reference number, the page tree consistent."""

import concurrent.futures
import contextlib
import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from tests.servers import GUNICORN, copy_test_database, fetch, free_port, running_server, server_environ

pytestmark = pytest.mark.django_db

SUBMISSIONS = 20
SUBMIT_PATH = "/en/events/submit/"
REFERENCE = re.compile(r"EV-[A-Z0-9]{8}")


def _open(opener, request):
    status, body = fetch(request, opener=opener, timeout=90)
    return status, body.decode("utf-8", "replace")


# -- a copy of the test database the server can write to ------------------------------------------------
class SqliteCopy:
    vendor = "sqlite"

    def __init__(self, tmp, django_db_blocker):
        self.file = tmp / "concurrency.sqlite3"
        copy_test_database(self.file, django_db_blocker)  # the in-memory test database
        self.url = f"sqlite:///{self.file}"

    def query(self, sql, params=()):
        with sqlite3.connect(self.file) as db:
            return db.execute(sql.replace("%s", "?"), params).fetchall()

    def drop(self):
        pass


class PostgresCopy:
    """A new database filled with pg_dump of the test database (which the test holds open in a transaction): the
    server's writes never reach the session's database."""

    vendor = "postgresql"

    def __init__(self):
        settings = connection.settings_dict
        self.params = {
            "host": settings.get("HOST") or "127.0.0.1",
            "port": settings.get("PORT") or 5432,
            "user": settings.get("USER") or "postgres",
            "password": settings.get("PASSWORD") or None,
        }
        self.name = f"bdt_concurrency_{uuid.uuid4().hex[:8]}"
        self._admin(f'CREATE DATABASE "{self.name}"')
        try:
            self._copy(settings["NAME"])
        except BaseException:
            self.drop()
            raise
        auth = self.params["user"] + (f":{self.params['password']}" if self.params["password"] else "")
        self.url = f"postgres://{auth}@{self.params['host']}:{self.params['port']}/{self.name}"

    def _copy(self, source):
        bin_dir = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
        env = {**os.environ, "PGHOST": str(self.params["host"]), "PGPORT": str(self.params["port"])}
        env["PGUSER"] = self.params["user"]
        if self.params["password"]:
            env["PGPASSWORD"] = self.params["password"]
        dump = subprocess.run(
            [bin_dir / "pg_dump", "--no-owner", "--no-privileges", "-d", source],
            env=env,
            capture_output=True,
            check=True,
            timeout=300,
        )
        subprocess.run(
            [bin_dir / "psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.name],
            input=dump.stdout,
            env=env,
            capture_output=True,
            check=True,
            timeout=300,
        )

    def _connect(self, dbname):
        import psycopg

        params = {key: value for key, value in self.params.items() if value is not None}
        return psycopg.connect(dbname=dbname, autocommit=True, **params)

    def _admin(self, sql):
        with self._connect("postgres") as db:
            db.execute(sql)

    def query(self, sql, params=()):
        with self._connect(self.name) as db:
            return db.execute(sql, params).fetchall()

    def drop(self):
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# name: (settings, command line)
SERVERS = {
    # production: two processes of eight threads, concurrent writers within and across processes
    "gunicorn": ("bdt_site.settings.test", lambda port: GUNICORN),
    # `make run`: the development settings and Django's threaded development server
    "runserver": (
        "bdt_site.settings.dev",
        lambda port: [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
    ),
}


@pytest.fixture(params=list(SERVERS))
def server(request, db, django_db_blocker, tmp_path):
    settings_module, command = SERVERS[request.param]
    database = SqliteCopy(tmp_path, django_db_blocker) if connection.vendor == "sqlite" else PostgresCopy()
    port = free_port()
    env = server_environ()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "DATABASE_URL": database.url,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_THREADS": "8",
            "GUNICORN_TIMEOUT": "120",
            "EVENT_SUBMISSIONS_PER_HOUR": "1000",  # every request comes from 127.0.0.1
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            # Shared by the server's processes, apart from every other site (settings: CACHE_URL).
            "CACHE_URL": f"filecache://{tmp_path / 'cache'}",
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(tmp_path / "media"),
        }
    )
    try:
        with running_server(
            command(port), port=port, env=env, log_path=tmp_path / "server.log", name=request.param
        ) as running:
            yield {"base": running.base, "database": database, "log": running.log_tail}
    finally:
        database.drop()


# -- twenty partners at once ------------------------------------------------------------------------------
def _form_data(number, token, region):
    start = timezone.localtime() + timedelta(days=30 + number)
    data = {
        "csrfmiddlewaretoken": token,
        "organisation": f"Concurrent Partner {number}",
        "contact_name": f"Partner {number}",
        "contact_email": f"concurrency-{number}@example.org",
        "title": f"Concurrent workshop {number}",
        "kind": "workshop",
        "start": start.strftime("%Y-%m-%dT10:00"),
        "end": start.strftime("%Y-%m-%dT12:00"),
        "venue_name": "Community hall",
        "address": "Rue de la Loi 1, 1000 Brussels",
        "online_url": "",
        "region": region,
        "languages": ["en"],
        "summary": "An afternoon to try programming.",
        "registration_url": "",
        "consent": "on",
        "website_url": "",
        "speakers-TOTAL_FORMS": "1",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "8",
        "speakers-0-name": f"Speaker {number}",
        "speakers-0-role": "keynote",
        "speakers-0-gender": "woman",
    }
    return urllib.parse.urlencode(data, doseq=True).encode()


def _submit(base, number, ready):
    """One partner: opens the form (CSRF cookie and token), waits for the others, then sends it."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    status, html = _open(opener, base + SUBMIT_PATH)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html) if status == 200 else None
    region = re.search(r'<select name="region"[^>]*>.*?<option value="([^"]+)"', html, re.S)
    with contextlib.suppress(threading.BrokenBarrierError):
        ready.wait(timeout=60)
    if not (token and region):
        return status or -1, html
    request = urllib.request.Request(
        base + SUBMIT_PATH,
        data=_form_data(number, token.group(1), region.group(1)),
        headers={"Referer": base + SUBMIT_PATH},
    )
    return _open(opener, request)


@pytest.mark.usefixtures("vocabularies")
def test_twenty_simultaneous_event_submissions_are_all_stored_with_distinct_references(server):
    base, database = server["base"], server["database"]
    ready = threading.Barrier(SUBMISSIONS)
    with concurrent.futures.ThreadPoolExecutor(SUBMISSIONS) as pool:
        results = list(pool.map(lambda number: _submit(base, number, ready), range(SUBMISSIONS)))

    statuses = [status for status, _html in results]
    failures = [status for status in statuses if status >= 500 or status <= 0]
    assert not failures, f"{len(failures)} of {SUBMISSIONS} failed: {statuses}\n{server['log']()}"
    assert statuses == [200] * SUBMISSIONS, statuses
    shown = [REFERENCE.search(html) for _status, html in results]
    assert all(shown), "a thank-you page without its reference number"
    shown = {match.group(0) for match in shown}
    assert len(shown) == SUBMISSIONS

    rows = database.query(
        "SELECT reference, page_id FROM events_eventsubmission WHERE contact_email LIKE %s",
        ["concurrency-%@example.org"],
    )
    assert len(rows) == SUBMISSIONS
    assert {reference for reference, _page in rows} == shown
    page_ids = sorted(page for _reference, page in rows)
    assert None not in page_ids and len(set(page_ids)) == SUBMISSIONS
    pages = database.query(
        "SELECT p.id, p.live, p.slug, p.path FROM wagtailcore_page p JOIN events_eventpage e "
        "ON e.page_ptr_id = p.id WHERE p.id IN (" + ", ".join(["%s"] * SUBMISSIONS) + ")",
        page_ids,
    )
    assert len(pages) == SUBMISSIONS
    assert not any(live for _id, live, _slug, _path in pages), "a submission must stay a draft"
    assert len({slug for _id, _live, slug, _path in pages}) == SUBMISSIONS

    # The events index still counts its children right (treebeard paths and numchild under concurrency).
    parent_path = pages[0][3][:-4]
    (numchild, depth), *_ = database.query(
        "SELECT numchild, depth FROM wagtailcore_page WHERE path = %s", [parent_path]
    )
    (children,), *_ = database.query(
        "SELECT COUNT(*) FROM wagtailcore_page WHERE path LIKE %s AND depth = %s",
        [parent_path + "%", depth + 1],
    )
    assert numchild == children
    assert all(path.startswith(parent_path) for _id, _live, _slug, path in pages)
