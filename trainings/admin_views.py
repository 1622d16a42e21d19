"""Admin upload of a trainings CSV: the same checks and import as `manage.py import_trainings`, for editors.

Only users who may publish in the English catalogue see it. A file is refused with a translated message (and
a 400, nothing imported) when it is not UTF-8 CSV text, is over MAX_BYTES or has over MAX_ROWS rows (the
import runs within the request); a file with invalid rows lists every error by row and column and imports
nothing unless the editor asks for the valid rows."""

import csv
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .csv_import import COLUMNS, REQUIRED, TrainingImporter
from .models import TrainingCatalogPage

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 200


def english_catalogue():
    return TrainingCatalogPage.objects.filter(locale__language_code="en").order_by("path").first()


def can_import(user, catalogue=None):
    catalogue = catalogue or english_catalogue()
    return catalogue is not None and catalogue.permissions_for_user(user).can_publish_subpage()


class TrainingImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 text, a header row, then one training per row. At most 200 rows and 2 MB."),
        error_messages={"required": _("Choose a CSV file.")},
    )
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows even if other rows have errors"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        raw = upload.read()
        not_csv = _("This is not a CSV file: save it as “CSV UTF-8” and upload it again.")
        if b"\x00" in raw:
            raise forms.ValidationError(not_csv)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("The file is not UTF-8 text: save it as “CSV UTF-8” and upload it again.")
            ) from None
        try:
            rows = sum(1 for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row))
        except csv.Error:
            raise forms.ValidationError(not_csv) from None
        if rows - 1 > MAX_ROWS:
            raise forms.ValidationError(_("The file has more than 200 rows: split it into smaller files."))
        return text


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
