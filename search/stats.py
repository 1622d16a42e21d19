"""Counting searches for the editors' report without slowing the search page or defeating the page cache.

- Hits are buffered in the worker's memory and written in one batch every SEARCH_STATS_FLUSH_HITS hits or
  SEARCH_STATS_FLUSH_SECONDS seconds (and when the worker exits, and before the admin report is shown).
  With SEARCH_STATS_FLUSH_HITS = 1 (the default when PAGE_CACHE_SECONDS is 0, e.g. tests) every hit is
  written at once.
- Writes use UPDATE ... F() + n and bulk_create(ignore_conflicts=True): no post_save signal, so counting a
  search never invalidates the page cache (bdt_site/middleware.py invalidates it on every saved content row).
- A search answered by the page cache is counted too: `count_cached_search` runs on Django's request_started
  signal, before the page cache middleware. It counts a search page request when the number of results of
  that query is already known (stored by the view, keyed by the page cache version, so a publish forgets
  it) and marks the request so the view does not count it a second time.
"""

import atexit
import logging
import re
import threading
import time
from urllib.parse import parse_qs

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction

from bdt_site import content_version
from home.languages import language_codes

logger = logging.getLogger(__name__)

COUNTED_MARK = "bdt.search_hit_counted"
TOTAL_TIMEOUT = 24 * 3600

_lock = threading.Lock()
_pending = {}  # (query_string, language_code) -> [hits, zero_result_hits, last_results_count]
_pending_hits = 0
_oldest = None


def flush_every():
    default = 1 if getattr(settings, "PAGE_CACHE_SECONDS", 600) <= 0 else 50
    return max(1, int(getattr(settings, "SEARCH_STATS_FLUSH_HITS", default)))


def flush_seconds():
    return float(getattr(settings, "SEARCH_STATS_FLUSH_SECONDS", 30))


def add_hit(query, language_code, total):
    """Count one search (first result page) of `query` in `language_code` that found `total` results."""
    global _pending_hits, _oldest
    key = (query.lower()[:255], language_code)
    with _lock:
        entry = _pending.setdefault(key, [0, 0, 0])
        entry[0] += 1
        entry[1] += 0 if total else 1
        entry[2] = total
        _pending_hits += 1
        if _oldest is None:
            _oldest = time.monotonic()
        due = _pending_hits >= flush_every() or time.monotonic() - _oldest >= flush_seconds()
    if due:
        flush()


def flush():
    """Write the buffered hits; on a database error they are kept for the next try."""
    global _pending, _pending_hits, _oldest
    with _lock:
        batch, _pending, _pending_hits, _oldest = _pending, {}, 0, None
    if not batch:
        return
    try:
        _write(batch)
    except Exception:  # noqa: BLE001 - statistics must never break a page
        logger.exception("Could not record %d search queries", len(batch))
        with _lock:
            for key, (hits, zero, last) in batch.items():
                entry = _pending.setdefault(key, [0, 0, last])
                entry[0] += hits
                entry[1] += zero
            _pending_hits += sum(hits for hits, _zero, _last in batch.values())
            _oldest = _oldest or time.monotonic()


def _write(batch):
    from django.utils import timezone
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
    from wagtail.search.utils import normalise_query_string

    from .models import SearchQueryStat

    today = timezone.now().date()
    wagtail_hits = {}
    for (query, _language), (hits, _zero, _last) in batch.items():
        normalised = normalise_query_string(query)
        wagtail_hits[normalised] = wagtail_hits.get(normalised, 0) + hits
    with transaction.atomic():
        for (query, language), (hits, zero, last) in batch.items():
            stats = SearchQueryStat.objects.filter(query_string=query, language_code=language)
            changes = {
                "hits": models.F("hits") + hits,
                "zero_result_hits": models.F("zero_result_hits") + zero,
                "last_results_count": last,
                "last_searched_at": timezone.now(),
            }
            if not stats.update(**changes):
                SearchQueryStat.objects.bulk_create(
                    [SearchQueryStat(query_string=query, language_code=language)], ignore_conflicts=True
                )
                stats.update(**changes)
        for query, hits in wagtail_hits.items():
            daily = QueryDailyHits.objects.filter(query__query_string=query, date=today)
            if daily.update(hits=models.F("hits") + hits):
                continue
            Query.objects.bulk_create([Query(query_string=query)], ignore_conflicts=True)
            query_id = Query.objects.filter(query_string=query).values_list("pk", flat=True).first()
            QueryDailyHits.objects.bulk_create(
                [QueryDailyHits(query_id=query_id, date=today, hits=0)], ignore_conflicts=True
            )
            daily.update(hits=models.F("hits") + hits)


atexit.register(flush)


# --- searches answered by the page cache --------------------------------------------------------------


def _total_key(language_code, query):
    return f"searchtotal:{content_version.current()}:{content_version.digest(language_code, query.lower())}"


def remember_total(language_code, query, total):
    """Store the number of results of a query, so a later answer from the page cache can be counted."""
    if getattr(settings, "PAGE_CACHE_SECONDS", 600) <= 0:
        return
    try:
        cache.set(_total_key(language_code, query), total, TOTAL_TIMEOUT)
    except Exception:  # noqa: BLE001
        logger.exception("Could not store the result count of %r", query)


def mark_counted(request):
    return bool(request.META.get(COUNTED_MARK))


_search_path = None


def _search_path_re():
    global _search_path
    if _search_path is None:
        languages = "|".join(re.escape(code) for code in language_codes())
        _search_path = re.compile(rf"^/({languages})/search/$")
    return _search_path


def count_cached_search(sender=None, environ=None, **kwargs):
    """request_started receiver: count a search page request whose result count is known already."""
    if not environ or environ.get("REQUEST_METHOD") != "GET":
        return
    match = _search_path_re().match(environ.get("PATH_INFO", ""))
    if match is None or getattr(settings, "PAGE_CACHE_SECONDS", 600) <= 0:
        return
    raw = environ.get("QUERY_STRING", "")
    if "q=" not in raw or "%00" in raw:
        return
    try:
        from .query import clean_page_number, clean_query

        params = parse_qs(raw, encoding="utf-8", errors="strict")
        query = clean_query((params.get("q") or [""])[-1])
        if not query or clean_page_number((params.get("page") or ["1"])[-1]) != 1:
            return
        total = cache.get(_total_key(match.group(1), query))
        if total is None:
            return  # the view computes it and counts the search itself
        add_hit(query, match.group(1), total)
        environ[COUNTED_MARK] = True
    except Exception:  # noqa: BLE001 - statistics must never break a page
        logger.exception("Could not count a search answered by the page cache")
