import importlib

from django.core.management.base import BaseCommand

from home.demo import DemoLoader

# Each app contributes its demo content through a `demo_content.load(loader)` function, in this order.
DEMO_MODULES = [
    "home.demo_content",
    "testimonials.demo_content",
    "trainings.demo_content",
    "events.demo_content",
]


class Command(BaseCommand):
    help = (
        "Load the demo content (pages, snippets and images in English, translated into French, Dutch and "
        "German with wagtail-localize). Safe to run again: existing content is left as it is."
    )

    def handle(self, *args, **options):
        loader = DemoLoader(stdout=self.stdout)
        # No outer transaction: wagtail-localize publishes translated pages when their own transaction
        # commits, and each step below is atomic on its own; a re-run completes whatever is missing.
        for module_name in DEMO_MODULES:
            importlib.import_module(module_name).load(loader)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {loader.created} objects created, {loader.translated} translations made."
            )
        )
