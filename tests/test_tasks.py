"""The real task worker (django-tasks-db, `manage.py worker`) in a process of its own, on a copy of the test
database, sending to real SMTP servers started here: one that receives, one that accepts connections and never
answers, and a closed port.

With the worker stopped a contact request or an event submission is stored with its task and sent once the
worker runs; a hanging mail server never slows the contact page (the request only enqueues) and the message goes
out when the server is back; a message that keeps failing is tried again after a doubling wait, then recorded
as failed after N tries, and an editor's resend hands it to the worker again."""

import socket
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from events.models import EventSubmission
from testimonials.models import ContactRequest
from tests.servers import ROOT, free_port, server_environ
from tests.test_events_submissions import form_data, submit_url
from tests.test_testimonials import VALID, contact_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vocabularies", "experts", "general_pages")]

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


# -- SMTP servers -----------------------------------------------------------------------------------------
class _Receiver(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's SMTP backend: every message is kept as (sender, recipients, data)."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 test SMTP")
        sender, recipients = None, []
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb in {"EHLO", "HELO"}:
                self.reply("250 test")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip(), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go on")
                data = []
                while (chunk := self.rfile.readline()) not in {b".\r\n", b""}:
                    data.append(chunk)
                self.server.messages.append((sender, recipients, b"".join(data).decode(errors="replace")))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


class SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Receiver)
        self.messages = []
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def recipients(self):
        return sorted(address for _sender, recipients, _data in self.messages for address in recipients)


class HangingServer:
    """Accepts every connection and never says a word (a mail server that hangs)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                accepted, _address = self.sock.accept()
            except OSError:
                return
            self.connections.append(accepted)  # kept open, never answered

    def close(self):
        for accepted in self.connections:
            accepted.close()
        self.sock.close()


@pytest.fixture
def smtp():
    server = SmtpServer()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def hanging():
    server = HangingServer()
    yield server
    server.close()


# -- the site's database and its worker ----------------------------------------------------------------------
@pytest.fixture
def on_the_worker(settings):
    """This process enqueues on the database backend, as the site does (nothing runs in the request)."""
    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": DATABASE_BACKEND}}


class Site:
    """The test database copied into a file, a worker run on it with `environ`, and reads of that file."""

    def __init__(self, tmp_path, django_db_blocker):
        self.file = tmp_path / "site.sqlite3"
        self.tmp_path = tmp_path
        self.django_db_blocker = django_db_blocker

    def copy(self):
        """The in-memory test database as this test sees it, uncommitted rows included, into the file. (SQLite's
        backup API, tests.servers.copy_test_database, waits forever once the test has written: the source
        connection holds a write transaction.) The PostgreSQL pass of `make test` skips, as tests/test_cache.py
        does: these tests ran on the SQLite pass."""
        with self.django_db_blocker.unblock():
            connection.ensure_connection()
            if connection.vendor != "sqlite":
                pytest.skip("runs its worker on a copy of the SQLite test database")
            self.file.write_bytes(connection.connection.serialize())

    def environ(self, **extra):
        env = server_environ(drop=("TEST_TASKS_BACKEND", "TEST_EMAIL_BACKEND"))
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "bdt_site.settings.test",
                "DATABASE_URL": f"sqlite:///{self.file}",
                "TEST_TASKS_BACKEND": DATABASE_BACKEND,
                "TEST_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_TIMEOUT": "1",
                "EMAIL_RETRY_SECONDS": "1",
                "EMAIL_DELIVERY_ATTEMPTS": "3",
            }
        )
        env.update({key: str(value) for key, value in extra.items()})
        return env

    def run_worker_once(self, **extra):
        """`manage.py worker --batch`: runs every task that is due, then exits."""
        result = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "worker",
                "--batch",
                "--no-startup-delay",
                "--no-reload",
                "-v",
                "2",
            ],
            cwd=ROOT,
            env=self.environ(**extra),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
        return result.stdout + result.stderr

    def row(self, sql, params=()):
        with sqlite3.connect(self.file) as db:
            db.row_factory = sqlite3.Row
            return db.execute(sql, params).fetchone()

    def delivery(self, table, pk):
        return self.row(
            f"SELECT delivery_status, delivery_attempts, delivery_error, delivery_attempted_at FROM {table} "
            "WHERE id = ?",
            (pk,),
        )

    def waiting_tasks(self):
        with sqlite3.connect(self.file) as db:
            return db.execute(
                "SELECT task_path, run_after FROM django_tasks_database_dbtaskresult WHERE status = 'READY'"
            ).fetchall()


@pytest.fixture
def site(tmp_path, django_db_blocker):
    return Site(tmp_path, django_db_blocker)


def moment(value):
    """A datetime as SQLite holds it (UTC, without zone) made aware."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def wait_until_due(run_after):
    """Sleeps until a task's `run_after` has passed (a task not deferred holds the largest date: due now)."""
    due = moment(run_after)
    if due.year < 9999:
        time.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()) + 0.2)


# -- tests ------------------------------------------------------------------------------------------------
def test_with_the_worker_stopped_a_contact_request_waits_and_is_sent_once_it_runs(
    client, on_the_worker, site, smtp
):
    response = client.post(contact_url("nl", "sofie-vermeulen"), VALID)
    assert response.status_code == 302
    stored = ContactRequest.objects.get(email="anne@example.com")
    assert (stored.delivery_status, stored.delivery_attempts) == ("queued", 0)
    assert not mail.outbox and not smtp.messages  # nothing sent in the request
    assert DBTaskResult.objects.filter(task_path="home.tasks.deliver_emails", status="READY").count() == 1

    site.copy()
    site.run_worker_once(EMAIL_PORT=smtp.port)

    assert smtp.recipients() == sorted(
        ["sofie-vermeulen@example.org", "editors@localhost", "anne@example.com"]
    )
    status, attempts, error, _at = site.delivery("testimonials_contactrequest", stored.pk)
    assert (status, attempts, error) == ("sent", 1, "")
    assert not site.waiting_tasks()
    # In the language she wrote in (Dutch).
    assert any("wil Sofie Vermeulen contacteren" in data for _s, _r, data in smtp.messages)


def test_with_the_worker_stopped_an_event_submission_waits_and_is_sent_once_it_runs(
    client, on_the_worker, site, smtp
):
    response = client.post(submit_url("fr"), form_data(title="Atelier en file d'attente", languages=["fr"]))
    assert response.status_code == 200
    # The thank-you page tells the truth: the confirmation is on its way, not sent yet.
    text = response.content.decode()
    assert "Nous vous envoyons une confirmation par e-mail" in text
    assert "Nous vous avons envoyé une confirmation" not in text
    submission = EventSubmission.objects.get(event_title="Atelier en file d'attente")
    assert submission.delivery_status == "queued"
    assert not mail.outbox

    site.copy()
    site.run_worker_once(EMAIL_PORT=smtp.port)

    assert smtp.recipients() == ["anna@example.org", "editors@localhost"]
    assert site.delivery("events_eventsubmission", submission.pk)[:3] == ("sent", 1, "")


def test_a_hanging_mail_server_never_slows_the_contact_page_and_the_message_goes_out_when_it_is_back(
    client, on_the_worker, settings, site, hanging, smtp
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", hanging.port, 5

    started = time.monotonic()
    response = client.post(contact_url("en", "julia-weber"), VALID)
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    # Well under the mail server's 5-s timeout (a loaded 2-core machine can take a second), and no connection
    # to it at all: the request never waits on the mail server.
    assert elapsed < 3, f"the contact page took {elapsed:.2f} s"
    assert not hanging.connections  # the request never spoke to the mail server
    stored = ContactRequest.objects.get(email="anne@example.com")

    # The worker meets the hanging server: every message times out (EMAIL_TIMEOUT=1), it is tried later.
    site.copy()
    site.run_worker_once(EMAIL_PORT=hanging.port)
    status, attempts, error, attempted_at = site.delivery("testimonials_contactrequest", stored.pk)
    assert (status, attempts) == ("queued", 1)
    assert "timed out" in error
    [(task, run_after)] = site.waiting_tasks()
    assert task == "home.tasks.deliver_emails"
    wait = (moment(run_after) - moment(attempted_at)).total_seconds()
    assert 0.9 < wait < 2  # EMAIL_RETRY_SECONDS=1

    # The mail server is back: the next run (once the wait is over) sends every message.
    wait_until_due(run_after)
    site.run_worker_once(EMAIL_PORT=smtp.port)
    assert smtp.recipients() == sorted(["julia-weber@example.org", "editors@localhost", "anne@example.com"])
    assert site.delivery("testimonials_contactrequest", stored.pk)[:3] == ("sent", 2, "")


def test_tries_again_after_a_doubling_wait_then_fails_after_n_tries(client, on_the_worker, site):
    closed_port = free_port()  # nothing listens there: each try is refused at once
    response = client.post(contact_url("en", "julia-weber"), VALID)
    assert response.status_code == 302
    stored = ContactRequest.objects.get(email="anne@example.com")
    site.copy()

    waits = []
    for attempt in (1, 2, 3):  # EMAIL_DELIVERY_ATTEMPTS=3
        tasks = site.waiting_tasks()
        assert len(tasks) == 1
        wait_until_due(tasks[0][1])
        site.run_worker_once(EMAIL_PORT=closed_port)
        status, attempts, error, attempted_at = site.delivery("testimonials_contactrequest", stored.pk)
        assert attempts == attempt
        assert "refused" in error.lower()
        if attempt < 3:
            assert status == "queued"
            [(_task, run_after)] = site.waiting_tasks()
            waits.append((moment(run_after) - moment(attempted_at)).total_seconds())
    assert status == "failed"
    assert not site.waiting_tasks()  # no further try
    assert 0.9 < waits[0] < 1.5 and 1.9 < waits[1] < 2.5  # 1 s, then 2 s


def test_an_editors_resend_hands_the_failed_e_mails_to_the_worker(
    client, on_the_worker, site, smtp, django_user_model
):
    stored = ContactRequest.objects.create(
        expert_name="Julia Weber", name="Anne", email="anne@example.com", purpose="speaking", message="Hello"
    )
    ContactRequest.objects.filter(pk=stored.pk).update(
        delivery_status="failed", delivery_attempts=3, delivery_error="relay down"
    )
    editor = django_user_model.objects.create_user("editor-r", "r@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.post(reverse("contact_requests:resend", args=[stored.pk]), follow=True)
    assert "are queued; they will be sent in the background" in response.content.decode()
    stored.refresh_from_db()
    assert (stored.delivery_status, stored.delivery_attempts) == ("queued", 0)  # a fresh series of tries
    assert not mail.outbox
    # A second click while it waits queues nothing more.
    client.post(reverse("contact_requests:resend", args=[stored.pk]))
    assert DBTaskResult.objects.filter(task_path="home.tasks.deliver_emails", status="READY").count() == 1

    site.copy()
    site.run_worker_once(EMAIL_PORT=smtp.port)
    assert smtp.recipients() == ["anne@example.com", "editors@localhost"]  # no expert linked: editors only
    assert site.delivery("testimonials_contactrequest", stored.pk)[:3] == ("sent", 1, "")


def test_a_hanging_mail_server_never_slows_an_event_submission_nor_wagtails_moderation_e_mails(
    client, on_the_worker, settings, site, hanging, smtp, django_user_model
):
    """Starting the moderation workflow makes Wagtail e-mail the moderators: through the worker as well."""
    moderator = django_user_model.objects.create_user("moderator-h", "moderator-h@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", hanging.port, 5

    started = time.monotonic()
    response = client.post(submit_url("de"), form_data(title="Trotz hängendem Mailserver"))
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    # Well under the mail server's 5-s timeout (a loaded 2-core machine can take a second), and no connection
    # to it at all (below): the request never waits on the mail server.
    assert elapsed < 3, f"the submission took {elapsed:.2f} s"
    assert not hanging.connections
    # The submission's e-mails, and Wagtail's "submitted" notices (task and workflow), all waiting.
    tasks = set(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))
    assert tasks == {"home.tasks.deliver_emails", "home.tasks.send_workflow_notification"}

    site.copy()
    site.run_worker_once(EMAIL_PORT=smtp.port)
    recipients = smtp.recipients()
    assert "moderator-h@example.org" in recipients  # Wagtail's "submitted for moderation" e-mail
    assert {"anna@example.org", "editors@localhost"} <= set(recipients)
