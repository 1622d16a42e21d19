"""Wagtail's OpenSearch 2 backend, one alias per language.

``"BACKEND": "search.backends.opensearch2"`` with ``"LANGUAGE": "fr"`` gives an index whose default analyser is
the French one plus asciifolding, and which only holds French objects (objects without a locale go
everywhere). Without LANGUAGE it indexes everything with the standard analyser plus asciifolding.
"""

from . import _opensearch_compat  # noqa: F401, I001 - must run before opensearch-py is imported
from modelsearch.backends.opensearch2 import OpenSearch2Index, OpenSearch2SearchBackend
from opensearchpy import Transport
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import TransportError

from .breaker import guarded_transport
from .localised import LocalisedBackendMixin, LocalisedIndexMixin


class LocalisedOpenSearch2Index(LocalisedIndexMixin, OpenSearch2Index):
    pass


class LocalisedOpenSearch2SearchBackend(LocalisedBackendMixin, OpenSearch2SearchBackend):
    index_class = LocalisedOpenSearch2Index
    transport_class = guarded_transport(Transport, TransportError, OpenSearchConnectionError)


SearchBackend = LocalisedOpenSearch2SearchBackend
