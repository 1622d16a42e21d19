"""The site's task worker: django-tasks-db's `db_worker` on the "background" backend (e-mails), and, every
settings.SCHEDULED_PUBLISHING_SECONDS, scheduled publishing enqueued for it (home.tasks); once a day, the
purge of personal data past its retention period.

`make run` starts it beside the dev server; deploy/bdt-worker.service runs it in production. The options are
db_worker's (`--batch` runs what is due and exits); the backend defaults to "background"."""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

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
            threading.Thread(
                target=scheduling_loop,
                args=(settings.SCHEDULED_PUBLISHING_SECONDS,),
                name="scheduled-publishing",
                daemon=True,
            ).start()
        return super().handle(*args, **options)
