"""The parts of every page that depend on the language: links between the language versions of a page
(switcher and hreflang, built with Wagtail's translation APIs) and the site chrome of each language
(home link, header menu, footer links).

Both are plain data cached until published content changes (bdt_site.content_version), so a page view
pays for them with a cache read instead of half a dozen queries."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from bdt_site import content_version
from home.languages import language_codes, own_names
from home.visibility import public_pages


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    translated: bool


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


def _cached(request, name, build):
    """Cache `build()` under `name` for this site and content version; remembered on the request too."""
    memo = request.__dict__.setdefault("_bdt_chrome", {})
    if name not in memo:
        site = Site.find_for_request(request)
        memo[name] = content_version.cached(f"chrome:{site.pk if site else 0}:{name}", build)
    return memo[name]


def translation_urls(request, page):
    """{language code: URL} of the live versions of `page` in every locale, including itself; of the
    sub-page the request shows when `page` serves one of its routes (the expert directory, a contact form,
    the event submission form, an organisation's section), in the languages where that sub-page exists."""

    def build():
        translations = public_pages(page.get_translations(inclusive=True)).select_related("locale")
        return {p.locale.language_code: p.get_url(request) for p in translations}

    urls = _cached(request, f"translations:{page.translation_key}", build)
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not hasattr(page, "routed_urls"):
        return urls
    memo = request.__dict__.setdefault("_bdt_chrome", {})
    key = f"routed:{page.pk}"
    if key not in memo:
        memo[key] = page.routed_urls(match, urls)
    return memo[key]


def canonical_url(request):
    """The absolute address of what the request shows, without its query string but for a result page
    after the first (so each page of a listing is its own)."""
    number = request.GET.get("page", "")
    suffix = f"?page={number}" if number.isdigit() and int(number) > 1 else ""
    return request.build_absolute_uri(request.path) + suffix


def home_urls(request):
    """{language code: URL} of the live home page of every language."""
    from home.models import HomePage

    def build():
        homes = public_pages(HomePage.objects.all()).select_related("locale")
        return {home.locale.language_code: home.get_url(request) for home in homes}

    return _cached(request, "homes", build)


def site_chrome(request):
    """Home URL, header menu and footer links of the active language."""
    from home.models import HomePage, SiteLinks

    language = get_language()

    def build():
        home = public_pages(HomePage.objects.filter(locale__language_code=language)).first()
        menu = []
        if home is not None:
            menu = [
                MenuItem(item.title, item.get_url(request), item.path)
                for item in public_pages(home.get_children()).in_menu()
            ]
        site = Site.find_for_request(request)
        footer = []
        if site is not None:
            footer = [
                (str(label), page.get_url(request)) for label, page in SiteLinks.for_site(site).footer_links()
            ]
        return {
            "home_url": home.get_url(request) if home else f"/{language}/",
            "menu": menu,
            "footer": footer,
        }

    return _cached(request, f"site:{language}", build)


def language_links(request, page=None):
    """One link per site language: the same page in that language, or that language's home page with
    `?untranslated=1` (which shows a note) when the page is not translated yet."""
    current = get_language()
    is_page = isinstance(page, Page) and page.pk
    translations = translation_urls(request, page) if is_page else {}
    homes = home_urls(request) if is_page and len(translations) < len(language_codes()) else {}
    links = []
    for code, name in own_names():
        if code in translations:
            url, translated = translations[code], True
        elif is_page and code in homes:
            url, translated = homes[code] + "?untranslated=1", False
        else:
            url, translated = translate_url(request.get_full_path(), code), True
        links.append(LanguageLink(code, name, url, code == current, translated))
    return links


def hreflang_alternates(request, page):
    """(hreflang, absolute URL) for each live translation of `page`, plus x-default (English, else source)."""
    if not isinstance(page, Page) or not page.pk:
        return []
    translations = translation_urls(request, page)
    if len(translations) < 2:
        return []
    alternates = sorted((code, request.build_absolute_uri(url)) for code, url in translations.items())
    default = dict(alternates).get(settings.LANGUAGE_CODE) or request.build_absolute_uri(request.path)
    return [*alternates, ("x-default", default)]
