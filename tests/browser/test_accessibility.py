"""axe-core in Chromium on every public page type, in all four languages: zero WCAG 2.1 A/AA violations.

Listings are checked with filters applied, forms both empty and with the validation errors a visitor sees after
sending them empty. One browser context per language is reused for all of that language's pages."""

import re
import urllib.request

import pytest

from tests.browser.support import axe_violations, format_violations, new_context

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "fr", "nl", "de")

# Page type -> path in each language (from the demo content). Values starting with "@" are resolved at run time.
PAGES = {
    "home": {"en": "/en/", "fr": "/fr/", "nl": "/nl/", "de": "/de/"},
    "standard page": {
        "en": "/en/about/",
        "fr": "/fr/a-propos/",
        "nl": "/nl/toegankelijkheid/",
        "de": "/de/datenschutz/",
    },
    "untranslated page notice": {"fr": "/fr/?untranslated=1"},
    "role models, filtered": {
        "en": "/en/role-models/?region=brussels",
        "fr": "/fr/modeles/?region=brussels",
        "nl": "/nl/rolmodellen/?region=brussels",
        "de": "/de/vorbilder/?region=brussels",
    },
    "role model": {
        "en": "/en/role-models/amina-el-idrissi/",
        "fr": "/fr/modeles/claire-dubois/",
        "nl": "/nl/rolmodellen/sofie-vermeulen/",
        "de": "/de/vorbilder/amina-el-idrissi/",
    },
    "expert directory, searched": {
        "en": "/en/role-models/experts/?q=data",
        "fr": "/fr/modeles/experts/?q=data",
        "nl": "/nl/rolmodellen/experts/?q=data",
        "de": "/de/vorbilder/experts/?q=data",
    },
    "expert contact form": dict.fromkeys(LANGUAGES, "@contact"),
    "expert contact form with errors": dict.fromkeys(LANGUAGES, "@contact"),
    "training catalogue, two filters": {
        "en": "/en/trainings/?format=on-site&level=basic",
        "fr": "/fr/formations/?format=on-site&level=basic",
        "nl": "/nl/opleidingen/?region=brussels&level=basic",
        "de": "/de/schulungen/?format=online&free=1",
    },
    "training": {
        "en": "/en/trainings/web-developer-bootcamp-becode-brussels/",
        "fr": "/fr/formations/formation-intensive-de-developpeuse-web-becode-liege/",
        "nl": "/nl/opleidingen/bootcamp-webontwikkelaar-becode-gent/",
        "de": "/de/schulungen/bootcamp-webentwicklung-becode-brussel/",
    },
    "initiatives": {
        "en": "/en/initiatives/",
        "fr": "/fr/initiatives/",
        "nl": "/nl/initiatieven/",
        "de": "/de/initiativen/",
    },
    "initiative": {
        "en": "/en/initiatives/becode-bootcamps/",
        "fr": "/fr/initiatives/lecole-de-code-molengeek/",
        "nl": "/nl/initiatieven/digitaal-opleidingsaanbod-voor-werkzoekenden-in-brussel/",
        "de": "/de/initiativen/die-bootcamps-von-becode/",
    },
    "organisation section": {
        "en": "/en/trainings/organisations/becode/",
        "fr": "/fr/formations/organisations/becode/",
        "nl": "/nl/opleidingen/organisations/becode/",
        "de": "/de/schulungen/organisations/becode/",
    },
    "upcoming events, filtered": {
        "en": "/en/events/?kind=panel",
        "fr": "/fr/evenements/?kind=workshop",
        "nl": "/nl/evenementen/?kind=panel",
        "de": "/de/veranstaltungen/?kind=job_day",
    },
    "past events, filtered": {
        "en": "/en/events/?when=past&kind=job_day",
        "fr": "/fr/evenements/?when=past&kind=panel",
        "nl": "/nl/evenementen/?when=past&kind=webinar",
        "de": "/de/veranstaltungen/?when=past&kind=job_day",
    },
    "event: job day": {
        "en": "/en/events/girls-and-women-in-digital-job-day/",
        "fr": "/fr/evenements/job-day-liege/",
        "nl": "/nl/evenementen/jobdag-meisjes-en-vrouwen-in-digitaal/",
        "de": "/de/veranstaltungen/jobtag-luettich/",
    },
    "event: panel": {
        "en": "/en/events/women-in-ai-who-builds-the-algorithms/",
        "fr": "/fr/evenements/femmes-et-ia-qui-construit-les-algorithmes/",
        "nl": "/nl/evenementen/debat-loopbanen-in-cyberbeveiliging/",
        "de": "/de/veranstaltungen/vom-studium-zum-ersten-techjob/",
    },
    "event submission form": {
        "en": "/en/events/submit/",
        "fr": "/fr/evenements/submit/",
        "nl": "/nl/evenementen/submit/",
        "de": "/de/veranstaltungen/submit/",
    },
    # French is checked by the event submission journey (test_journeys.py): the form allows five posts an hour.
    "event submission form with errors": {
        "en": "/en/events/submit/",
        "nl": "/nl/evenementen/submit/",
        "de": "/de/veranstaltungen/submit/",
    },
    "search with results": {
        "en": "/en/search/?q=women",
        "fr": "/fr/search/?q=femmes",
        "nl": "/nl/search/?q=vrouwen",
        "de": "/de/search/?q=frauen",
    },
    "search without results": {
        "en": "/en/search/?q=zzzzqx",
        "fr": "/fr/search/?q=zzzzqx",
        "nl": "/nl/search/?q=zzzzqx",
        "de": "/de/search/?q=zzzzqx",
    },
    "empty search": {"de": "/de/search/"},
    "404": {
        "en": "/en/no-such-page/",
        "fr": "/fr/introuvable/",
        "nl": "/nl/bestaat-niet/",
        "de": "/de/gibt-es-nicht/",
    },
}

DIRECTORIES = {
    "en": "/en/role-models/experts/",
    "fr": "/fr/modeles/experts/",
    "nl": "/nl/rolmodellen/experts/",
    "de": "/de/vorbilder/experts/",
}

# Labels, descriptions (help texts, errors) and names that point at an element which is not there are silently lost
# to screen reader users; axe does not always report them.
BROKEN_REFERENCES = """() => {
    const broken = [];
    for (const [selector, attr] of [['label[for]', 'for'], ['[aria-describedby]', 'aria-describedby'],
                                    ['[aria-labelledby]', 'aria-labelledby']]) {
        for (const el of document.querySelectorAll(selector)) {
            for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
                if (!document.getElementById(id)) broken.push(`${el.tagName.toLowerCase()}[${attr}=${id}]`);
            }
        }
    }
    return broken;
}"""

CASES = [(lang, kind) for kind, paths in PAGES.items() for lang in LANGUAGES if lang in paths]


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context (and page) per language, reused by every page of that language."""
    opened = {}
    yield opened
    for context, _page in opened.values():
        context.close()


@pytest.fixture(scope="module")
def contact_paths(site_url):
    """The first expert's contact form in each language, as linked from the directory."""
    paths = {}
    for lang, directory in DIRECTORIES.items():
        html = urllib.request.urlopen(site_url + directory, timeout=20).read().decode()
        paths[lang] = re.search(rf'href="(/{lang}/[^"]+/contact/)"', html).group(1)
    return paths


@pytest.mark.parametrize(("lang", "kind"), CASES, ids=[f"{lang}-{kind}" for lang, kind in CASES])
def test_page_has_no_wcag_violations(browser, contexts, contact_paths, site_url, lang, kind):
    if lang not in contexts:
        context = new_context(browser, locale=lang)
        contexts[lang] = (context, context.new_page())
    page = contexts[lang][1]
    path = PAGES[kind][lang]
    if path == "@contact":
        path = contact_paths[lang]
    page.goto(site_url + path)
    if kind.endswith("with errors"):
        page.locator("main form[method=post] button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("main .errorlist").first.is_visible(), (
            "the form shows no errors after sending it empty"
        )
    assert page.locator("html").get_attribute("lang") == lang
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    assert page.evaluate(BROKEN_REFERENCES) == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, site_url):
    page.goto(site_url + "/nl/over-ons/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de hoofdinhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switch_on_a_detail_page_keeps_the_page(page, site_url):
    page.goto(site_url + "/en/about/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Deutsch").click()
    assert page.url.endswith("/de/ueber-uns/")
    assert page.locator("h1").inner_text() == "Über Be Digital Together"


# Elements that reach past the right edge of the window (what makes a phone scroll sideways), for the message.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .slice(0, 5)
        .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : ''));
}"""

REFLOW_CASES = [(lang, kind) for lang, kind in CASES if not kind.endswith("with errors")]


@pytest.fixture(scope="module")
def phone(browser):
    context = new_context(browser, viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    ("lang", "kind"), REFLOW_CASES, ids=[f"{lang}-{kind}" for lang, kind in REFLOW_CASES]
)
def test_page_reads_on_a_phone_without_scrolling_sideways(phone, contact_paths, site_url, lang, kind):
    """WCAG 2.1 1.4.10 (reflow), which axe does not check: at 320 and 390 CSS pixels nothing is wider than the
    screen, whatever the language's longest words and labels."""
    path = PAGES[kind][lang]
    phone.set_viewport_size({"width": 320, "height": 640})
    phone.goto(site_url + (contact_paths[lang] if path == "@contact" else path))
    for width in (320, 390):
        phone.set_viewport_size({"width": width, "height": 640})
        scroll_width = phone.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{scroll_width} px wide at {width} px: {phone.evaluate(OVERFLOWING)}"
