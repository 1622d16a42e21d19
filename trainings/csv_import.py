"""Bulk import of trainings from CSV (English), used by `manage.py import_trainings`.

Columns (header row required; `reference`, `title`, `provider`, `format`, `level`, `region`,
`languages` are mandatory): reference, title, summary, description, provider (organisation slug),
format, level, region (term slugs), competence_areas, target_groups (term slugs separated by ';'),
languages (codes en/fr/nl/de separated by ';'), women_only (yes/no), free (yes/no), price (euro),
duration, venue, registration_url, certification, facilities (codes separated by ';'),
sessions ('YYYY-MM-DD/YYYY-MM-DD@location' separated by ';').

Every row is validated first. With errors, nothing is imported unless `skip_invalid` is set, in which
case the valid rows are. Rows are keyed on `reference`: a re-run updates the training it created.
Error messages ("row 3, column format: …") are in the active language: English on the command line, the
editor's language in the admin upload (trainings/admin_views.py).
"""

import csv
import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.languages import language_codes
from home.models import CompetenceArea, Format, Level, Organisation, Region, TargetGroup

from .models import Facility, TrainingPage, TrainingPageSession

REQUIRED = ["reference", "title", "provider", "format", "level", "region", "languages"]
COLUMNS = [
    *REQUIRED,
    "summary",
    "description",
    "competence_areas",
    "target_groups",
    "women_only",
    "free",
    "price",
    "duration",
    "venue",
    "registration_url",
    "certification",
    "facilities",
    "sessions",
]
TRUE, FALSE = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}


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


def _split(value):
    return [part.strip() for part in (value or "").split(";") if part.strip()]


class TrainingImporter:
    def __init__(self, catalogue):
        self.catalogue = catalogue
        english = Locale.objects.get(language_code="en")
        self.english = english

        def terms(model):
            return {t.slug: t for t in model.objects.filter(locale=english)}

        self.organisations = terms(Organisation)
        self.formats, self.levels, self.regions = terms(Format), terms(Level), terms(Region)
        self.areas, self.audiences = terms(CompetenceArea), terms(TargetGroup)

    # -- validation -----------------------------------------------------------------------------------
    def parse(self, rows):
        """Return (valid [(row number, data)], errors ['row N, column X: message'])."""
        valid, errors = [], []
        references = {}
        for number, row in rows:
            row_errors = []
            data = {}
            for column in COLUMNS:
                raw = (row.get(column) or "").strip()
                try:
                    data[column] = self.clean(column, raw)
                except RowError as error:
                    row_errors.append(row_error(number, column, error))
            reference = data.get("reference")
            if reference and reference in references:
                message = _("same reference as row %(row)s") % {"row": references[reference]}
                row_errors.append(row_error(number, "reference", message))
            elif reference:
                references[reference] = number
            if not row_errors:
                if data["free"] and data["price"]:
                    row_errors.append(row_error(number, "price", _("a free training has no price")))
                elif not data["free"] and data["price"] is None:
                    row_errors.append(row_error(number, "price", _("give a price or set free to yes")))
            if row_errors:
                errors.extend(row_errors)
            else:
                valid.append((number, data))
        return valid, errors

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
        if column in ("reference", "title", "summary"):
            return raw
        if column in ("provider", "format", "level", "region"):
            mapping = {
                "provider": self.organisations,
                "format": self.formats,
                "level": self.levels,
                "region": self.regions,
            }[column]
            if raw not in mapping:
                raise _unknown(raw, sorted(mapping))
            return mapping[raw]
        if column in ("competence_areas", "target_groups"):
            mapping = self.areas if column == "competence_areas" else self.audiences
            values = _split(raw)
            unknown = [v for v in values if v not in mapping]
            if unknown:
                raise _unknown(unknown[0], sorted(mapping))
            return [mapping[v] for v in values]
        if column in ("languages", "facilities"):
            allowed = language_codes() if column == "languages" else Facility.values
            values = _split(raw)
            unknown = [v for v in values if v not in allowed]
            if unknown:
                raise _unknown(unknown[0], allowed)
            return values
        if column in ("women_only", "free"):
            if raw.lower() in TRUE:
                return True
            if raw.lower() in FALSE:
                return False
            raise RowError(_("use yes or no"))
        if column == "price":
            if not raw:
                return None
            try:
                price = Decimal(raw.replace(",", "."))
            except InvalidOperation:
                raise RowError(_("not a number")) from None
            if price < 0 or price >= Decimal("1000000") or price.as_tuple().exponent < -2:
                raise RowError(_("must be between 0 and 999999.99 euro, with at most two decimals"))
            return price
        if column == "registration_url":
            if raw:
                try:
                    URLValidator(schemes=["http", "https"])(raw)
                except ValidationError:
                    raise RowError(_("not a valid web address")) from None
            return raw
        if column == "sessions":
            sessions = []
            for part in _split(raw):
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
        return raw

    # -- writing --------------------------------------------------------------------------------------
    def run(self, handle, skip_invalid=False):
        reader = csv.DictReader(handle)
        result = ImportResult()
        header = [name.strip() for name in (reader.fieldnames or [])]
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            result.errors = [row_error(1, name, _("missing from the header row")) for name in missing]
            return result
        reader.fieldnames = header
        rows = [(index, row) for index, row in enumerate(reader, start=2)]
        valid, errors = self.parse(rows)
        result.errors = errors
        if errors and not skip_invalid:
            return result
        result.skipped = len(rows) - len(valid)
        with transaction.atomic():
            for _number, data in valid:
                created = self.save(data)
                if created:
                    result.created += 1
                else:
                    result.updated += 1
        return result

    def save(self, data):
        page = (
            TrainingPage.objects.child_of(self.catalogue).filter(external_reference=data["reference"]).first()
        )
        created = page is None
        if created:
            page = TrainingPage(locale=self.catalogue.locale, external_reference=data["reference"])
        page.title = data["title"]
        page.introduction = data["summary"]
        page.description = f"<p>{escape(data['description'])}</p>" if data["description"] else ""
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
