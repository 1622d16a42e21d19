"""Real servers for tests: a free port, the session's test database copied into a file a server can open, and
a server process (gunicorn, `manage.py runserver`) started in the repository, waited for, and stopped after."""

import asyncio
import contextlib
import http.client
import json
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

# gunicorn as deployed: the shipped configuration (workers, threads and bind from the environment).
GUNICORN = [
    sys.executable,
    "-m",
    "gunicorn",
    "-c",
    "bdt_site/gunicorn.conf.py",
    "--access-logfile",
    "/dev/null",
]


def production_settings(*names, env=None):
    """{name: value} of settings of the production profile, read in a process of its own (with only the
    variables production insists on, and those of `env`), so nothing of the test settings leaks in."""
    env = {
        "SECRET_KEY": "x7#Lq9!vT2@pWm4^zR8&nB3*kY6%hD1+gF5(cJ0)sA-uE_oI=Zr",
        "ALLOWED_HOSTS": "bedigitaltogether.example",
        "DJANGO_SETTINGS_MODULE": "bdt_site.settings.production",
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # required; reading settings does not connect
        "PATH": "/usr/bin:/bin",
        **(env or {}),
    }
    code = (
        "import json, sys, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({name: getattr(s, name) for name in sys.argv[1:]}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *names], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environ(*, drop=()):
    """This process's environment for a server, without pytest's variables (and the names in `drop`)."""
    return {
        key: value for key, value in os.environ.items() if not key.startswith("PYTEST") and key not in drop
    }


def copy_test_database(target, django_db_blocker):
    """The session's test database (its site, and what the current test wrote) into the SQLite file
    `target`. False, nothing copied, when the suite runs on another database than SQLite, or when no selected
    test uses the database (pytest-django then sets none up).

    When an asyncio loop runs in this thread (the browser tests' Playwright loop, once they ran), Django
    refuses database work here: the copy is then done in a thread of its own."""

    def copy():
        with django_db_blocker.unblock():
            connection.ensure_connection()
            if (
                connection.vendor != "sqlite"
                or "wagtailcore_page" not in connection.introspection.table_names()
            ):
                return False
            copy = sqlite3.connect(target)
            connection.connection.backup(copy)
            copy.close()
            return True

    def copy_in_its_own_thread():
        try:
            return copy()
        finally:
            connection.close()

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return copy()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(copy_in_its_own_thread).result()


def fetch(url, *, opener=None, data=None, timeout=10):
    """(status, body) of the answer to `url` (an address or a urllib Request, sent through `opener`); status 0
    and the error as body when no HTTP answer came at all."""
    try:
        with (opener or urllib.request.build_opener()).open(url, data=data, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
        return 0, repr(error).encode()


def _answers(url):
    return fetch(url, timeout=3)[0] == 200


class Server:
    def __init__(self, process, log, port):
        self.process, self.log, self.port = process, log, port
        self.base = f"http://127.0.0.1:{port}"

    def log_tail(self, chars=4000):
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-chars:]


@contextlib.contextmanager
def running_server(command, *, port, env, log_path, ready_path="/healthz", name="gunicorn", timeout=60):
    """Starts `command` (run in the repository with `env`, its output in `log_path`), waits until
    `ready_path` answers 200 on `port` (the test fails with the end of the log when it does not within
    `timeout` seconds), yields a Server, and stops the process after."""
    log = open(log_path, "w+b")  # noqa: SIM115 - closed at teardown
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(process, log, port)
    try:
        deadline = time.monotonic() + timeout
        while not _answers(server.base + ready_path):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{name} did not start:\n" + server.log_tail())
            time.sleep(0.3)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@contextlib.contextmanager
def side_by_side(*managers):
    """Enters the context managers `managers` (e.g. several running_server()) at the same time, each in a thread
    of its own, so their servers start side by side; yields their values in order and leaves them all after.
    When one of them fails to enter, those that did are left and its error is raised."""
    with contextlib.ExitStack() as stack:
        with ThreadPoolExecutor(max_workers=len(managers)) as pool:
            futures = [pool.submit(manager.__enter__) for manager in managers]
        values, errors = [], []
        for manager, future in zip(managers, futures, strict=True):
            if future.exception() is None:
                stack.push(manager.__exit__)
                values.append(future.result())
            else:
                errors.append(future.exception())
        if errors:
            raise errors[0]
        yield values


# --- The production profile: Redis, gunicorn and the shipped nginx ---------------------------------------


@contextlib.contextmanager
def redis_server(directory):
    """The URL of a Redis for a production-profile site: the one scripts/test.sh started (REDIS_URL), emptied
    first, or else one started here by scripts/redis.sh in `directory` and stopped after."""
    import redis

    shared = os.environ.get("REDIS_URL")
    if shared:
        redis.Redis.from_url(shared).flushdb()
        yield shared
        return
    env = {**os.environ, "REDIS_PORT": str(free_port()), "REDIS_DIR": str(directory)}
    started = subprocess.run(
        ["bash", "scripts/redis.sh", "start"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    if started.returncode != 0:
        pytest.fail("Redis did not start (scripts/redis.sh start):\n" + started.stdout + started.stderr)
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", "scripts/redis.sh", "stop"], cwd=ROOT, env=env, check=False, timeout=60)


def _database_appears(admin, name, seconds=120):
    """Whether the database `name` exists on `admin`'s server within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return True
        time.sleep(0.5)
    return False


@contextlib.contextmanager
def postgres_database():
    """The URL of a new PostgreSQL database, dropped after: on the PostgreSQL server scripts/test.sh started
    (POSTGRES_URL), or else on one started here by scripts/postgres.sh on a free port and stopped after. Empty,
    or on the server of scripts/test.sh a copy of the migrated template it names (TEST_DATABASE_TEMPLATE), once
    that is ready: `migrate` then only checks."""
    import psycopg

    server = os.environ.get("POSTGRES_URL")
    env = None
    if not server:
        env = {**os.environ, "PG_PORT": str(free_port())}
        env.pop("PG_DIR", None)  # its own /tmp/bdt-postgres-<port>, which the server's system user can reach
        started = subprocess.run(
            ["bash", "scripts/postgres.sh", "start"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if started.returncode != 0:
            pytest.fail(
                "PostgreSQL did not start (scripts/postgres.sh start):\n" + started.stdout + started.stderr
            )
        server = started.stdout.strip().splitlines()[-1]
    name = f"bdt_{secrets.token_hex(6)}"
    template = os.environ.get("TEST_DATABASE_TEMPLATE") if env is None else None
    try:
        with psycopg.connect(server, autocommit=True) as admin:
            if template and _database_appears(admin, template):
                admin.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
            else:
                admin.execute(f"CREATE DATABASE {name}")
        try:
            yield server.rsplit("/", 1)[0] + "/" + name
        finally:
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        if env is not None:
            subprocess.run(
                ["bash", "scripts/postgres.sh", "stop"], cwd=ROOT, env=env, check=False, timeout=60
            )


def production_environ(directory, *, database, redis_url, drop=()):
    """The environment of a site with the production settings on `database` (a SQLite file, or a database URL)
    and `redis_url`, its media and static files in `directory`, over plain HTTP on loopback (behind nginx, as
    in production)."""
    env = server_environ(drop=("DOCUMENTS_ACCEL_REDIRECT_URL", "CACHE_URL", "SENTRY_DSN", *drop))
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bdt_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DEBUG": "False",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "False",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": database if "://" in str(database) else f"sqlite:///{database}",
            "REDIS_URL": redis_url,
            "MEDIA_ROOT": str(Path(directory) / "media"),
            "STATIC_ROOT": str(Path(directory) / "static"),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


@contextlib.contextmanager
def nginx_in_front(directory, *, upstream_port, media, static):
    """The shipped deploy/nginx.conf (scripts/nginx.sh) in front of gunicorn on `upstream_port`, or of the pool
    of app servers on the ports of `upstream_port` when it is a list; yields {"port", "base"} and stops nginx
    after."""
    port = free_port()
    upstream_ports = upstream_port if isinstance(upstream_port, list | tuple) else [upstream_port]
    env = {
        **os.environ,
        "NGINX_DIR": str(directory),
        "NGINX_PORT": str(port),
        "NGINX_REDIRECT_PORT": str(free_port()),
        "NGINX_UPSTREAM": " ".join(f"127.0.0.1:{upstream}" for upstream in upstream_ports),
        "MEDIA_ROOT": str(media),
        "STATIC_ROOT": str(static),
    }
    started = subprocess.run(
        ["bash", "scripts/nginx.sh", "start"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    if started.returncode != 0:
        pytest.fail(
            "nginx with the shipped deploy/nginx.conf did not start (scripts/nginx.sh start):\n"
            + started.stdout[-2000:]
            + started.stderr[-3000:]
        )
    try:
        yield {"port": port, "base": f"http://127.0.0.1:{port}"}
    finally:
        subprocess.run(["bash", "scripts/nginx.sh", "stop"], cwd=ROOT, env=env, check=False, timeout=60)


def http_request(port, path, *, method="GET", cookies=None, form=None, headers=None):
    """One request to 127.0.0.1:`port`, no redirect followed: (status, headers, body bytes)."""
    sent = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    if cookies:
        sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form)
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def set_cookies(headers):
    """name -> value of the Set-Cookie headers of a response."""
    found = {}
    for header in headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        found[name.strip()] = rest.split(";", 1)[0]
    return found


def post_form(port, path, form=None, *, cookies=None, headers=None):
    """What a browser does with a form of the site: asks for the page at `path` on 127.0.0.1:`port`, then
    sends `form` to it with the page's CSRF token and the cookies it got (and `cookies`, `headers`). (status,
    headers, body text) of the answer to the POST."""
    cookies = dict(cookies or {})
    status, answer_headers, body = http_request(port, path, cookies=cookies, headers=headers)
    assert status == 200, (path, status)
    token = body.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    cookies.update(set_cookies(answer_headers))
    status, answer_headers, body = http_request(
        port,
        path,
        method="POST",
        cookies=cookies,
        headers=headers,
        form={**(form or {}), "csrfmiddlewaretoken": token},
    )
    return status, answer_headers, body.decode("utf-8", "replace")


def run_in_site(env, script, *args, timeout=300):
    """Runs the Python `script` (after django.setup()) in a process of its own with the site's `env`; returns
    the JSON its last line prints (the test fails with its error output otherwise)."""
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + script, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        pytest.fail(f"A script in the site's environment failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])
