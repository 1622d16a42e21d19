"""Wagtail's OpenSearch 2 backend, one alias per language.

``"BACKEND": "search.backends.opensearch2"`` with ``"LANGUAGE": "fr"`` gives an index whose default analyser is
the French one plus asciifolding, and which only holds French objects (objects without a locale go
everywhere). Without LANGUAGE it indexes everything with the standard analyser plus asciifolding.
"""

from . import _opensearch_compat  # noqa: F401, I001 - must run before opensearch-py is imported
from modelsearch.backends.opensearch2 import (
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
)
from opensearchpy import Transport
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import TransportError

from .breaker import guarded_transport
from .localised import (
    ForgivingMappingMixin,
    ForgivingQueryCompilerMixin,
    LocalisedBackendMixin,
    LocalisedIndexMixin,
)


class LocalisedOpenSearch2Index(LocalisedIndexMixin, OpenSearch2Index):
    pass


class ForgivingOpenSearch2Mapping(ForgivingMappingMixin, OpenSearch2Mapping):
    pass


class ForgivingOpenSearch2QueryCompiler(ForgivingQueryCompilerMixin, OpenSearch2SearchQueryCompiler):
    mapping_class = ForgivingOpenSearch2Mapping


class LocalisedOpenSearch2SearchBackend(LocalisedBackendMixin, OpenSearch2SearchBackend):
    index_class = LocalisedOpenSearch2Index
    mapping_class = ForgivingOpenSearch2Mapping
    query_compiler_class = ForgivingOpenSearch2QueryCompiler
    transport_class = guarded_transport(Transport, TransportError, OpenSearchConnectionError)


SearchBackend = LocalisedOpenSearch2SearchBackend
