"""What every listing that offers text search shares: cleaning the visitor's query and picking the
search backend of the active language (see search/README.md)."""

import re
import unicodedata

from django.conf import settings

from .backend_settings import engine_alias

MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000


def clean_query(raw):
    """Strip control and format characters, collapse spaces, cap the length."""
    text = "".join(" " if unicodedata.category(ch)[0] in {"C", "Z"} else ch for ch in str(raw or ""))
    return re.sub(r"\s+", " ", text).strip()[:MAX_QUERY_LENGTH].strip()


def clean_page_number(raw):
    """The requested result page as a number from 1 to MAX_PAGE; 1 for anything else."""
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MAX_PAGE else 1


def engine_query(query):
    """The words of the query, without operators that some backends (SQLite FTS5) would parse."""
    return re.sub(r"[^\w]+", " ", query).strip()


def backend_for_language(language_code):
    """The search backend alias for a language: its own engine index when one is configured, else the
    database backend (which picks the language's text-search configuration itself)."""
    alias = engine_alias(language_code)
    return alias if alias in settings.WAGTAILSEARCH_BACKENDS else "default"
