"""Forgiving words for the database search backend on SQLite, whose FTS5 index only folds accents: each
language's Snowball stemmer (PyPI `snowballstemmer`), applied in Python when indexing and when searching.

- `index_terms(text, language)`: the stems of the text's words that differ from the words themselves; the
  SQLite backend indexes them after the text (search/backends/database.py), so "développeuses" (stem
  "developp") and "programmeuse" (stem "programm") are found by "développeur" or "programmation".
- `term_variants(word, language)`: what one word of a query matches: itself as a word's beginning ("cyber"
  finds "cybersécurité"; FTS5 folds accents) or one of its stems.

Before stemming, job names are brought to one gender (`FEMININE_ENDINGS`): Snowball gives "programmeuse"
→ "programm" but "programmeur" → "programmeur". After stemming, a French stem ending in "eur" loses it when
at least four letters remain, so the agent noun meets the activity ("programmeur", "programmation" →
"programm"; "formatrice", "formateur", "formations" → "format"). Stems are computed from the word as written
and from the word without accents, so "cybersecurites" and "cybersécurité" share a stem. German Snowball
unifies "Entwicklerin" and "Entwickler"; "Expertin", "Studentin" get their "-in" removed first. Dutch
Snowball unifies "docente"/"docent" and "lerares"/"leraar".
`matches(query, text, language)` tells in Python whether a short text (a term's name) matches the same way.
"""

import functools
import re
import unicodedata

import snowballstemmer

SNOWBALL_LANGUAGES = {"en": "english", "fr": "french", "nl": "dutch", "de": "german"}

# Feminine job names to the masculine form, per language: (ending, replacement, what the rest must end with
# or None for anything); the first match applies. German Snowball already gives "Entwicklerin" → "entwickl",
# but not "Expertin", "Studentin", "Kollegin": "-in"/"-innen" go after the endings of such nouns only (not
# "Termin", "Medizin").
GERMAN_AGENT_ENDINGS = ("er", "ent", "ant", "ist", "eur", "ert", "og", "kt", "at", "eg", "or")
FEMININE_ENDINGS = {
    "fr": [
        ("euses", "eurs", None),
        ("euse", "eur", None),
        ("trices", "teurs", None),
        ("trice", "teur", None),
        ("eresses", "eurs", None),
        ("eresse", "eur", None),
    ],
    "de": [
        ("innen", "", GERMAN_AGENT_ENDINGS),
        ("in", "", GERMAN_AGENT_ENDINGS),
    ],
}

WORD = re.compile(r"\w+")
# Between an object's text and its stems in the SQLite index: a symbol, so FTS5 does not index it.
STEMS_MARK = "\u2042"
MIN_PREFIX_LENGTH = 3  # shorter query words ("IA", "IT") match whole words only


def fold(word):
    """Lower case without accents, as SQLite's unicode61 tokenizer compares words."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text):
    return WORD.findall(text or "")


@functools.cache
def _stemmer(language):
    name = SNOWBALL_LANGUAGES.get(language)
    return snowballstemmer.stemmer(name) if name else None


def _masculine(word, language):
    for ending, replacement, rest_endings in FEMININE_ENDINGS.get(language, ()):
        rest = word[: -len(ending)]
        if word.endswith(ending) and len(rest) > 2 and (rest_endings is None or rest.endswith(rest_endings)):
            return rest + replacement
    return word


def _agent_root(stem, language):
    if language == "fr" and stem.endswith("eur") and len(stem) - 3 >= 4:
        return stem[:-3]
    return stem


@functools.lru_cache(maxsize=50_000)
def stems(word, language):
    """The folded stems of a word in a language: from the word as written and from it without accents."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return frozenset()
    lowered = word.casefold()
    found = set()
    for form in {lowered, fold(lowered)}:
        stem = stemmer.stemWord(_masculine(form, language))
        found.add(fold(_agent_root(stem, language)))
    return frozenset(found)


def index_terms(text, language):
    """The stems of the text's words that are not already words of the text, space-separated (for FTS5)."""
    folded_words = {fold(word) for word in words(text)}
    extra = set()
    for word in set(words(text)):
        extra |= stems(word, language)
    return " ".join(sorted(extra - folded_words))


def with_stems(text, language):
    """The text followed by STEMS_MARK and the stems of its words (what the SQLite index holds)."""
    return f"{text} {STEMS_MARK} {index_terms(text, language)}"


def original_text(indexed):
    """The text of with_stems(text, …), without the stems."""
    return indexed.rpartition(STEMS_MARK)[0] if STEMS_MARK in indexed else indexed


def term_variants(word, language):
    """(folded word, prefix?, [stems other than the word]) for one word of a query."""
    folded = fold(word)
    return folded, len(folded) >= MIN_PREFIX_LENGTH, sorted(stems(word, language) - {folded})


def matches(query, text, language):
    """Whether every word of the query finds a word of `text` as the SQLite backend would: the same word
    without accents, a word it begins (MIN_PREFIX_LENGTH letters or more) or a shared stem."""
    text_words = {fold(word) for word in words(text)}
    text_stems = set().union(*(stems(word, language) for word in words(text))) if text_words else set()
    query_words = words(query)
    for word in query_words:
        folded, prefix, word_stems = term_variants(word, language)
        if folded in text_words or text_stems.intersection(word_stems) or folded in text_stems:
            continue
        if prefix and any(candidate.startswith(folded) for candidate in text_words):
            continue
        return False
    return bool(query_words)
