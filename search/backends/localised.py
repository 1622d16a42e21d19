"""What every Elasticsearch-family backend of this project adds to Wagtail's: one backend alias per LANGUAGE,
whose index is analysed for that language and only keeps that language's objects. A backend module for
another engine version is two short classes: `class Index(LocalisedIndexMixin, <engine's index>)` and
`class Backend(LocalisedBackendMixin, <engine's backend>)` with `index_class = Index`."""

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
    index settings are that language's analysers, deep-merged with the alias's own INDEX_SETTINGS."""

    forgives = frozenset({"stems"})

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", None)
        custom = params.pop("INDEX_SETTINGS", {})
        params["INDEX_SETTINGS"] = deep_update(index_settings_for(self.language), custom)
        super().__init__(params)
