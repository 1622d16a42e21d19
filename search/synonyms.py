"""Synonyms that editors manage per language (`SearchSynonym` snippets), for every search backend.

`synonyms_for(language)` is the map `forgiving.query_groups` reads ({folded words of a term: the other terms of
its sets}), built from the sets of that language and kept under the content version (saving or deleting a set
bumps it, like any snippet); `query_groups(query)` is what every backend searches for a query in the active
language.
"""

from django.db.models import Q

from bdt_site import content_version

from . import forgiving
from .backends import active_language, base_language


def build_synonyms(language_code):
    from .models import SearchSynonym

    sets = SearchSynonym.objects.filter(
        Q(locale__language_code=language_code) | Q(locale__language_code__startswith=f"{language_code}-")
    )
    return forgiving.synonym_map(synonym_set.term_list() for synonym_set in sets)


def synonyms_for(language_code):
    language = base_language(language_code)
    return content_version.cached(f"search:synonyms:{language}", lambda: build_synonyms(language))


def query_groups(query, language_code=None):
    """forgiving.query_groups of the query in a language (the active one by default), with its synonyms."""
    language = base_language(language_code) if language_code else active_language()
    return forgiving.query_groups(query, language, synonyms_for(language))
