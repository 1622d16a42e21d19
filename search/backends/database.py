"""Wagtail's database search backend, with per-language text-search configurations on PostgreSQL and
Snowball stems on SQLite.

Select with ``"BACKEND": "search.backends.database"``.
- PostgreSQL: each object is indexed with its locale's configuration, queries use the active language's.
- SQLite (FTS5, unicode61 tokenizer: accents folded, no stemming): each object's title and body are indexed
  followed by the stems of their words in the object's language (search/forgiving.py); each query word
  matches as a word's beginning or through its stems in the active language.
- Other databases: Wagtail's backend as it is.
"""

import functools
from itertools import groupby

from django.db import connection
from modelsearch.backends import database as modelsearch_database
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from modelsearch.query import PlainText

from .. import forgiving
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
    forgives = frozenset({"stems"})
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


TITLE_WEIGHT = 5  # on SQLite, a word in the title counts this many times a word in the body


@functools.cache
def _stemming_sqlite_backend_class():
    """The SQLite backend's classes with stems (imported only on SQLite: they need its FTS5 table)."""
    from modelsearch.backends.database.sqlite.query import BM25, Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        IndexEntry,
        ObjectIndexer,
        SQLiteAutocompleteQueryCompiler,
        SQLiteFTSIndexEntry,
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.query import Not, Phrase
    from modelsearch.utils import get_content_type_pk

    class StemmingObjectIndexer(ObjectIndexer):
        """Title and body followed by the stems of their words in the object's language."""

        def __init__(self, obj, backend):
            super().__init__(obj, backend)
            self.language = object_language(obj) or active_language()

        @property
        def stemmed_title(self):
            return forgiving.with_stems(self.title, self.language)

        @property
        def stemmed_body(self):
            return forgiving.with_stems(self.body, self.language)

    class StemmingSQLiteIndex(SQLiteIndex):
        def add_items(self, model, objs):
            """SQLiteIndex.add_items with StemmingObjectIndexer's title and body (the index entries are written
            the same way: updated where they exist, created in bulk where they do not)."""
            if not model.get_search_fields():
                return
            indexers = [StemmingObjectIndexer(obj, self.backend) for obj in objs]
            if not indexers:
                return
            content_type_pk = get_content_type_pk(model)
            data = {
                indexer.id: {
                    "title": indexer.stemmed_title,
                    "autocomplete": indexer.autocomplete,
                    "body": indexer.stemmed_body,
                }
                for indexer in indexers
            }
            entries = self.entries.filter(content_type_id=content_type_pk)
            indexed = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
            for object_id in indexed:
                entries.filter(object_id=object_id).update(**data[object_id])
            self.entries.bulk_create(
                [
                    IndexEntry(content_type_id=content_type_pk, object_id=object_id, **values)
                    for object_id, values in data.items()
                    if object_id not in indexed
                ]
            )
            self._refresh_title_norms()

    class FTSQuery(Lexeme):
        """An FTS5 query written out whole (its words are \\w characters only, so nothing to escape)."""

        def as_sql(self, compiler, connection):
            return "%s", [self.value]

    def fts_query(query_string, operator):
        """Each word: ("word"* OR "stem" …); words joined by AND (or OR)."""
        language = active_language()
        groups = []
        for word in forgiving.words(query_string):
            folded, prefix, stems = forgiving.term_variants(word, language)
            alternatives = [f'"{folded}"*' if prefix else f'"{folded}"', *(f'"{stem}"' for stem in stems)]
            groups.append("(" + " OR ".join(alternatives) + ")")
        return f" {operator.upper()} ".join(groups)

    class TitleWeightedBM25(BM25):
        """FTS5's bm25() with the title weighing TITLE_WEIGHT times the body (columns: autocomplete, body,
        title; autocomplete is not searched here)."""

        def as_sql(self, compiler, connection, function=None, template=None):
            table = SQLiteFTSIndexEntry._meta.db_table
            return f"bm25({table}, 0.0, 1.0, {float(TITLE_WEIGHT)})", []

    class StemmingQueryCompiler(SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, (Phrase, PlainText, Not)):
                return TitleWeightedBM25() * boost if boost != 1.0 else TitleWeightedBM25()
            return super().build_tsrank(vector, query, config=config, boost=boost)

        def build_search_query_content(self, query, config=None):
            text = fts_query(query.query_string, query.operator) if isinstance(query, PlainText) else ""
            if text:
                return SearchQueryExpression(FTSQuery(text), config=config)
            return super().build_search_query_content(query, config=config)  # also a query without words

    class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
        forgives = frozenset({"stems", "prefixes"})
        index_class = StemmingSQLiteIndex
        query_compiler_class = StemmingQueryCompiler
        autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler

    return StemmingSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    backend = modelsearch_database.SearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _stemming_sqlite_backend_class()(params)
    return backend
