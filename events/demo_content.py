"""Demo content of this app (see home/demo.py)."""


def load(loader):
    """Filled in by the app as it lands."""
