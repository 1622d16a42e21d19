"""Wagtail's Elasticsearch 9 backend, one alias per language (needs the `elasticsearch` client 9.x,
not installed by default: see search/README.md)."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9Index, Elasticsearch9SearchBackend
from modelsearch.utils import deep_update

from .analysis import index_settings_for
from .localised import LocalisedIndexMixin


class LocalisedElasticsearch9Index(LocalisedIndexMixin, Elasticsearch9Index):
    pass


class LocalisedElasticsearch9SearchBackend(Elasticsearch9SearchBackend):
    index_class = LocalisedElasticsearch9Index

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", None)
        custom = params.pop("INDEX_SETTINGS", {})
        params["INDEX_SETTINGS"] = deep_update(index_settings_for(self.language), custom)
        super().__init__(params)


SearchBackend = LocalisedElasticsearch9SearchBackend
