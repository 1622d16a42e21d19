"""The site's task worker: django-tasks-db's `db_worker` on the "background" backend (e-mails), and, every
settings.SCHEDULED_PUBLISHING_SECONDS, scheduled publishing enqueued for it (home.tasks); once a day, the
purge of personal data past its retention period. Within settings.LISTINGS_PREPARE_SECONDS of every change of
content (and of every new minute, the events' moment), it prepares the unfiltered listings
(home.listing.prepare_unfiltered_listings), so that visitors do not compute them.

`make run` starts it beside the dev server; deploy/bdt-worker.service runs it in production. The options are
db_worker's (`--batch` runs what is due and exits); the backend defaults to "background"."""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from bdt_site import content_version
from home.listing import prepare_unfiltered_listings
from home.tasks import BACKEND, schedule_publishing, schedule_purge

logger = logging.getLogger(__name__)


def scheduling_loop(interval):
    """Runs in a daemon thread of the worker, until the worker exits."""
    while True:
        try:
            schedule_publishing()
            schedule_purge()  # once a day: personal data past its retention period (home/retention.py)
        except Exception:  # noqa: BLE001 - a busy or unreachable database: the next round tries again
            logger.exception("Scheduled publishing or purge not enqueued")
        finally:
            close_old_connections()
        time.sleep(interval)


def prepare_listings_if_changed(prepared_for):
    """Prepare the unfiltered listings unless neither the content version nor the minute has changed since
    `prepared_for` (the state this returns; checking costs one read of the version, no SQL)."""
    state = (content_version.current(), timezone.now().replace(second=0, microsecond=0))
    if state != prepared_for:
        prepare_unfiltered_listings()
    return state


def preparing_loop(interval):
    """Runs in a daemon thread of the worker, until the worker exits."""
    prepared_for = None
    while True:
        try:
            prepared_for = prepare_listings_if_changed(prepared_for)
        except Exception:  # noqa: BLE001 - the next round tries again; visitors compute what is missing
            logger.exception("Unfiltered listings not prepared")
        finally:
            close_old_connections()
        time.sleep(interval)


class Command(DbWorkerCommand):
    help = "Run the task worker (e-mails) and enqueue scheduled publishing at regular intervals."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(backend_name=BACKEND)

    def handle(self, *args, **options):
        # With --reload the command runs twice: a watcher and the worker (DJANGO_AUTORELOAD_ENV set); only
        # the worker schedules. A --batch run only works off what is due.
        reloading_parent = options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if not options["batch"] and not reloading_parent:
            for name, loop, interval in (
                ("scheduled-publishing", scheduling_loop, settings.SCHEDULED_PUBLISHING_SECONDS),
                ("listings", preparing_loop, settings.LISTINGS_PREPARE_SECONDS),
            ):
                threading.Thread(target=loop, args=(interval,), name=name, daemon=True).start()
        return super().handle(*args, **options)
