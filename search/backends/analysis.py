"""Analysers for the engines: each language's stemmer behind lowercase + asciifolding as the default, and
TERMS_ANALYSER for the fields that hold forgiving.search_terms (already folded and stemmed in Python)."""

TERMS_ANALYSER = "bdt_terms"

_FILTERS = {
    "bdt_stem_en": {"type": "stemmer", "language": "english"},
    "bdt_possessive_en": {"type": "stemmer", "language": "possessive_english"},
    "bdt_elision_fr": {
        "type": "elision",
        "articles_case": True,
        "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
    },
    "bdt_stem_fr": {"type": "stemmer", "language": "light_french"},
    "bdt_stem_nl": {"type": "stemmer", "language": "dutch"},
    "bdt_stem_de": {"type": "stemmer", "language": "light_german"},
}

_CHAINS = {
    None: ["lowercase", "asciifolding"],
    "en": ["bdt_possessive_en", "lowercase", "asciifolding", "bdt_stem_en"],
    "fr": ["bdt_elision_fr", "lowercase", "asciifolding", "bdt_stem_fr"],
    "nl": ["lowercase", "asciifolding", "bdt_stem_nl"],
    "de": ["lowercase", "german_normalization", "asciifolding", "bdt_stem_de"],
}


def index_settings_for(language):
    chain = _CHAINS.get(language, _CHAINS[None])
    return {
        "settings": {
            "analysis": {
                "analyzer": {
                    "default": {"type": "custom", "tokenizer": "standard", "filter": chain},
                    TERMS_ANALYSER: {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
                },
                "filter": {name: _FILTERS[name] for name in chain if name in _FILTERS},
            }
        }
    }
