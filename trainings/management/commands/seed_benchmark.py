"""`manage.py seed_benchmark --trainings N [--events N] [--role-models N]`.

Each kind of content is seeded by an optional hook module with a `seed(n)` function:
trainings.benchmark (this app), events.benchmark and testimonials.benchmark (when those apps provide
them). Add a new kind by appending to HOOKS.
"""

import importlib
import time

from django.core.management.base import BaseCommand, CommandError

# option name, hook module, label
HOOKS = [
    ("trainings", "trainings.benchmark", "trainings"),
    ("events", "events.benchmark", "events"),
    ("role_models", "testimonials.benchmark", "role models"),
]


def load_hook(module_name):
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            return None
        raise


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
        for option, module_name, label in requested:
            count = options[option]
            if count < 0:
                raise CommandError(f"--{option.replace('_', '-')} must be positive.")
            hook = load_hook(module_name)
            if hook is None:
                raise CommandError(f"Seeding {label} is not available yet ({module_name} does not exist).")
            started = time.monotonic()
            if option == "trainings":
                hook.seed(count, index=not options["no_index"])
            else:
                hook.seed(count)
            self.stdout.write(f"{count} {label} created in {time.monotonic() - started:.1f} s.")
