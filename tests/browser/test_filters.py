"""Multi-select filters on a phone, in a real Chromium against the demo site: two regions give both regions'
trainings, the counts and chips follow, removing a chip works; with JavaScript the results update in place
and the new count is announced by the live region that was there before, focus staying on the checkbox;
without JavaScript "Apply filters" lands on the results and the first result is at most 5 Tabs away; the
header leaves room for the content and the controls are at least 24 x 24 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import new_context

pytestmark = [pytest.mark.browser, pytest.mark.demo]  # on the demo content (conftest.py)

CATALOGUE = "/fr/formations/"
PHONE = {"width": 320, "height": 640}

# The number in "12 formations trouvées".
NUMBER = re.compile(r"\d+")


def number(text):
    return int(NUMBER.search(text).group())


@pytest.fixture
def phone(browser):
    """A 320 px wide phone in French, JavaScript on."""
    context = new_context(browser, locale="fr-BE", viewport=PHONE, bypass_csp=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_without_js(browser):
    context = new_context(
        browser, locale="fr-BE", viewport=PHONE, bypass_csp=False, java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()


def region(page, name):
    return page.locator("form.filters").get_by_role("group", name="Région").get_by_label(name)


def announced(page, slug):
    """The count shown next to a region option: "(12)"."""
    return number(page.locator(f'form.filters [data-count="region={slug}"]').inner_text())


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_two_regions_on_a_phone_give_both_regions_trainings_and_a_chip_removes_one(phone, site_url):
    page = phone
    page.goto(site_url + CATALOGUE)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < PHONE["height"] / 2, "the header takes half of a phone's screen"
    # The filters are a closed disclosure on a phone, after a link that skips them.
    skip = page.get_by_role("link", name="Aller aux résultats")
    summary = page.locator("details.filters-disclosure > summary")
    assert skip.bounding_box()["y"] < summary.bounding_box()["y"]
    expect(summary).to_have_text("Filtres")
    expect(region(page, "Wallonie")).to_be_hidden()
    summary.click()
    everything = number(page.locator("#result-count").inner_text())
    brussels, wallonia = announced(page, "brussels"), announced(page, "wallonia")
    assert 0 < brussels < everything and 0 < wallonia < everything

    region(page, "Bruxelles-Capitale").check()
    expect(page.locator("#result-count")).to_have_text(f"{brussels} formations trouvées")
    region(page, "Wallonie").check()
    expect(page.locator("#result-count")).to_have_text(f"{brussels + wallonia} formations trouvées")
    page.wait_for_url(re.compile(r"region=brussels&region=wallonia"))
    # Disjunctive counts: a region's count does not shrink when another region is chosen.
    assert (announced(page, "brussels"), announced(page, "wallonia")) == (brussels, wallonia)
    expect(summary).to_have_text("Filtres (2 sélectionnés)")
    cards = page.locator("#results .training-card")
    for card in cards.all():
        tags = card.locator(".tag").all_inner_texts()
        assert "Bruxelles-Capitale" in tags or "Wallonie" in tags, tags
    chips = page.locator("#results .chip")
    expect(chips).to_have_count(2)
    for control in [region(page, "Wallonie"), chips.first, page.locator(".pagination a").first]:
        box = control.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, control
    no_sideways_scroll(page)

    # A chip removes its filter in place: no page load, the form follows, focus moves to the chip left.
    page.evaluate("() => { window.samePage = true; }")
    page.get_by_role("link", name="Retirer le filtre\u00a0: Bruxelles-Capitale").click()
    page.wait_for_url(re.compile(r"\?region=wallonia(&|#|$)"))
    expect(page.locator("#result-count")).to_have_text(f"{wallonia} formations trouvées")
    expect(page.locator("#results .chip")).to_have_count(1)
    remaining = page.get_by_role("link", name="Retirer le filtre\u00a0: Wallonie")
    expect(remaining).to_be_visible()
    expect(remaining).to_be_focused()
    assert page.evaluate("() => window.samePage === true"), "removing a chip reloaded the page"
    expect(region(page, "Bruxelles-Capitale")).not_to_be_checked()
    expect(region(page, "Wallonie")).to_be_checked()
    # Landed on the results: the first result is on the screen.
    first = page.locator("#results .training-card h3 a").first
    expect(first).to_be_in_viewport()
    no_sideways_scroll(page)


def test_the_new_count_is_announced_by_the_live_region_that_was_there_and_focus_stays(phone, site_url):
    page = phone
    page.goto(site_url + CATALOGUE)
    status = page.get_by_role("status").filter(has_text="formations trouvées")
    expect(status).to_have_count(1)
    assert status.evaluate("el => el.tagName") == "P"
    before = status.inner_text()
    # Remember the element itself and every text it is given.
    page.evaluate(
        """() => {
            const region = document.getElementById('result-count');
            window.liveRegion = region;
            window.announcements = [];
            new MutationObserver(() => window.announcements.push(region.textContent))
                .observe(region, {childList: true, characterData: true, subtree: true});
        }"""
    )
    page.locator("details.filters-disclosure > summary").click()
    box = region(page, "Wallonie")
    box.focus()
    page.keyboard.press("Space")
    expect(status).not_to_have_text(before)
    page.wait_for_url(re.compile(r"region=wallonia"))
    after = status.inner_text()
    assert re.fullmatch(r"\d+ formations? trouvées?", after)
    assert page.evaluate("() => window.liveRegion === document.getElementById('result-count')"), (
        "the live region was replaced instead of updated: screen readers would not announce it"
    )
    assert after in page.evaluate("() => window.announcements")
    assert page.evaluate("() => [document.activeElement.name, document.activeElement.value]") == [
        "region",
        "wallonia",
    ]
    expect(box).to_be_checked()


def test_without_javascript_apply_filters_lands_on_the_results_five_tabs_from_the_first(
    phone_without_js, site_url
):
    page = phone_without_js
    page.goto(site_url + CATALOGUE)
    page.locator("details.filters-disclosure > summary").click()
    region(page, "Bruxelles-Capitale").check()
    region(page, "Wallonie").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url(re.compile(r"region=brussels&region=wallonia.*#results$"))
    first = page.locator("#results .training-card h3 a").first
    expect(first).to_be_in_viewport()
    href = first.get_attribute("href")
    reached = []
    while href not in reached and len(reached) < 5:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.getAttribute('href')"))
    assert href in reached, f"the first result is more than 5 Tabs away after applying the filters: {reached}"


def test_the_main_menu_folds_behind_a_button_on_a_phone_and_shows_on_a_wide_screen(phone, browser, site_url):
    page = phone
    page.goto(site_url + CATALOGUE)
    menu = page.get_by_role("navigation", name="Principale")
    button = menu.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu.get_by_role("link").first).to_be_hidden()
    # folded, the header is two rows of controls and one of the menu button
    assert page.locator(".site-header").bounding_box()["height"] < 200
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Formations")).to_be_visible()
    no_sideways_scroll(page)
    button.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "false")

    context = new_context(browser, locale="de-BE", viewport={"width": 1280, "height": 800}, bypass_csp=False)
    wide = context.new_page()
    wide.goto(site_url + "/de/")
    menu = wide.get_by_role("navigation", name="Hauptmenü")
    expect(menu.get_by_role("button")).to_have_count(0)
    expect(menu.get_by_role("link").first).to_be_visible()
    context.close()
