"""Real servers for tests: a free port, the session's test database copied into a file a server can open, and
a server process (gunicorn, `manage.py runserver`) started in the repository, waited for, and stopped after."""

import asyncio
import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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


def production_settings(*names):
    """{name: value} of settings of the production profile, read in a process of its own (with only the
    variables production insists on), so nothing of the test settings leaks in."""
    env = {
        "SECRET_KEY": "x7#Lq9!vT2@pWm4^zR8&nB3*kY6%hD1+gF5(cJ0)sA-uE_oI=Zr",
        "ALLOWED_HOSTS": "bedigitaltogether.example",
        "DJANGO_SETTINGS_MODULE": "bdt_site.settings.production",
        "PATH": "/usr/bin:/bin",
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
    """The session's test database (demo content, and what the current test wrote) into the SQLite file
    `target`. False, nothing copied, when the suite runs on another database than SQLite.

    When an asyncio loop runs in this thread (the browser tests' Playwright loop, once they ran), Django
    refuses database work here: the copy is then done in a thread of its own."""

    def copy():
        with django_db_blocker.unblock():
            connection.ensure_connection()
            if connection.vendor != "sqlite":
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
