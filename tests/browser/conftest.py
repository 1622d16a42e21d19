"""A real site for browser tests: gunicorn with the test settings on its own SQLite database, a copy of the
session's test database (the browser tests are `demo` tests: the session has loaded the full demo content, as
`make run` does), and Debian's Chromium driven by Playwright. On another database than SQLite the site's file is
filled by `migrate` and `load_demo_content` instead."""

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.browser.pages import DIRECTORIES
from tests.browser.support import launch_browser, new_context, site_server_command
from tests.servers import ROOT, copy_test_database, free_port, running_server


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
        # The server's two workers and these commands share one cache, apart from other sites.
        "CACHE_URL": f"filecache://{workdir / 'cache'}",
    }


@pytest.fixture(scope="session")
def site_url(site_env, django_db_setup, django_db_blocker):
    env = site_env
    workdir = Path(env["MEDIA_ROOT"]).parent
    database = env["DATABASE_URL"].removeprefix("sqlite:///")
    if copy_test_database(database, django_db_blocker):
        from django.conf import settings  # the demo's images and documents, loaded by the session

        if Path(settings.MEDIA_ROOT).is_dir():
            shutil.copytree(settings.MEDIA_ROOT, env["MEDIA_ROOT"], dirs_exist_ok=True)
    else:
        for command in (["migrate", "--noinput", "-v0"], ["load_demo_content", "-v0"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    port = free_port()
    with running_server(
        site_server_command(port),
        port=port,
        env=env,
        log_path=workdir / "server.log",
        ready_path="/en/",
        name="The test site",
        timeout=30,
    ) as server:
        yield server.base


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """Chromium. The session's database is set up first: Django refuses database work in this thread once
    Playwright's event loop runs."""
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


@pytest.fixture(scope="session")
def contact_paths(site_url):
    """The first expert's contact form in each language, as linked from the directory."""
    paths = {}
    for lang, directory in DIRECTORIES.items():
        html = urllib.request.urlopen(site_url + directory, timeout=20).read().decode()
        paths[lang] = re.search(rf'href="(/{lang}/[^"]+/contact/)"', html).group(1)
    return paths
