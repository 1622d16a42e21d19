from . import object_language


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
