"""Scheduled publishing runs by itself: the task worker (`manage.py worker`, as `make run` and
deploy/bdt-worker.service start it) enqueues `publish_scheduled` at regular intervals, so a page an editor
scheduled goes live at its time without anyone running a command. The worker runs in a process of its own on a
copy of the test database (tests/test_tasks.py)."""

import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from home.models import HomePage, StandardPage
from tests.servers import ROOT
from tests.test_tasks import Site, moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(tmp_path, django_db_blocker):
    return Site(tmp_path, django_db_blocker)


def test_a_page_scheduled_two_seconds_ahead_goes_live_by_itself(site):
    home = HomePage.objects.get(locale__language_code="en")
    page = home.add_child(
        instance=StandardPage(
            title="Goes live by itself", slug="goes-live-by-itself", body=[("paragraph", "<p>On time.</p>")]
        )
    )
    page.unpublish()
    go_live_at = timezone.now() + timedelta(seconds=2)
    page.go_live_at = go_live_at
    page.save_revision().publish()  # what "Publish" does with a go-live date ahead: scheduled, not live
    page.refresh_from_db()
    assert not page.live
    assert page.revisions.filter(approved_go_live_at=go_live_at).exists()

    site.copy()
    env = site.environ(SCHEDULED_PUBLISHING_SECONDS="0.5")
    log = open(site.tmp_path / "worker.log", "w+")  # noqa: SIM115 - closed below
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        state = None
        while time.monotonic() < deadline and worker.poll() is None:
            state = site.row("SELECT live, last_published_at FROM wagtailcore_page WHERE id = ?", (page.pk,))
            if state["live"]:
                break
            time.sleep(0.2)
        log.seek(0)
        assert state is not None and state["live"], "not published within 30 s:\n" + log.read()[-3000:]
        published_at = moment(state["last_published_at"])
        assert go_live_at <= published_at < go_live_at + timedelta(seconds=5)
        assert (
            site.row(
                "SELECT COUNT(*) AS n FROM wagtailcore_pagelogentry WHERE page_id = ? AND action = ?",
                (page.pk, "wagtail.publish.scheduled"),
            )["n"]
            == 1
        )
    finally:
        worker.send_signal(signal.SIGTERM)  # as systemd stops it
        try:
            assert worker.wait(timeout=15) == 0  # it stops cleanly between tasks
        finally:
            if worker.poll() is None:
                worker.kill()
            log.close()
