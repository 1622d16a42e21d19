"""Wagtail's database search backend, forgiving the same way on SQLite and PostgreSQL (search/forgiving.py).

Select with ``"BACKEND": "search.backends.database"``.
- SQLite (FTS5, unicode61 tokenizer: accents folded, no stemming): each object's title and body are indexed
  followed by the stems of their words in the object's language; each query word matches as a word's
  beginning or through its stems in the active language.
- PostgreSQL: each object's title and body are indexed, with the ``bdt_simple`` text-search configuration
  (``unaccent`` + lower case, no stemming of its own), as the folded words followed by the same stems; a
  query is the same groups written as a tsquery (``'cyber':* | 'stem'``), so PostgreSQL forgives exactly as
  SQLite does. The other columns (plain title and body text, autocomplete) are Wagtail's.
- Other databases: Wagtail's backend as it is.
In both, a word or a run of words with synonyms (search/synonyms.py) may also be any of them.
"""

import functools
from types import SimpleNamespace

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Manager, QuerySet
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends import database as modelsearch_database
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.index import RelatedFields, SearchField
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from .. import forgiving, synonyms
from . import active_language, object_language

PG_CONFIG = "bdt_simple"  # search/migrations/0002: unaccent + lower case, no stemming


def object_texts(obj):
    """(title, body): the plain text of an object's `title` search field and of its other search fields
    (related fields included), as Wagtail's database backend gathers them."""
    indexer = ObjectIndexer(obj, SimpleNamespace(config=None, autocomplete_config=None))
    title, body = [], []

    def gather(item, fields):
        for field in fields:
            if isinstance(field, RelatedFields):
                value = field.get_value(item)
                if isinstance(value, Manager):
                    value = value.all()
                elif callable(value):
                    value = value()
                for related in value if isinstance(value, (list, tuple, QuerySet)) else [value]:
                    if related is not None:
                        gather(related, field.fields)
            elif isinstance(field, SearchField):
                text = indexer.prepare_value(field.get_value(item)).strip()
                (title if field.field_name == "title" and item is obj else body).append(text)

    gather(obj, obj.get_search_fields())
    return " ".join(filter(None, title)), " ".join(filter(None, body))


class StemmingPostgresObjectIndexer(ObjectIndexer):
    """Title and body as their folded words and stems in the object's language (forgiving.search_terms)."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = object_language(obj) or active_language()
        self.config = PG_CONFIG

    def as_vector(self, texts, for_autocomplete=False):
        if not for_autocomplete:
            texts = [(forgiving.search_terms(text, self.language), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class StemmingPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """PostgresIndex.add_items with StemmingPostgresObjectIndexer (the same upsert of the index entries)."""
        if not model.get_search_fields():
            return
        indexers = [StemmingPostgresObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows = []
        params = []
        for indexer in indexers:
            params += [content_type_pk, indexer.id]
            vectors = []
            for column in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(column), getattr(indexer, column))
                sql, vector_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params += vector_params
            params += [indexer.title_text, indexer.body_text]
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body, title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


def written_query(query_string, operator, *, word, prefix, and_, or_):
    """The query's groups (with synonyms) in a textual query language: `word` and `prefix` write one word
    ("{}" stands for it), `and_` and `or_` are the language's operators."""

    def alternatives(term):
        return [
            (prefix if term.prefix else word).format(term.word),
            *(word.format(stem) for stem in term.stems),
        ]

    return forgiving.write_query(
        synonyms.query_groups(query_string),
        operator,
        alternatives,
        lambda parts: "(" + f" {and_} ".join(parts) + ")",
        lambda parts: "(" + f" {or_} ".join(parts) + ")",
    )


def tsquery(query_string, operator):
    """The query as a PostgreSQL tsquery: ('cyber':* | 'stem') & …"""
    return written_query(query_string, operator, word="'{}'", prefix="'{}':*", and_="&", or_="|")


class StemmingPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and forgiving.words(query.query_string):
            text = tsquery(query.query_string, query.operator)
            return SearchQuery(f"!{text}" if invert else text, search_type="raw", config=PG_CONFIG)
        return super().build_tsquery_content(query, config=config, invert=invert)


class StemmingPostgresSearchBackend(PostgresSearchBackend):
    forgives = frozenset({"stems", "prefixes"})
    index_class = StemmingPostgresIndex
    query_compiler_class = StemmingPostgresQueryCompiler

    @property
    def config(self):
        return PG_CONFIG

    @config.setter
    def config(self, value):
        pass  # SEARCH_CONFIG is ignored: the stems are the language's, computed in Python

    @property
    def autocomplete_config(self):
        return PG_CONFIG  # no stemming, accents ignored

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
        """The query as an FTS5 query: ("cyber"* OR "stem" …) AND …"""
        return written_query(query_string, operator, word='"{}"', prefix='"{}"*', and_="AND", or_="OR")

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
        return StemmingPostgresSearchBackend(params)
    backend = modelsearch_database.SearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _stemming_sqlite_backend_class()(params)
    return backend
