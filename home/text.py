"""Text helpers shared by models and views (no forms, no views: models may import this)."""

import re

# Every run of white space except the no-break spaces French typography puts before : ; ? ! and inside « ».
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")


def one_line(value):
    """`value` on one line with single spaces, for e-mail subjects and other headers (whatever it holds); the
    no-break spaces of French typography stay."""
    return _BREAKING_SPACE.sub(" ", str(value)).strip(" ")


def csv_safe(value):
    """Neutralise spreadsheet formulas: cells starting with = + - @ (or tab/CR) get a leading quote."""
    text = "" if value is None else str(value)
    if text and text[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text
