"""Wagtail's Elasticsearch 7 backend, one alias per language (the `elasticsearch` client 7.17, which talks
to Elasticsearch 7.10 to 8.x; tested against Elasticsearch 7.10.2 started by scripts/elasticsearch.sh).

``"BACKEND": "search.backends.elasticsearch7"`` with ``"LANGUAGE": "fr"``: as search.backends.opensearch2.
"""

from elasticsearch import Transport
from elasticsearch.exceptions import ConnectionError as ElasticsearchConnectionError
from elasticsearch.exceptions import TransportError
from modelsearch.backends.elasticsearch7 import (
    Elasticsearch7Index,
    Elasticsearch7Mapping,
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchQueryCompiler,
)

from .breaker import guarded_transport
from .localised import (
    ForgivingMappingMixin,
    ForgivingQueryCompilerMixin,
    LocalisedBackendMixin,
    LocalisedIndexMixin,
)


class LocalisedElasticsearch7Index(LocalisedIndexMixin, Elasticsearch7Index):
    pass


class ForgivingElasticsearch7Mapping(ForgivingMappingMixin, Elasticsearch7Mapping):
    pass


class ForgivingElasticsearch7QueryCompiler(ForgivingQueryCompilerMixin, Elasticsearch7SearchQueryCompiler):
    mapping_class = ForgivingElasticsearch7Mapping


class LocalisedElasticsearch7SearchBackend(LocalisedBackendMixin, Elasticsearch7SearchBackend):
    index_class = LocalisedElasticsearch7Index
    mapping_class = ForgivingElasticsearch7Mapping
    query_compiler_class = ForgivingElasticsearch7QueryCompiler
    transport_class = guarded_transport(Transport, TransportError, ElasticsearchConnectionError)


SearchBackend = LocalisedElasticsearch7SearchBackend
