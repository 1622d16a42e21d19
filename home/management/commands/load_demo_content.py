from django.core.management.base import BaseCommand

from home.charter_demo import load_signatories
from home.demo import DemoLoader, indexes_updated_once, load_site


class Command(BaseCommand):
    help = (
        "Load the demo content (pages, snippets and images in English, translated into French, Dutch and "
        "German with wagtail-localize) from the data files in each app's demo/ folder. Safe to run again: "
        "existing content is left as it is."
    )

    def handle(self, *args, **options):
        loader = DemoLoader(stdout=self.stdout)
        # No outer transaction: wagtail-localize publishes translated pages when their own transaction
        # commits, and each step below is atomic on its own; a re-run completes whatever is missing.
        with indexes_updated_once():
            loader.load("home", "vocabularies")
            loader.load("home", "organisations")
            loader.load("home", "figures")
            load_site(loader)
            load_signatories(loader)  # the charter's demo signatories, once its page exists
            loader.load("testimonials", "role_models")
            loader.load("trainings", "trainings")
            loader.load("trainings", "initiatives")
            loader.load("events", "events")
            loader.load("search", "synonyms")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {loader.created} objects created, {loader.translated} translations made."
            )
        )
