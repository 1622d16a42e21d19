"""A real site for browser tests: gunicorn with the test settings on its own SQLite database, filled by
`migrate` and `load_demo_content`, and Debian's Chromium driven by Playwright."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.support import launch_browser, new_context

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_env(tmp_path_factory):
    """The environment the test site runs with (settings, its own database and media); `manage.py` commands run
    with it act on the site the browser sees."""
    workdir = tmp_path_factory.mktemp("site")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bdt_site.settings.test",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
    }


@pytest.fixture(scope="session")
def site_url(site_env):
    env = site_env
    workdir = Path(env["MEDIA_ROOT"]).parent
    for command in (["migrate", "--noinput", "-v0"], ["load_demo_content", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    port = _free_port()
    log = open(workdir / "server.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bdt_site.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/en/", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"The test site did not start; see {workdir / 'server.log'}")
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = new_context(browser)
    page = context.new_page()
    yield page
    context.close()
