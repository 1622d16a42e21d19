"""Prepare the unfiltered listings for the current content (home.listing.prepare_unfiltered_listings): what
the task worker does after every change of content, in one run. For scripts (`make bench`) and for a site
run without the worker."""

import time

from django.core.management.base import BaseCommand

from home.listing import prepare_unfiltered_listings


class Command(BaseCommand):
    help = "Compute and keep the counts and first page of every unfiltered listing, in every language."

    def handle(self, *args, **options):
        started = time.perf_counter()
        prepared = prepare_unfiltered_listings()
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{prepared} listings prepared in {elapsed:.2f} s")
