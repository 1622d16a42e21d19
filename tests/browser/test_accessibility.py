"""axe-core in Chromium on every public page type of the foundation, in all four languages: zero WCAG 2.1 A/AA
violations."""

import pytest

from tests.browser.support import axe_violations, format_violations

pytestmark = pytest.mark.browser

PAGES = {
    "en": ["/en/", "/en/about/", "/en/search/?q=women", "/en/search/?q=zzzzqx", "/en/no-such-page/"],
    "fr": ["/fr/", "/fr/a-propos/", "/fr/search/?q=femmes", "/fr/?untranslated=1", "/fr/introuvable/"],
    "nl": ["/nl/", "/nl/toegankelijkheid/", "/nl/search/?q=vrouwen", "/nl/bestaat-niet/"],
    "de": ["/de/", "/de/datenschutz/", "/de/search/", "/de/gibt-es-nicht/"],
}


@pytest.mark.parametrize("path", [path for paths in PAGES.values() for path in paths])
def test_page_has_no_wcag_violations(page, site_url, path):
    page.goto(site_url + path)
    assert page.locator("html").get_attribute("lang") == path.split("/")[1]
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


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


def test_narrow_screen_has_no_horizontal_scroll(browser, site_url):
    from tests.browser.support import new_context

    context = new_context(browser, viewport={"width": 320, "height": 640})
    narrow = context.new_page()
    narrow.goto(site_url + "/de/barrierefreiheit/")
    assert narrow.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
