"""The site languages, from `settings.LANGUAGES` alone: no code or language name is written anywhere else.

`language_codes()` gives the codes in the order of the settings; `own_names()` gives (code, the language's
name in itself, as the settings write it: "Français") for the language switcher; `language_choices()` gives
(code, name) pairs whose names are Django's own translated language names ("Néerlandais" in French, "Niederländisch" in
German), lazy, so they follow the active language. Pass `language_choices` itself (uncalled) as a model
field's `choices`: migrations then record the function, not the names of one language.
"""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info


def language_codes():
    """The site language codes, in the order of settings.LANGUAGES."""
    return [code for code, _name in settings.LANGUAGES]


def own_names():
    """(code, the language's name in itself) for each site language, as settings.LANGUAGES writes them."""
    return list(settings.LANGUAGES)


def language_name(code):
    """The name of language `code` in the active language (lazy), with a capital as a label wants."""
    return capfirst(get_language_info(code)["name_translated"])


def language_choices():
    """(code, name in the active language) for each site language: choices for fields, forms and filters."""
    return [(code, language_name(code)) for code in language_codes()]
