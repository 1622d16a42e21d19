"""What every Elasticsearch-family backend of this project adds to Wagtail's: one backend alias per LANGUAGE,
whose index is analysed for that language and only keeps that language's objects, whose searches forgive as
the database backend's do, and whose client has short timeouts and a circuit breaker
(search/backends/breaker.py). A backend module for another engine version is four short classes:
`class Index(LocalisedIndexMixin, <engine's index>)`, `class Mapping(ForgivingMappingMixin, <its mapping>)`,
`class Compiler(ForgivingQueryCompilerMixin, <its query compiler>)` with `mapping_class = Mapping`, and
`class Backend(LocalisedBackendMixin, <engine's backend>)` with `index_class`, `mapping_class`,
`query_compiler_class` and
`transport_class = breaker.guarded_transport(<client's Transport>, <its TransportError>, <its ConnectionError>)`.

Forgiving (search/forgiving.py, as on SQLite and PostgreSQL): each document also holds `bdt_title_terms` and
`bdt_terms`, the folded words and Snowball stems of its title and of all its text in its language, split on
spaces only (analyser `bdt_terms`). A plain-text search is Wagtail's query (the engine's analyser of the
language) OR the query's groups (search/synonyms.py) written as bool queries on those fields: each word as a
word's beginning (`prefix`) or one of its stems (`terms`), a match in the title weighing TITLE_WEIGHT.
"""

import urllib3
from modelsearch.query import PlainText
from modelsearch.utils import deep_update

from .. import forgiving, synonyms
from . import active_language, object_language
from .analysis import TERMS_ANALYSER, index_settings_for
from .database import TITLE_WEIGHT, object_texts

TITLE_TERMS = "bdt_title_terms"
TERMS = "bdt_terms"


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


class ForgivingMappingMixin:
    """Documents with the fields TITLE_TERMS and TERMS (forgiving.search_terms of the title and of all text)."""

    def get_mapping(self):
        mapping = super().get_mapping()
        for field in (TITLE_TERMS, TERMS):
            mapping["properties"][field] = {"type": "text", "analyzer": TERMS_ANALYSER}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        language = object_language(obj) or active_language()
        title, body = object_texts(obj)
        document[TITLE_TERMS] = forgiving.search_terms(title, language)
        document[TERMS] = forgiving.search_terms(f"{title} {body}", language)
        return document


def _bool(occur, clauses):
    if len(clauses) == 1:
        return clauses[0]
    if occur == "should":
        return {"bool": {"should": clauses, "minimum_should_match": 1}}
    return {"bool": {occur: clauses}}


def forgiving_query(query_string, operator):
    """The query's groups (with synonyms) as an engine query on the TITLE_TERMS and TERMS fields."""

    def alternatives(term):
        found = []
        for field, boost in ((TITLE_TERMS, float(TITLE_WEIGHT)), (TERMS, 1.0)):
            kind = "prefix" if term.prefix else "term"
            found.append({kind: {field: {"value": term.word, "boost": boost}}})
            if term.stems:
                found.append({"terms": {field: list(term.stems), "boost": boost}})
        return found

    return forgiving.write_query(
        synonyms.query_groups(query_string),
        operator,
        alternatives,
        lambda parts: _bool("must", parts),
        lambda parts: _bool("should", parts),
    )


class ForgivingQueryCompilerMixin:
    """A plain-text search over all fields: Wagtail's query or forgiving_query."""

    def get_inner_query(self):
        query = super().get_inner_query()
        if isinstance(self.query, PlainText) and not self.fields and forgiving.words(self.query.query_string):
            query = _bool("should", [query, forgiving_query(self.query.query_string, self.query.operator)])
        return query


class LocalisedBackendMixin:
    """An Elasticsearch/OpenSearch backend for the LANGUAGE of its settings (all objects without one): its
    index settings are that language's analysers, deep-merged with the alias's own INDEX_SETTINGS.

    Its client waits at most CONNECT_TIMEOUT seconds to connect and TIMEOUT seconds for an answer
    (INDEXING_TIMEOUT for bulk and index-management requests), and goes through `transport_class`, the
    client's transport behind the breaker (unless the alias's OPTIONS name another)."""

    forgives = frozenset({"stems", "prefixes"})
    transport_class = None

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", None)
        custom = params.pop("INDEX_SETTINGS", {})
        params["INDEX_SETTINGS"] = deep_update(index_settings_for(self.language), custom)
        connect_timeout = params.pop("CONNECT_TIMEOUT", None)
        indexing_timeout = params.pop("INDEXING_TIMEOUT", None)
        if connect_timeout is not None and "TIMEOUT" in params:
            params["TIMEOUT"] = urllib3.Timeout(connect=connect_timeout, read=params["TIMEOUT"])
        options = dict(params.get("OPTIONS", {}))
        if self.transport_class is not None and "transport_class" not in options:
            options["transport_class"] = self.transport_class
            options["breaker_key"] = ",".join(params.get("URLS", []))
            options["indexing_timeout"] = indexing_timeout
        params["OPTIONS"] = options
        super().__init__(params)
