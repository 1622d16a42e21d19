"""Admin upload of a trainings CSV: the same checks and import as `manage.py import_trainings`, for editors,
into the catalogue of the language chosen in the form (English unless chosen otherwise), and the template
to fill in (the export's columns, named in the editor's language).

Only users who may publish in a catalogue see the upload, and import only into a catalogue where they may. A
file is refused with a translated message (and a 400, nothing imported) when it is not UTF-8 CSV text, is over
MAX_BYTES or has over MAX_ROWS rows (the import runs within the request); a file with invalid rows lists every
error by row and column and imports nothing unless the editor asks for the valid rows."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import csv_format
from .csv_export import file_response
from .csv_import import REQUIRED, TrainingImporter
from .forms import TrainingImportForm
from .models import TrainingCatalogPage


def catalogue_in(language_code):
    return TrainingCatalogPage.objects.filter(locale__language_code=language_code).order_by("path").first()


def can_import(user, catalogue=None):
    """Whether `user` may import into `catalogue` or, without one, into any catalogue."""
    catalogues = [catalogue] if catalogue else TrainingCatalogPage.objects.order_by("path")
    return any(
        page is not None and page.permissions_for_user(user).can_publish_subpage() for page in catalogues
    )


def import_trainings(request):
    if not can_import(request.user):
        raise PermissionDenied
    errors, status = [], 200
    if request.method == "POST":
        form = TrainingImportForm(request.POST, request.FILES)
        if form.is_valid():
            catalogue = catalogue_in(form.cleaned_data["language"])
            if not can_import(request.user, catalogue):
                raise PermissionDenied
            skip_invalid = form.cleaned_data["skip_invalid"]
            result = TrainingImporter(catalogue).run(io.StringIO(form.cleaned_data["file"]), skip_invalid)
            if result.errors and not skip_invalid:
                errors, status = result.errors, 400
            else:
                messages.success(
                    request,
                    _("%(created)s created, %(updated)s updated, %(skipped)s rows with errors skipped.")
                    % {"created": result.created, "updated": result.updated, "skipped": result.skipped},
                )
                return redirect("trainings_import")
        else:
            status = 400
    else:
        form = TrainingImportForm()
    labels = dict(csv_format.COLUMNS)
    context = {
        "form": form,
        "errors": errors,
        "error_summary": ngettext(
            "%(count)s error found; nothing was imported. Fix the file and upload it again.",
            "%(count)s errors found; nothing was imported. Fix the file and upload it again.",
            len(errors),
        )
        % {"count": len(errors)},
        "required_columns": [labels[code] for code in REQUIRED],
        "optional_columns": [
            label
            for code, label in csv_format.COLUMNS
            if code not in REQUIRED and code not in csv_format.EXPORT_ONLY
        ],
    }
    return TemplateResponse(request, "trainings/admin/import.html", context, status=status)


def import_template(request):
    """The empty file to fill in: the header row of the export, in the editor's language."""
    if not can_import(request.user):
        raise PermissionDenied
    response = file_response("trainings-template.csv")
    csv.writer(response).writerow(csv_format.labels())
    return response
