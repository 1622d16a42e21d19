"""Counting searches for the editors' report, in Wagtail's own Query and QueryDailyHits tables.

add_hit() is the one function that counts a search. It costs one UPDATE of today's row of the query
(five queries for the first search of a query on a given day) and sends no post_save signal; Query and
QueryDailyHits are also among the models whose saves never make cached content stale
(bdt_site/content_version.py)."""

import logging

from django.db import models
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger(__name__)


def add_hit(query, language_code, total):
    """Count one search of `query` in `language_code` that found `total` results.

    Only the query itself is stored (normalised as Wagtail does, so that search promotions and the report
    see the same string); the report works out per language what it finds now. `language_code` and `total`
    are kept in the signature for callers that know them. A database error is logged, never raised:
    statistics must never break a page."""
    try:
        _count(normalise_query_string(query))
    except Exception:  # noqa: BLE001
        logger.exception("Could not count the search query %r", query)


def _count(query_string):
    if not query_string:
        return
    today = timezone.localdate()
    daily = QueryDailyHits.objects.filter(query__query_string=query_string, date=today)
    if daily.update(hits=models.F("hits") + 1):
        return
    Query.objects.bulk_create([Query(query_string=query_string)], ignore_conflicts=True)
    query_id = Query.objects.filter(query_string=query_string).values_list("pk", flat=True).get()
    QueryDailyHits.objects.bulk_create(
        [QueryDailyHits(query_id=query_id, date=today, hits=0)], ignore_conflicts=True
    )
    daily.update(hits=models.F("hits") + 1)
