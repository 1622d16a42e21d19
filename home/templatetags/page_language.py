"""A listing's card of a page in another language than the visitor's (home.listing's policy for content in
fewer languages): `{{ page|card_lang }}` gives the card its `lang` attribute, `{% card_language page %}` the
line that says which language the page is in (in the visitor's language)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from home.localization import active_language, locales_by_id

register = template.Library()

# Languages whose sentences write language names in lower case ("en néerlandais"); the site's catalogues give
# the names capitalised, as labels want them.
LOWER_CASE_NAMES = {"fr"}


def other_language(page):
    """The language code of `page` when it is not the visitor's, else None."""
    locale = locales_by_id().get(getattr(page, "locale_id", None))
    code = locale.language_code if locale else None
    return code if code and code != active_language() else None


def name_in_sentence(code):
    """The name of language `code` as the visitor's language writes it inside a sentence."""
    name = str(get_language_info(code)["name_translated"])
    return name.lower() if active_language() in LOWER_CASE_NAMES else name


@register.filter
def card_lang(page):
    code = other_language(page)
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag
def card_language(page):
    code = other_language(page)
    if not code:
        return ""
    return format_html(
        '<p class="meta card-language" lang="{}">{}</p>',
        active_language(),
        _("In %(language)s") % {"language": name_in_sentence(code)},
    )
