from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.core.signals import request_started

        from .stats import count_cached_search

        request_started.connect(count_cached_search, dispatch_uid="search-count-cached-search")
