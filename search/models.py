"""The search app has no models of its own: searches are counted in Wagtail's Query and QueryDailyHits
(wagtail.contrib.search_promotions, see search/stats.py), which the editors' report reads."""
