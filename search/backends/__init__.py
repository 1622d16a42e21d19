"""Language-aware search backends for the site languages (settings.LANGUAGES).

`database` wraps Wagtail's (modelsearch's) database backend: on PostgreSQL every object is indexed with the
text-search configuration of its own locale (``bdt_french`` …: the language's snowball stemmer behind the
``unaccent`` dictionary) and queries use the configuration of the active language.
`opensearch2` wraps Wagtail's OpenSearch 2 backend: one backend alias (and index) per language, each with that
language's analyser plus asciifolding; an alias only holds the objects of its language.
"""

from django.utils import translation

# PostgreSQL text-search configurations created by search/migrations/0002 (snowball stemmer + unaccent);
# a site language without one here is searched with "simple".
PG_STEMMERS = {"en": "english", "fr": "french", "nl": "dutch", "de": "german"}


def base_language(language_code):
    return (language_code or "").split("-")[0].lower()


def active_language():
    return base_language(translation.get_language())


def pg_config_for(language_code):
    stemmer = PG_STEMMERS.get(base_language(language_code), "simple")
    return f"bdt_{stemmer}"


def object_language(obj):
    """The language of an indexed object (its locale), or None for objects that are not translatable."""
    locale = getattr(obj, "locale", None) if hasattr(obj, "locale_id") else None
    if locale is None:
        return None
    return base_language(locale.language_code)


def forgiveness(alias):
    """What a search backend alias forgives: "stems" (plurals, feminine job names, accents) and "prefixes"
    (a word's beginning finds the word); nothing for backends of other projects (MySQL, the fallback)."""
    from modelsearch.backends import get_search_backend

    return getattr(get_search_backend(alias), "forgives", frozenset())
