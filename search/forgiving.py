"""Forgiving words for the database search backend on SQLite, whose FTS5 index only folds accents: each
language's Snowball stemmer (PyPI `snowballstemmer`), applied in Python when indexing and when searching.

- `index_terms(text, language)`: the stems of the text's words that differ from the words themselves; the
  SQLite backend indexes them after the text (search/backends/database.py), so "développeuses" (stem
  "developp") and "programmeuse" (stem "programm") are found by "développeur" or "programmation".
- `term_variants(word, language)`: what one word of a query matches: itself as a word's beginning ("cyber"
  finds "cybersécurité"; FTS5 folds accents) or one of its stems.
- `query_groups(query, language, synonyms)`: the whole query as every backend searches it (each backend only
  writes it in its own query language: FTS5 on SQLite, tsquery on PostgreSQL, bool queries on the engines):
  its words, where a word or a run of words with synonyms (`SearchSynonym`, search/synonyms.py) may also be
  any of them.
- `search_terms(text, language)`: the folded words of a text and their stems, what the PostgreSQL index and
  the engines' terms fields hold (the SQLite index holds the text itself and `index_terms`).

Before stemming, job names are brought to one gender (`FEMININE_ENDINGS`): Snowball gives "programmeuse"
→ "programm" but "programmeur" → "programmeur". After stemming, a French stem ending in "eur" loses it when
at least four letters remain, so the agent noun meets the activity ("programmeur", "programmation" →
"programm"; "formatrice", "formateur", "formations" → "format"). Stems are computed from the word as written
and from the word without accents, so "cybersecurites" and "cybersécurité" share a stem. German Snowball
unifies "Entwicklerin" and "Entwickler"; "Expertin", "Studentin" get their "-in" removed first. Dutch
Snowball unifies "docente"/"docent" and "lerares"/"leraar".
`matches(query, text, language)` tells in Python whether a short text (a term's name) matches the same way.
"""

import dataclasses
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


@dataclasses.dataclass(frozen=True)
class Term:
    """What one word of a query matches: the folded word itself (as a word's beginning when `prefix`) or one
    of its `stems`."""

    word: str
    prefix: bool
    stems: tuple


def term(word, language, prefix=True):
    folded, can_prefix, word_stems = term_variants(word, language)
    return Term(folded, prefix and can_prefix, tuple(word_stems))


MAX_SYNONYM_WORDS = 4


def query_groups(query, language, synonyms=None):
    """The query as the backends search it: a list of groups, each a list of alternatives (any one of them
    matches the group), each alternative a list of Terms (all must match). A group is one word of the query;
    or, where a run of up to MAX_SYNONYM_WORDS words is a key of `synonyms` ({tuple of folded words: [tuples of
    words]}), that run and each of its synonyms. Synonyms match as whole words or through their stems, never
    as a word's beginning ("TIC" does not find "ticket"): the visitor did not type them."""
    query_words = words(query)
    folded = [fold(word) for word in query_words]
    synonyms = synonyms or {}
    groups = []
    position = 0
    while position < len(query_words):
        for length in range(min(MAX_SYNONYM_WORDS, len(query_words) - position), 0, -1):
            key = tuple(folded[position : position + length])
            if key in synonyms:
                typed = [term(word, language) for word in query_words[position : position + length]]
                others = [[term(word, language, prefix=False) for word in phrase] for phrase in synonyms[key]]
                groups.append([typed, *others])
                position += length
                break
        else:
            groups.append([[term(query_words[position], language)]])
            position += 1
    return groups


def write_query(groups, operator, term_alternatives, and_, or_):
    """`query_groups` written in a backend's query language: `term_alternatives(term)` is the list of what
    one Term matches in that language, `and_(parts)` and `or_(parts)` join a list of parts; the groups are
    joined by `operator` ("and" or "or")."""
    written = []
    for alternatives in groups:
        options = [and_([or_(term_alternatives(term)) for term in terms]) for terms in alternatives]
        written.append(or_(options))
    return or_(written) if operator == "or" else and_(written)


def synonym_map(term_sets):
    """{tuple of folded words: [the other terms of its sets, as tuples of words]} from sets of equivalent
    terms (each term a word or a few words)."""
    found = {}
    for terms in term_sets:
        phrases = {tuple(words(text)) for text in terms} - {()}
        for phrase in phrases:
            key = tuple(fold(word) for word in phrase)
            found.setdefault(key, set()).update(
                other for other in phrases if tuple(fold(word) for word in other) != key
            )
    return {key: sorted(others) for key, others in found.items() if others}


def search_terms(text, language):
    """The folded words of the text and their stems, space-separated."""
    folded_words = {fold(word) for word in words(text)}
    return " ".join(sorted(folded_words | set(index_terms(text, language).split())))


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
