"""What every Elasticsearch-family backend of this project adds to Wagtail's: one backend alias per LANGUAGE,
whose index is analysed for that language and only keeps that language's objects, and whose client has short
timeouts and a circuit breaker (search/backends/breaker.py). A backend module for another engine version is
two short classes: `class Index(LocalisedIndexMixin, <engine's index>)` and
`class Backend(LocalisedBackendMixin, <engine's backend>)` with `index_class = Index` and
`transport_class = breaker.guarded_transport(<client's Transport>, <its TransportError>, <its ConnectionError>)`.
"""

import urllib3
from modelsearch.utils import deep_update

from . import object_language
from .analysis import index_settings_for


class LocalisedIndexMixin:
    """An Elasticsearch/OpenSearch index that only keeps the objects of its backend's LANGUAGE."""

    def _belongs(self, item):
        language = getattr(self.backend, "language", None)
        item_language = object_language(item)
        return language is None or item_language is None or item_language == language

    def add_item(self, item):
        if self._belongs(item):
            super().add_item(item)

    def add_items(self, model, items):
        super().add_items(model, [item for item in items if self._belongs(item)])


class LocalisedBackendMixin:
    """An Elasticsearch/OpenSearch backend for the LANGUAGE of its settings (all objects without one): its
    index settings are that language's analysers, deep-merged with the alias's own INDEX_SETTINGS.

    Its client waits at most CONNECT_TIMEOUT seconds to connect and TIMEOUT seconds for an answer
    (INDEXING_TIMEOUT for bulk and index-management requests), and goes through `transport_class`, the
    client's transport behind the breaker (unless the alias's OPTIONS name another)."""

    forgives = frozenset({"stems"})
    transport_class = None

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", None)
        custom = params.pop("INDEX_SETTINGS", {})
        params["INDEX_SETTINGS"] = deep_update(index_settings_for(self.language), custom)
        connect_timeout = params.pop("CONNECT_TIMEOUT", None)
        indexing_timeout = params.pop("INDEXING_TIMEOUT", None)
        if connect_timeout is not None and "TIMEOUT" in params:
            params["TIMEOUT"] = urllib3.Timeout(connect=connect_timeout, read=params["TIMEOUT"])
        options = dict(params.get("OPTIONS", {}))
        if self.transport_class is not None and "transport_class" not in options:
            options["transport_class"] = self.transport_class
            options["breaker_key"] = ",".join(params.get("URLS", []))
            options["indexing_timeout"] = indexing_timeout
        params["OPTIONS"] = options
        super().__init__(params)
