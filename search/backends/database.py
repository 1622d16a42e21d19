"""Wagtail's database search backend, with per-language text-search configurations on PostgreSQL.

Select with ``"BACKEND": "search.backends.database"``. On SQLite (FTS5, unicode61 tokenizer) and other
databases this is exactly Wagtail's backend: accents are ignored but words are not stemmed.
"""

from itertools import groupby

from django.db import connection
from modelsearch.backends import database as modelsearch_database
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from . import active_language, object_language, pg_config_for


class LocalisedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Write each object's index entry with its own locale's configuration."""
        objs = sorted(objs, key=lambda obj: object_language(obj) or "")
        for language, group in groupby(objs, key=lambda obj: object_language(obj) or ""):
            self.backend.index_config = pg_config_for(language)
            try:
                super().add_items(model, list(group))
            finally:
                self.backend.index_config = None


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    index_class = LocalisedPostgresIndex
    index_config = None

    @property
    def config(self):
        """While indexing: the object's language; while searching: the active language."""
        return self.index_config or pg_config_for(active_language())

    @config.setter
    def config(self, value):
        pass  # SEARCH_CONFIG is ignored: the configuration follows the language

    @property
    def autocomplete_config(self):
        return "bdt_simple"  # no stemming, accents ignored

    @autocomplete_config.setter
    def autocomplete_config(self, value):
        pass


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    return modelsearch_database.SearchBackend(params)
