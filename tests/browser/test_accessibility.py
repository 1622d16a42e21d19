"""axe-core in Chromium on every public page type, in all four languages: zero WCAG 2.1 A/AA violations, and
no sideways scrolling at phone widths (reflow, which axe does not check).

Listings are checked with filters applied, forms both empty and with the validation errors a visitor sees after
sending them empty. One browser context per language is reused for all of that language's pages."""

import pytest

from tests.browser.pages import CASES, PAGES
from tests.browser.support import axe_violations, format_violations, new_context

pytestmark = [pytest.mark.browser, pytest.mark.demo]  # on the demo content (conftest.py)

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


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context (and page) per language, reused by every page of that language."""
    opened = {}
    yield opened
    for context, _page in opened.values():
        context.close()


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
