"""Builds WAGTAILSEARCH_BACKENDS from SEARCH_BACKEND alone (imported by the settings: no Django imports).

- "database": one backend, "default" (SQLite/PostgreSQL via search.backends.database).
- "opensearch2" / "elasticsearch7": "default" stays the database backend (Wagtail admin search and the
  public fallback when the engine is down), plus one engine alias per language, "engine_<lang>", used by the
  public search for the active language; the task worker keeps them up to date (search/tasks.py).

The languages are those of settings.LANGUAGES: the settings module passes its own list (Django's settings are
not ready while it loads); any later caller gets them from home.languages.

Timeouts, in seconds (search/backends/breaker.py): `connect_timeout` to connect, `timeout` to answer a search
or a publish's write, `indexing_timeout` for the bulk and index-management requests of `update_index`.
"""

ENGINE_MODULES = {
    "opensearch2": "search.backends.opensearch2",
    "elasticsearch7": "search.backends.elasticsearch7",
}


def engine_alias(language_code):
    return f"engine_{language_code}"


def build_search_backends(
    kind,
    url="http://127.0.0.1:9200",
    index_prefix="bdt",
    timeout=1.0,
    connect_timeout=1.0,
    indexing_timeout=60.0,
    languages=None,
):
    backends = {"default": {"BACKEND": "search.backends.database"}}
    if kind == "database":
        return backends
    if kind not in ENGINE_MODULES:
        raise ValueError(f"unknown search backend {kind!r}")
    if languages is None:
        from home.languages import language_codes

        languages = language_codes()
    for language in languages:
        backends[engine_alias(language)] = {
            "BACKEND": ENGINE_MODULES[kind],
            "LANGUAGE": language,
            "URLS": [url],
            "INDEX_PREFIX": f"{index_prefix}_{language}_",
            "TIMEOUT": timeout,
            "CONNECT_TIMEOUT": connect_timeout,
            "INDEXING_TIMEOUT": max(indexing_timeout, timeout),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
            # Updated by the task worker (search/tasks.py), not inside the request that saves.
            "AUTO_UPDATE": False,
        }
    return backends
