"""The W3C Feed Validation Service's checker, run offline on a feed's bytes.

It is the code behind validator.w3.org/feed (https://github.com/w3c/feedvalidator, commit 43dabeb2, MIT
licence in tests/vendor/feedvalidator/LICENSE), kept in tests/vendor/ because it is not published on PyPI and
nothing is fetched at test time; it needs html5lib (a dev dependency). Importing it sets a default socket
timeout for the whole process, so the import restores the one there was."""

import importlib
import socket
import sys
from pathlib import Path

VENDOR = Path(__file__).parent / "vendor"


def _validator():
    timeout = socket.getdefaulttimeout()
    if str(VENDOR) not in sys.path:
        sys.path.append(str(VENDOR))
    try:
        return (
            importlib.import_module("feedvalidator"),
            importlib.import_module("feedvalidator.compatibility"),
            importlib.import_module("feedvalidator.formatter.text_plain"),
        )
    finally:
        socket.setdefaulttimeout(timeout)


def feed_problems(data, url):
    """The errors and warnings the online validator would show for the feed `data` (bytes) served at `url`,
    as its text lines; [] for a valid feed."""
    feedvalidator, compatibility, text_plain = _validator()
    try:
        events = feedvalidator.validateString(data, firstOccurrenceOnly=1, base=url)["loggedEvents"]
    except feedvalidator.logging.ValidationFailure as failure:
        events = [failure.event]
    return list(text_plain.Formatter(compatibility.AA(events)))
