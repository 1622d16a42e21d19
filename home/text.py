"""Text helpers shared by models and views (no forms, no views: models may import this)."""


def one_line(value):
    """`value` on one line with single spaces, for e-mail subjects and other headers (whatever it holds)."""
    return " ".join(str(value).split())


def csv_safe(value):
    """Neutralise spreadsheet formulas: cells starting with = + - @ (or tab/CR) get a leading quote."""
    text = "" if value is None else str(value)
    if text and text[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text
