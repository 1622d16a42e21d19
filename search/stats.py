"""Counting searches for the editors' report, in Wagtail's own Query and QueryDailyHits tables.

add_hit() is the one function that counts a search. Hits are kept in the worker's memory and written in one
transaction every SEARCH_STATS_FLUSH_HITS hits (default 50; 1 in the test settings) or
SEARCH_STATS_FLUSH_SECONDS seconds (default 30), when the worker exits, and before the report is shown. A
write per search would cost each search a commit (1.4–1.8 ms measured on SQLite, a disk flush on
PostgreSQL), and on SQLite every write waits for the database's single write lock.

Writes are UPDATE ... F() + n and bulk_create(ignore_conflicts=True): no post_save signal, and Query and
QueryDailyHits are also among the models whose saves never make cached content stale
(bdt_site/content_version.py)."""

import atexit
import collections
import logging
import threading
import time

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from .query import clean_query

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending = collections.Counter()  # normalised query -> hits not written yet
_oldest = None  # time.monotonic() of the oldest hit not written yet


def flush_every():
    return max(1, int(getattr(settings, "SEARCH_STATS_FLUSH_HITS", 50)))


def flush_seconds():
    return float(getattr(settings, "SEARCH_STATS_FLUSH_SECONDS", 30))


def add_hit(query, language_code, total):
    """Count one search of `query` in `language_code` that found `total` results.

    Only the query itself is stored, normalised as Wagtail does (so that search promotions and the report
    see the same string); the report works out per language what it finds now. `language_code` and `total`
    stay in the signature for callers that know them."""
    global _oldest
    query_string = normalise_query_string(clean_query(query))
    if not query_string:
        return
    with _lock:
        _pending[query_string] += 1
        if _oldest is None:
            _oldest = time.monotonic()
        due = _pending.total() >= flush_every() or time.monotonic() - _oldest >= flush_seconds()
    if due:
        flush()


def flush():
    """Write the hits kept in memory; True when every hit is written. On a database error they are kept for
    the next try and False is returned (statistics must never break a page)."""
    global _pending, _oldest
    with _lock:
        batch, _pending, _oldest = _pending, collections.Counter(), None
    if not batch:
        return True
    try:
        with transaction.atomic():
            for query_string, hits in batch.items():
                _write(query_string, hits)
    except Exception:  # noqa: BLE001
        logger.exception("Could not count %d search queries", len(batch))
        with _lock:
            _pending.update(batch)
            if _oldest is None:
                _oldest = time.monotonic()
        return False
    return True


def _write(query_string, hits):
    today = timezone.localdate()
    daily = QueryDailyHits.objects.filter(query__query_string=query_string, date=today)
    if daily.update(hits=models.F("hits") + hits):
        return
    Query.objects.bulk_create([Query(query_string=query_string)], ignore_conflicts=True)
    query_id = Query.objects.filter(query_string=query_string).values_list("pk", flat=True).get()
    QueryDailyHits.objects.bulk_create(
        [QueryDailyHits(query_id=query_id, date=today, hits=0)], ignore_conflicts=True
    )
    daily.update(hits=models.F("hits") + hits)


atexit.register(flush)
