"""Admin upload of a trainings CSV: the same checks and import as `manage.py import_trainings`, for editors.

Only users who may publish in the English catalogue see it. A file is refused with a translated message (and
a 400, nothing imported) when it is not UTF-8 CSV text, is over MAX_BYTES or has over MAX_ROWS rows (the
import runs within the request); a file with invalid rows lists every error by row and column and imports
nothing unless the editor asks for the valid rows."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .csv_import import COLUMNS, REQUIRED, TrainingImporter
from .forms import TrainingImportForm
from .models import TrainingCatalogPage


def english_catalogue():
    return TrainingCatalogPage.objects.filter(locale__language_code="en").order_by("path").first()


def can_import(user, catalogue=None):
    catalogue = catalogue or english_catalogue()
    return catalogue is not None and catalogue.permissions_for_user(user).can_publish_subpage()


def import_trainings(request):
    catalogue = english_catalogue()
    if not can_import(request.user, catalogue):
        raise PermissionDenied
    errors, status = [], 200
    if request.method == "POST":
        form = TrainingImportForm(request.POST, request.FILES)
        if form.is_valid():
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
    context = {
        "form": form,
        "errors": errors,
        "error_summary": ngettext(
            "%(count)s error found; nothing was imported. Fix the file and upload it again.",
            "%(count)s errors found; nothing was imported. Fix the file and upload it again.",
            len(errors),
        )
        % {"count": len(errors)},
        "catalogue": catalogue,
        "required_columns": REQUIRED,
        "optional_columns": [column for column in COLUMNS if column not in REQUIRED],
    }
    return TemplateResponse(request, "trainings/admin/import.html", context, status=status)
