"""The trainings CSV file, one format for the export, the import and the import's template.

Each column has a code and a label; the export and the template write the labels in the active language, the
import reads a header cell as a column when it is the code or the label in any site language, whatever the
case ("Format", "format", "FORMAT"). Values are written as a person reads them (term and organisation names,
language and facility names, "yes"/"no", "free" or "250.00 EUR", sessions as
"YYYY-MM-DD/YYYY-MM-DD@place; …") and read back in any site language, case-insensitively, or as codes.

Older import files with `free` and `price` columns instead of `cost` are still read.
"""

import re
from html import unescape as unescape_entities

from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.languages import language_codes, language_name, own_names

# (code, label) in the order of the file. `web_page` is written by the export only (the import ignores it).
COLUMNS = [
    ("title", _("Title")),
    ("provider", _("Provider")),
    ("summary", _("Summary")),
    ("format", _("Format")),
    ("level", _("Level")),
    ("competence_areas", _("Competence areas")),
    ("target_groups", _("Target groups")),
    ("region", _("Region")),
    ("languages", _("Languages of instruction")),
    ("women_only", _("Women only")),
    ("cost", _("Cost")),
    ("sessions", _("Sessions")),
    ("duration", _("Duration")),
    ("registration_url", _("Registration link")),
    ("web_page", _("Web page")),
    ("reference", _("Reference")),
    ("description", _("Description")),
    ("venue", _("Venue")),
    ("certification", _("Certification")),
    ("facilities", _("Facilities")),
]
# Read from older import files only.
LEGACY_COLUMNS = [("free", _("Free")), ("price", _("Price"))]
EXPORT_ONLY = {"web_page"}


def in_each_language(text):
    """{the lazy `text` in each site language, case-folded}."""
    words = set()
    for code in language_codes():
        with translation.override(code):
            words.add(str(text).casefold())
    return words


def labels():
    """The column labels in the active language, in the order of the file."""
    return [str(label) for _code, label in COLUMNS]


def column_codes(header):
    """{position: column code} for the cells of `header` that name a column (by code or by label in any site
    language, case-insensitively); other cells are left out."""
    names = {}
    for code, label in [*COLUMNS, *LEGACY_COLUMNS]:
        names[code] = code
        for word in in_each_language(label):
            names.setdefault(word, code)
    return {
        position: names[cell.strip().casefold()]
        for position, cell in enumerate(header)
        if cell.strip().casefold() in names
    }


# -- cells ----------------------------------------------------------------------------------------------
def split_list(value):
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def join_list(values):
    return "; ".join(str(value) for value in values)


def yes_no(flag):
    return gettext("yes") if flag else gettext("no")


def truth(raw):
    """True or False for yes/no in any site language (or true/false, 1/0, y/n); None when neither."""
    word = raw.strip().casefold()
    if word in {"true", "y", "1"} | in_each_language(_("yes")):
        return True
    if word in {"false", "n", "0", ""} | in_each_language(_("no")):
        return False
    return None


def cost_text(is_free, price):
    if is_free:
        return gettext("free")
    return f"{price} EUR" if price is not None else ""


def is_free_word(raw):
    return raw.strip().casefold() in in_each_language(_("free"))


def price_text(raw):
    """The number of a cost cell ("250.00 EUR", "€ 250", "250,5"), as text for Decimal."""
    return re.sub(r"(?i)\s*(eur|euro|euros|€)\s*", "", raw).replace(",", ".").strip()


def sessions_text(sessions):
    """'YYYY-MM-DD/YYYY-MM-DD@place; …' of (start, end or None, place) tuples."""
    parts = []
    for start, end, place in sessions:
        text = start.isoformat() + (f"/{end.isoformat()}" if end else "")
        parts.append(text + (f"@{place}" if place else ""))
    return "; ".join(parts)


def description_text(html):
    """A rich-text description as plain text, paragraphs separated by a blank line."""
    paragraphs = re.split(r"</p>|<br\s*/?>|</li>|</h\d>", html or "")
    texts = [unescape_entities(strip_tags(part)).strip() for part in paragraphs]
    return "\n\n".join(text for text in texts if text)


def description_html(text):
    """Plain text (paragraphs separated by blank lines) as rich text."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(f"<p>{escape(part)}</p>" for part in paragraphs)


def language_names():
    """{any name of a site language in any site language, its own name, or its code (case-folded): code}."""
    names = {code.casefold(): code for code in language_codes()}
    for code, own in own_names():
        names[own.casefold()] = code
    for code in language_codes():
        for word in in_each_language(language_name(code)):
            names.setdefault(word, code)
    return names


def choice_names(choices):
    """{a choice's value or its label in any site language (case-folded): value} of a TextChoices class."""
    names = {value.casefold(): value for value in choices.values}
    for value, label in zip(choices.values, choices.labels, strict=True):
        for word in in_each_language(label):
            names.setdefault(word, value)
    return names
