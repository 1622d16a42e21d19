"""`manage.py seed_benchmark --trainings N [--events N] [--role-models N] [--no-index]`.

Each kind of content is seeded by its app's benchmark module, whose `seed(n, index=...)` builds the pages
with the app's factories and inserts them in bulk (`home.benchmark.seed_pages`). Add a new kind by
appending to HOOKS.
"""

import importlib
import time

from django.core.management.base import BaseCommand, CommandError

# option name, seeding module, label
HOOKS = [
    ("trainings", "trainings.benchmark", "trainings"),
    ("events", "events.benchmark", "events"),
    ("role_models", "testimonials.benchmark", "role models"),
]


class Command(BaseCommand):
    help = "Create many realistic items quickly, for performance measurements (English only)."

    def add_arguments(self, parser):
        for option, _module, label in HOOKS:
            parser.add_argument(
                f"--{option.replace('_', '-')}", type=int, default=0, help=f"Number of {label}."
            )
        parser.add_argument("--no-index", action="store_true", help="Do not update the search index.")

    def handle(self, *args, **options):
        requested = [(option, module, label) for option, module, label in HOOKS if options[option]]
        if not requested:
            raise CommandError("Say how many items to create, e.g. --trainings 10000.")
        for option, _module, _label in requested:
            if options[option] < 0:
                raise CommandError(f"--{option.replace('_', '-')} must be positive.")
        for option, module_name, label in requested:
            count = options[option]
            started = time.monotonic()
            importlib.import_module(module_name).seed(count, index=not options["no_index"])
            self.stdout.write(f"{count} {label} created in {time.monotonic() - started:.1f} s.")
