"""Links between the language versions of a page, built with Wagtail's translation APIs."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    translated: bool


def live_translations(page):
    """Live versions of `page` in every locale, including itself (one query, remembered on the page)."""
    if not hasattr(page, "_live_translations"):
        page._live_translations = list(page.get_translations(inclusive=True).live().select_related("locale"))
    return page._live_translations


def active_locale_home(request):
    """The live home page of the active language (one query per request)."""
    from home.models import HomePage

    code = get_language()
    cache = request.__dict__.setdefault("_locale_homes", {})
    if code not in cache:
        cache[code] = HomePage.objects.live().filter(locale__language_code=code).first()
    return cache[code]


def locale_home_pages():
    """The live home page of every locale, by language code (one query)."""
    from home.models import HomePage

    return {home.locale.language_code: home for home in HomePage.objects.live().select_related("locale")}


def language_links(request, page=None):
    """One link per site language: the same page in that language, or that language's home page with
    `?untranslated=1` (which shows a note) when the page is not translated yet."""
    current = get_language()
    links = []
    translations = {}
    homes = {}
    if isinstance(page, Page) and page.pk:
        translations = {p.locale.language_code: p for p in live_translations(page)}
        if len(translations) < len(settings.LANGUAGES):
            homes = locale_home_pages()
    for code, name in settings.LANGUAGES:
        if code in translations:
            url, translated = translations[code].get_url(request), True
        elif page is not None and isinstance(page, Page) and code in homes:
            url, translated = homes[code].get_url(request) + "?untranslated=1", False
        else:
            url, translated = translate_url(request.get_full_path(), code), True
        links.append(LanguageLink(code, name, url, code == current, translated))
    return links


def hreflang_alternates(request, page):
    """(hreflang, absolute URL) for each live translation of `page`, plus x-default (English, else source)."""
    if not isinstance(page, Page) or not page.pk:
        return []
    translations = live_translations(page)
    if len(translations) < 2:
        return []
    alternates = [
        (p.locale.language_code, request.build_absolute_uri(p.get_url(request))) for p in translations
    ]
    by_code = dict(alternates)
    default = by_code.get(settings.LANGUAGE_CODE) or alternates[0][1]
    return [*sorted(alternates), ("x-default", default)]
