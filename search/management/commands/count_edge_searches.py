"""`manage.py count_edge_searches [--log PATH]`: counts the searches nginx logged since the last run
(search/edge_log.py). Run every minute in production (deploy/bdt-count-searches.timer)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.edge_log import CountingFailed, count_new_searches


class Command(BaseCommand):
    help = "Count the searches nginx logged (deploy/nginx.conf) since the last run, in Wagtail's search statistics."

    def add_arguments(self, parser):
        parser.add_argument(
            "--log",
            default=settings.EDGE_SEARCH_LOG,
            help="nginx's log of search requests (default: the EDGE_SEARCH_LOG setting, %(default)s)",
        )

    def handle(self, *args, log, verbosity, **options):
        if not Path(log).exists():
            self.stderr.write(f"No log at {log}: is nginx writing its searches there (deploy/nginx.conf)?")
        try:
            outcome = count_new_searches(log)
        except (CountingFailed, OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        if outcome is None:
            self.stderr.write(f"Another run is counting {log}: nothing done.")
            return
        if verbosity:
            self.stdout.write(
                f"Counted {outcome.searches} of {outcome.lines} new lines of {log} as searches"
                + (f" ({outcome.malformed} unreadable, skipped)." if outcome.malformed else ".")
            )
