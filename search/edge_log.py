"""Searches counted from nginx's log of search requests (deploy/nginx.conf, `log_format bdt_searches`).

Behind nginx the search view does not count (it is sent X-Edge-Counts-Searches: 1): nginx writes every search
request, also one it answers from its cache, as one line `<msec> <method> <status> <request URI>`, with
escape=default (`"`, `\\` and every byte outside printable ASCII written as \\xHH). count_new_searches() reads
the lines added since its last run and counts, through search.stats.add_hit, each line the view itself would
have counted: a GET answered 200 (or 304) of the first result page of a non-empty query on a language's
search page. Search totals are not computed: the statistics keep only the query.

Where a run stopped is kept next to the log, in `<log>.state` (JSON: the log's inode and the byte offset after
the last whole line counted), written only once the counts are committed; a run holds an exclusive lock on
it, so two runs never count the same lines, and a second run counts only what nginx wrote since. A log with
another inode has been rotated (logrotate moved it, nginx reopened a new file): the rest of the old file is
counted first when it is still next to the log, uncompressed, under a name that begins with the log's
(`searches.log.1`), then the new file from its start. A log shorter than the offset (truncated in place) is
read from its start. A partial last line (nginx writes its buffer when it is full and every 5 seconds) is
left for the next run. A line that cannot be read is skipped (with a warning). A database error rolls the
run's counts back and fails it with nothing saved: the next run counts those lines. Hits are counted on the
day of the run (search.stats), so a search logged in the last minute of a day may count for the next."""

import contextlib
import fcntl
import functools
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote_to_bytes

from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from . import stats
from .query import clean_page_number, clean_query

logger = logging.getLogger(__name__)

LINE = re.compile(rb"(?P<msec>\d+\.\d+) (?P<method>[A-Z]+) (?P<status>\d{3}) (?P<uri>/\S*)")
ESCAPED_BYTE = re.compile(rb"\\x([0-9A-Fa-f]{2})")
# Answers that showed the visitor the search (304: the browser's copy is current).
SHOWN = {200, 304}


class MalformedLine(ValueError):
    """A line that is not `<msec> <method> <status> <request URI>` as log_format bdt_searches writes it."""


class CountingFailed(RuntimeError):
    """The counts could not be written to the database: nothing is saved, the next run counts the lines."""


@dataclass(frozen=True)
class SearchRequest:
    """One line of the log: a request nginx answered on a search page."""

    method: str
    status: int
    path: str
    params: QueryDict

    def counted_query(self):
        """The query this request counts for, as the search view counts it (clean_query, first page of a
        non-empty query, on the search page of a language of the site), or None."""
        if self.method != "GET" or self.status not in SHOWN:
            return None
        query = clean_query(self.params.get("q", ""))
        if not query or clean_page_number(self.params.get("page", 1)) != 1:
            return None
        language_code = translation.get_language_from_path(self.path)
        if not language_code or self.path != search_path(language_code):
            return None
        return query, language_code


@functools.cache
def search_path(language_code):
    """The path of the search page in `language_code` (/fr/search/), worked out once per process."""
    with translation.override(language_code):
        return reverse("search")


def parse_line(raw):
    """The SearchRequest of one line of the log (bytes, without its newline); MalformedLine otherwise."""
    try:
        match = LINE.fullmatch(raw) if raw.isascii() else None  # nginx escapes every other byte
        if match is None:
            raise MalformedLine(raw[:200])
        uri = ESCAPED_BYTE.sub(lambda escaped: bytes.fromhex(escaped[1].decode()), match["uri"])
        raw_path, _sep, query_string = uri.partition(b"?")
        # As Django reads them: the path percent-decoded as UTF-8, the query string by QueryDict.
        path = unquote_to_bytes(raw_path).decode("utf-8")
        return SearchRequest(match["method"].decode(), int(match["status"]), path, QueryDict(query_string))
    except MalformedLine:
        raise
    except Exception as error:  # any other surprise in a line (bad UTF-8, too many fields) is a bad line
        raise MalformedLine(raw[:200]) from error


@dataclass
class Position:
    """Where the last run stopped: the inode of the log it read and the offset after its last whole line."""

    inode: int | None = None
    offset: int = 0


@dataclass
class Outcome:
    lines: int = 0  # whole lines read
    searches: int = 0  # of which counted as searches
    malformed: int = 0  # of which skipped as unreadable


def state_path(log_path):
    return Path(f"{log_path}.state")


def count_new_searches(log_path):
    """Counts the searches nginx logged in `log_path` since the last run (see the module's docstring); returns
    the Outcome, or None when another run holds the lock."""
    log_path = Path(log_path)
    with _locked(state_path(log_path)) as state_file:
        if state_file is None:
            return None
        position = _load(state_file)
        outcome = Outcome()
        with transaction.atomic():
            end = _count_since(log_path, position, outcome)
            if not stats.flush():
                raise CountingFailed(f"could not write the searches counted from {log_path}")
        _save(state_file, end)
    return outcome


def _count_since(log_path, position, outcome):
    """Counts the new lines (the rest of a rotated log first); the Position to remember."""
    try:
        current = log_path.stat()
    except FileNotFoundError:
        current = None  # between logrotate's move and nginx's reopen
    if current is not None and current.st_ino == position.inode:
        start = position.offset if current.st_size >= position.offset else 0  # else truncated in place
        return Position(current.st_ino, _count_file(log_path, start, outcome))
    rotated = _rotated(log_path, position.inode)
    if rotated is not None:
        position = Position(position.inode, _count_file(rotated, position.offset, outcome))
    if current is None:
        return position  # nginx may still write to the moved file until it reopens its log
    return Position(current.st_ino, _count_file(log_path, 0, outcome))


def _rotated(log_path, inode):
    """The file next to the log that still has the inode the last run read (the log, moved by logrotate)."""
    if inode is None:
        return None
    for candidate in sorted(log_path.parent.glob(log_path.name + "*")):
        with contextlib.suppress(OSError):
            if candidate != log_path and candidate.is_file() and candidate.stat().st_ino == inode:
                return candidate
    return None


def _count_file(path, offset, outcome):
    """Counts the whole lines of `path` from byte `offset`; the offset after the last whole line."""
    with open(path, "rb") as log:
        log.seek(offset)
        for line in log:
            if not line.endswith(b"\n"):
                break  # nginx has not finished writing it: left for the next run
            offset += len(line)
            outcome.lines += 1
            try:
                counted = parse_line(line.rstrip(b"\r\n")).counted_query()
            except MalformedLine as error:
                outcome.malformed += 1
                logger.warning("Skipped a line of %s that is not a search request: %r", path, error.args[0])
                continue
            if counted is not None:
                query, language_code = counted
                stats.add_hit(query, language_code, None)
                outcome.searches += 1
    return offset


@contextlib.contextmanager
def _locked(path):
    """The state file, open and locked for this run; None when another run holds it."""
    with open(path, "a+b") as state_file:
        try:
            fcntl.flock(state_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield None
            return
        yield state_file


def _load(state_file):
    state_file.seek(0)
    text = state_file.read()
    if not text.strip():
        return Position()  # the first run: the whole log
    try:
        data = json.loads(text)
        return Position(inode=data["inode"], offset=int(data["offset"]))
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{state_file.name} is not a state this command wrote: {text[:200]!r}") from error


def _save(state_file, position):
    """Rewrites the state in place (the lock stays on this file) and syncs it to disk."""
    state_file.seek(0)
    state_file.truncate()
    state_file.write(json.dumps({"inode": position.inode, "offset": position.offset}).encode())
    state_file.flush()
    os.fsync(state_file.fileno())
