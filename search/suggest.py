"""“Did you mean …?”: a query with one or two typos per word corrected from the site's own words in the
visitor's language.

The vocabulary of a language is the words of the public pages of its locale as the database backend indexed
them (on SQLite the title and body before the stems, on PostgreSQL the plain title and body text Wagtail keeps
beside the tsvectors; search/backends/database.py), counted, and kept until published content changes. On
other databases it is the pages' titles.
A query word that is a site word, or the beginning of one, is kept; another is replaced by the closest site
word at an edit distance of at most MAX_DISTANCE (1 for words of up to SHORT_WORD letters), the most frequent
one on a tie.
"""

from collections import Counter

from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast

from bdt_site import content_version

from . import forgiving

MAX_DISTANCE = 2
SHORT_WORD = 4
MIN_WORD = 3


def _page_texts(pages):
    if connection.vendor not in {"sqlite", "postgresql"}:
        yield from pages.values_list("title", flat=True)
        return
    from modelsearch.conf import get_app_config
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.models import Page

    index_entry = get_app_config().get_model("IndexEntry")
    columns = ("title", "body") if connection.vendor == "sqlite" else ("title_text", "body_text")
    ids = pages.annotate(object_id=Cast("pk", TextField())).values("object_id")
    entries = index_entry.objects.filter(
        object_id__in=ids, content_type_id__in=get_descendants_content_types_pks(Page)
    )
    for title, body in entries.values_list(*columns).iterator():
        yield forgiving.original_text(title)
        yield forgiving.original_text(body)


def build_vocabulary(pages):
    """{folded word: (the word as most often written, lower case; its number of occurrences)}."""
    counts = Counter()
    for text in _page_texts(pages):
        counts.update(
            word.lower() for word in forgiving.words(text) if len(word) >= MIN_WORD and word.isalpha()
        )
    vocabulary = {}
    for word, count in counts.most_common():
        folded = forgiving.fold(word)
        spelling, total = vocabulary.get(folded, (word, 0))
        vocabulary[folded] = (spelling, total + count)
    return vocabulary


def vocabulary(language_code, pages):
    """build_vocabulary(pages()) for a language, kept until published content changes."""
    return content_version.cached(f"search:vocabulary:{language_code}", lambda: build_vocabulary(pages()))


def distance(a, b, limit):
    """Levenshtein distance between a and b, or limit + 1 as soon as it is certain to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def correct_word(word, words):
    """The site word closest to `word`, or None when it is one (or begins one) or none is close enough."""
    folded = forgiving.fold(word)
    if len(folded) < MIN_WORD or not folded.isalpha() or folded in words:
        return None
    if any(candidate.startswith(folded) for candidate in words):
        return None
    limit = 1 if len(folded) <= SHORT_WORD else MAX_DISTANCE
    best = None
    for candidate, (spelling, count) in words.items():
        found = distance(folded, candidate, limit)
        if found <= limit and (best is None or (found, -count) < best[0]):
            best = ((found, -count), spelling)
    return best[1] if best else None


def suggestion(query, language_code, pages):
    """The query with its misspelt words corrected from the words of `pages()` (the public pages of the
    language), or None when there is nothing to correct."""
    words = vocabulary(language_code, pages)
    changed = False
    corrected = []
    for word in forgiving.words(query):
        replacement = correct_word(word, words)
        changed = changed or replacement is not None
        corrected.append(replacement or word)
    return " ".join(corrected) if changed else None
