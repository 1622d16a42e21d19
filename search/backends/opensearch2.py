"""Wagtail's OpenSearch 2 backend, one alias per language.

``"BACKEND": "search.backends.opensearch2"`` with ``"LANGUAGE": "fr"`` gives an index whose default analyser is
the French one plus asciifolding, and which only holds French objects (objects without a locale go
everywhere). Without LANGUAGE it indexes everything with the standard analyser plus asciifolding.
"""

from . import _opensearch_compat  # noqa: F401, I001 - must run before opensearch-py is imported
from modelsearch.backends.opensearch2 import OpenSearch2Index, OpenSearch2SearchBackend
from modelsearch.utils import deep_update

from .analysis import index_settings_for
from .localised import LocalisedIndexMixin


class LocalisedOpenSearch2Index(LocalisedIndexMixin, OpenSearch2Index):
    pass


class LocalisedOpenSearch2SearchBackend(OpenSearch2SearchBackend):
    index_class = LocalisedOpenSearch2Index

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", None)
        custom = params.pop("INDEX_SETTINGS", {})
        params["INDEX_SETTINGS"] = deep_update(index_settings_for(self.language), custom)
        super().__init__(params)


SearchBackend = LocalisedOpenSearch2SearchBackend
