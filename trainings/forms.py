"""Forms of the trainings app."""

import csv
import io

from django import forms
from django.utils.translation import gettext_lazy as _

from home.languages import language_choices

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 200


class TrainingImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 text, a header row, then one training per row. At most 200 rows and 2 MB."),
        error_messages={"required": _("Choose a CSV file.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the trainings"),
        choices=language_choices,
        initial="en",
        required=False,
        help_text=_(
            "The trainings are published in this language’s catalogue, with its terms and organisations."
        ),
    )
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows even if other rows have errors"), required=False
    )

    def clean_language(self):
        """The language chosen, English when none is (a form posted without the field)."""
        return self.cleaned_data.get("language") or "en"

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
