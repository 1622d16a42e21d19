"""Wagtail's Elasticsearch 9 backend, one alias per language (needs the `elasticsearch` client 9.x,
not installed by default: see search/README.md)."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9Index, Elasticsearch9SearchBackend

from .localised import LocalisedBackendMixin, LocalisedIndexMixin


class LocalisedElasticsearch9Index(LocalisedIndexMixin, Elasticsearch9Index):
    pass


class LocalisedElasticsearch9SearchBackend(LocalisedBackendMixin, Elasticsearch9SearchBackend):
    index_class = LocalisedElasticsearch9Index


SearchBackend = LocalisedElasticsearch9SearchBackend
