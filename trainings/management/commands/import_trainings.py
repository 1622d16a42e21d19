from django.core.management.base import BaseCommand, CommandError

from trainings.csv_import import TrainingImporter
from trainings.models import TrainingCatalogPage


class Command(BaseCommand):
    help = (
        "Import trainings from a CSV file (the catalogue export's columns) into a catalogue, in its language. "
        "Every row is checked first; a file "
        "with errors imports nothing unless --skip-invalid is given. Rows are matched on their 'reference' "
        "column, so running the same file again updates instead of duplicating."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--catalogue", required=True, help="Page id or slug of the catalogue.")
        parser.add_argument("--skip-invalid", action="store_true", help="Import the valid rows anyway.")

    def handle(self, *args, **options):
        catalogues = TrainingCatalogPage.objects.order_by("path")
        value = options["catalogue"]
        catalogue = catalogues.filter(pk=int(value)).first() if value.isdigit() else None
        catalogue = catalogue or catalogues.filter(slug=value).first()
        if catalogue is None:
            raise CommandError(f"No training catalogue with id or slug {value!r}.")
        try:
            handle = open(options["file"], encoding="utf-8-sig", newline="")  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from None
        with handle:
            try:
                result = TrainingImporter(catalogue).run(handle, skip_invalid=options["skip_invalid"])
            except UnicodeDecodeError:
                raise CommandError("The file is not UTF-8 text.") from None
        for error in result.errors:
            self.stderr.write(error)
        if result.errors and not options["skip_invalid"]:
            raise CommandError(
                f"{len(result.errors)} error(s) found; nothing was imported. Fix the file or use --skip-invalid."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} created, {result.updated} updated, {result.skipped} invalid row(s) skipped."
            )
        )
