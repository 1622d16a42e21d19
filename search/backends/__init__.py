"""Language-aware search backends for the site languages (settings.LANGUAGES).

`database` wraps Wagtail's (modelsearch's) database backend on SQLite and PostgreSQL, `opensearch2` and
`elasticsearch7` its engine backends (one alias and index per language, with that language's analyser plus
asciifolding; an alias only holds the objects of its language). All of them search with the stems of
search/forgiving.py, computed in Python for the object's language when indexing and for the active language
when searching, and with the editors' synonyms (search/synonyms.py).
"""

from django.utils import translation


def base_language(language_code):
    return (language_code or "").split("-")[0].lower()


def active_language():
    return base_language(translation.get_language())


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
