"""Bulk import of trainings from CSV, used by `manage.py import_trainings` and the admin upload.

The file is the one the catalogue's CSV export writes (trainings/csv_format.py): a header row naming the
columns by label in any site language or by code, then one training per row, with names in any site language
or codes. Required columns: reference, title, format, level, region, languages. The trainings are made in the
target catalogue's language, linked to that language's terms and organisations.

Every row is validated first. With errors, nothing is imported unless `skip_invalid` is set, in which
case the valid rows are. Rows are keyed on `reference`: a re-run updates the training it created (a training
exported without a reference of its own carries its slug, and is found by it). A description whose text is
the stored one keeps its formatting.
Error messages ("row 3, column Format: …", the column as the file names it) are in the active language:
English on the command line, the editor's language in the admin upload (trainings/admin_views.py).
"""

import csv
import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from home.languages import language_codes
from home.models import CompetenceArea, Format, Level, Organisation, Region, TargetGroup
from home.text import unquote

from . import csv_format
from .models import Facility, TrainingPage, TrainingPageSession

REQUIRED = ["reference", "title", "format", "level", "region", "languages"]
# Every column the import reads, in the order of the file (the export's own columns).
COLUMNS = [code for code, _label in csv_format.COLUMNS if code not in csv_format.EXPORT_ONLY]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list = field(default_factory=list)


class RowError(Exception):
    pass


def row_error(number, column, message):
    return _("row %(row)s, column %(column)s: %(message)s") % {
        "row": number,
        "column": column,
        "message": message,
    }


def _unknown(value, allowed):
    return RowError(
        _("unknown value “%(value)s” (allowed: %(allowed)s)")
        % {"value": value, "allowed": ", ".join(allowed)}
    )


def _too_long(limit):
    return RowError(_("at most %(limit)s characters") % {"limit": limit})


class Names:
    """The objects of a translatable model, found by slug or by name in any language (case-insensitively),
    each given in the target locale."""

    def __init__(self, model, locale):
        self.by_key = {}
        names = {}
        objects = list(model.objects.all())
        for obj in objects:
            if obj.locale_id == locale.pk:
                self.by_key[obj.translation_key] = obj
        # Names of the target locale win over the same words in another language.
        for obj in sorted(objects, key=lambda obj: obj.locale_id == locale.pk):
            names[obj.slug.casefold()] = obj.translation_key
            names[obj.name.strip().casefold()] = obj.translation_key
        self.names = names

    def allowed(self):
        return sorted(obj.name for obj in self.by_key.values())

    def get(self, raw):
        key = self.names.get(raw.strip().casefold())
        if key is None or key not in self.by_key:
            raise _unknown(raw, self.allowed())
        return self.by_key[key]


class TrainingImporter:
    def __init__(self, catalogue):
        self.catalogue = catalogue
        locale = catalogue.locale
        self.organisations = Names(Organisation, locale)
        self.formats, self.levels, self.regions = (
            Names(Format, locale),
            Names(Level, locale),
            Names(Region, locale),
        )
        self.areas, self.audiences = Names(CompetenceArea, locale), Names(TargetGroup, locale)
        self.languages = csv_format.language_names()
        self.facilities = csv_format.choice_names(Facility)

    # -- validation -----------------------------------------------------------------------------------
    def parse(self, rows, names=None):
        """Return (valid [(row number, data)], errors ['row N, column X: message']); `rows` are (number,
        {column code: cell}), `names` the columns as the file names them."""
        names = names or {}
        valid, errors = [], []
        references = {}
        for number, row in rows:
            row_errors = []
            data = {}
            for column in [*COLUMNS, "free", "price"]:
                raw = unquote((row.get(column) or "").strip())
                try:
                    data[column] = self.clean(column, raw)
                except RowError as error:
                    row_errors.append(row_error(number, names.get(column, column), error))
            if not row_errors:
                try:
                    self.settle_cost(data, row)
                except RowError as error:
                    column = "cost" if "cost" in row else "price"
                    row_errors.append(row_error(number, names.get(column, column), error))
            reference = data.get("reference")
            if reference and reference in references:
                message = _("same reference as row %(row)s") % {"row": references[reference]}
                row_errors.append(row_error(number, names.get("reference", "reference"), message))
            elif reference:
                references[reference] = number
            if row_errors:
                errors.extend(row_errors)
            else:
                valid.append((number, data))
        return valid, errors

    @staticmethod
    def settle_cost(data, row):
        """is_free and price from the cost column ("free" or an amount) or, in older files, free and price."""
        if "cost" in row:
            data["free"], data["price"] = data["cost"]
        elif data["free"] and data["price"]:
            raise RowError(_("a free training has no price"))
        elif not data["free"] and data["price"] is None:
            raise RowError(_("give a price or set free to yes"))

    def clean(self, column, raw):  # noqa: C901 - one branch per column is the clearest
        if column in REQUIRED and not raw:
            raise RowError(_("this column is required"))
        limits = {
            "reference": 100,
            "title": 255,
            "summary": 400,
            "duration": 100,
            "certification": 200,
            "venue": 255,
        }
        if column in limits and len(raw) > limits[column]:
            raise _too_long(limits[column])
        if column == "provider":
            return self.organisations.get(raw) if raw else None
        if column in ("format", "level", "region"):
            return {"format": self.formats, "level": self.levels, "region": self.regions}[column].get(raw)
        if column in ("competence_areas", "target_groups"):
            names = self.areas if column == "competence_areas" else self.audiences
            return [names.get(value) for value in csv_format.split_list(raw)]
        if column in ("languages", "facilities"):
            names = self.languages if column == "languages" else self.facilities
            allowed = language_codes() if column == "languages" else Facility.values
            values = []
            for value in csv_format.split_list(raw):
                if value.casefold() not in names:
                    raise _unknown(value, allowed)
                values.append(names[value.casefold()])
            return values
        if column in ("women_only", "free"):
            flag = csv_format.truth(raw)
            if flag is None:
                raise RowError(_("use yes or no"))
            return flag
        if column == "price":
            return self.amount(raw)
        if column == "cost":
            if csv_format.is_free_word(raw):
                return True, None
            return False, self.amount(csv_format.price_text(raw))
        if column == "registration_url":
            if raw:
                try:
                    URLValidator(schemes=["http", "https"])(raw)
                except ValidationError:
                    raise RowError(_("not a valid web address")) from None
            return raw
        if column == "sessions":
            return self.sessions(raw)
        return raw

    @staticmethod
    def amount(raw):
        if not raw:
            return None
        try:
            price = Decimal(raw.replace(",", "."))
        except InvalidOperation:
            raise RowError(_("not a number")) from None
        if price < 0 or price >= Decimal("1000000") or price.as_tuple().exponent < -2:
            raise RowError(_("must be between 0 and 999999.99 euro, with at most two decimals"))
        return price

    @staticmethod
    def sessions(raw):
        sessions = []
        for part in csv_format.split_list(raw):
            dates, _at, location = part.partition("@")
            start, _slash, end = dates.strip().partition("/")
            try:
                start_date = datetime.date.fromisoformat(start.strip())
                end_date = datetime.date.fromisoformat(end.strip()) if end.strip() else None
            except ValueError:
                message = _("“%(value)s” is not YYYY-MM-DD/YYYY-MM-DD@place") % {"value": part}
                raise RowError(message) from None
            if end_date and end_date < start_date:
                raise RowError(_("“%(value)s” ends before it starts") % {"value": part})
            sessions.append((start_date, end_date, location.strip()[:255]))
        return sessions

    # -- writing --------------------------------------------------------------------------------------
    def run(self, handle, skip_invalid=False):
        result = ImportResult()
        reader = csv.reader(handle)
        header = next(reader, [])
        codes = csv_format.column_codes(header)
        names = {code: header[position].strip() for position, code in codes.items()}
        present = set(codes.values())
        missing = [name for name in REQUIRED if name not in present]
        if "cost" not in present and "free" not in present:
            missing.append("cost")
        if missing:
            result.errors = [row_error(1, name, _("missing from the header row")) for name in missing]
            return result
        rows = []
        for number, cells in enumerate(reader, start=2):
            if any(cell.strip() for cell in cells):
                rows.append((number, {code: cells[pos] for pos, code in codes.items() if pos < len(cells)}))
        valid, errors = self.parse(rows, names)
        result.errors = errors
        if errors and not skip_invalid:
            return result
        with transaction.atomic():
            for number, data in valid:
                try:
                    with transaction.atomic():
                        created = self.save(data)
                except ValidationError as error:
                    result.errors.append(self.save_error(number, error))
                    continue
                if created:
                    result.created += 1
                else:
                    result.updated += 1
            if result.errors and not skip_invalid:
                # A row refused when saved: nothing of the file is kept.
                transaction.set_rollback(True)
                result.created = result.updated = 0
                return result
        result.skipped = len(rows) - result.created - result.updated
        return result

    @staticmethod
    def save_error(number, error):
        messages = []
        for field_name, field_errors in error.message_dict.items() if hasattr(error, "error_dict") else []:
            messages.extend(f"{field_name}: {message}" for message in field_errors)
        message = "; ".join(messages or error.messages)
        return _("row %(row)s: %(message)s") % {"row": number, "message": message}

    def find(self, reference):
        """The catalogue's training with this reference, or (an exported training without one) this slug."""
        trainings = TrainingPage.objects.child_of(self.catalogue)
        page = trainings.filter(external_reference=reference).first()
        return page or trainings.filter(external_reference="", slug=reference).first()

    def save(self, data):
        page = self.find(data["reference"])
        created = page is None
        if created:
            page = TrainingPage(locale=self.catalogue.locale)
        page.external_reference = data["reference"]
        page.title = data["title"]
        page.introduction = data["summary"]
        if data["description"] != csv_format.description_text(page.description):
            page.description = csv_format.description_html(data["description"])
        page.provider = data["provider"]
        page.format, page.level, page.region = data["format"], data["level"], data["region"]
        page.competence_areas = data["competence_areas"]
        page.target_groups = data["target_groups"]
        page.languages = data["languages"]
        page.facilities = data["facilities"]
        page.women_only = data["women_only"]
        page.is_free = data["free"]
        page.price = data["price"]
        for name in ("duration", "venue", "registration_url", "certification"):
            setattr(page, name, data[name])
        page.sessions = [
            TrainingPageSession(start_date=start, end_date=end, location=location, sort_order=index)
            for index, (start, end, location) in enumerate(data["sessions"])
        ]
        if created:
            self.catalogue.add_child(instance=page)
        page.save_revision().publish()
        return created
