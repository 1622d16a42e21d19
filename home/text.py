"""Text helpers shared by models and views (no forms, no views: models may import this)."""


def one_line(value):
    """`value` on one line with single spaces, for e-mail subjects and other headers (whatever it holds)."""
    return " ".join(str(value).split())
