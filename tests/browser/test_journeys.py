"""What visitors and editors do, in a real Chromium against the demo site: find and open a training with two
filters, switch language on a detail page, submit an event after fixing an error, edit-translate-publish in the
admin, and the search and catalogue filters with the keyboard only (focus always visible, no trap)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.support import axe_violations, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.demo]  # on the demo content (conftest.py)

ROOT = Path(__file__).resolve().parents[2]

EDITOR = ("editor", "journey-Passw0rd!")

EDITOR_SETUP = f"""
from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText
from home.models import HomePage, StandardPage

get_user_model().objects.create_superuser({EDITOR[0]!r}, "editor@example.org", {EDITOR[1]!r})
page = StandardPage(
    title="Volunteer with us",
    slug="volunteer-with-us",
    introduction="Give two hours a month to help women take their first digital steps.",
    body=[("paragraph", RichText("<p>Coaches help in libraries and community centres.</p>"))],
)
HomePage.objects.get(locale__language_code="en").add_child(instance=page)
page.save_revision().publish()
print(page.pk)
"""


@pytest.fixture(scope="module")
def editor_page_id(site_url, site_env):
    """An editor account and a new English page that exists in no other language yet; returns the page's id."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", EDITOR_SETUP],
        cwd=ROOT,
        env=site_env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


# Returns what the keyboard user sees of the focused element: whether it has a focus indicator (an outline or a
# box shadow), whether it is in the footer, and its accessible-ish name for failure messages.
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    return {
        indicator: Boolean(outline || shadow),
        sized: box.width > 0 && box.height > 0,
        inFooter: Boolean(el.closest('footer')),
        inFilters: Boolean(el.closest('form.filters')),
        id: el.id,
        name: el.name || '',
        label: (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 60),
        tag: el.tagName.toLowerCase(),
    };
}"""


def labelled(scope, text):
    """The control whose label reads `text` (a required field's label ends with an asterisk hidden from readers)."""
    return scope.get_by_label(re.compile(r"^\s*" + re.escape(text) + r"[\s*]*$"))


def tab_to(page, predicate, limit=250):
    """Press Tab until `predicate(focused)` holds, asserting at every stop that the focus is visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused is not None, "focus left the page"
        assert focused["indicator"] and focused["sized"], f"focus is not visible on {focused}"
        if predicate(focused):
            return focused
    raise AssertionError(
        f"{limit} presses of Tab did not reach the target: a keyboard trap or a missing control"
    )


def test_find_a_training_with_two_filters_and_open_it_in_french(page, site_url):
    page.goto(site_url + "/fr/formations/")
    filters = page.locator("form.filters")
    filters.get_by_role("group", name="Niveau").get_by_label("Débutant").check()
    filters.get_by_role("group", name="Format", exact=True).get_by_label("En présentiel").check()
    filters.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url(re.compile(r"#results$"))
    assert "level=basic" in page.url and "format=on-site" in page.url
    results = page.locator("section[aria-labelledby=results-heading]")
    assert re.fullmatch(r"\d+ formations trouvées", results.get_by_role("status").inner_text())
    first = results.locator("h3 a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    main = page.locator("main").inner_text()
    assert "Débutant" in main and "En présentiel" in main


def test_switching_language_on_a_training_lands_on_the_same_training(page, site_url):
    page.goto(site_url + "/en/trainings/web-developer-bootcamp-becode-ghent/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()
    page.wait_for_url("**/nl/opleidingen/bootcamp-webontwikkelaar-becode-gent/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Gent" in page.locator("h1").inner_text()


def test_submit_an_event_fix_the_error_and_get_a_reference(page, site_url):
    page.goto(site_url + "/fr/evenements/submit/")
    form = page.locator("main form[method=post]")
    labelled(form, "Organisation").fill("Femmes & Code asbl")
    labelled(form, "Votre nom").fill("Nadia Benali")
    labelled(form, "Votre adresse e-mail").fill("nadia@example.org")
    labelled(form, "Titre de l'événement").fill("Atelier découverte du code")
    labelled(form, "Type d'événement").select_option("workshop")
    labelled(form, "Début").fill("2031-03-12T14:00")
    labelled(form, "Fin").fill("2031-03-12T17:00")
    labelled(form, "Lien en ligne").fill("https://example.org/atelier")
    labelled(form, "Région").select_option("brussels")
    labelled(form, "Français").check()
    labelled(form, "Nom").first.fill("Claire Dubois")
    form.locator("input[name=consent]").check()
    # The summary is forgotten.
    form.get_by_role("button", name="Envoyer pour relecture").click()

    expect(page.get_by_role("alert").first).to_be_visible()
    summary = labelled(page.locator("main form[method=post]"), "Résumé")
    assert summary.get_attribute("aria-invalid") == "true"
    assert labelled(page.locator("main form[method=post]"), "Titre de l'événement").input_value() == (
        "Atelier découverte du code"
    )
    violations = axe_violations(page)  # the French form with errors (see test_accessibility.py)
    assert not violations, format_violations(violations)

    summary.fill("Deux heures pour écrire sa première page web, sans prérequis.")
    page.locator("main form[method=post]").get_by_role("button", name="Envoyer pour relecture").click()
    expect(page.locator("h1")).to_have_text("Merci, nous avons bien reçu votre événement")
    assert re.search(r"[A-Z0-9-]{6,}", page.get_by_role("status").locator("strong").inner_text())


def test_editor_edits_translates_and_publishes_a_page(page, site_url, editor_page_id):
    page.goto(site_url + "/admin/")
    page.get_by_label("Username").fill(EDITOR[0])
    page.get_by_label("Password").fill(EDITOR[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("button", name="editor")).to_be_visible()

    page.goto(f"{site_url}/admin/pages/{editor_page_id}/edit/")
    page.get_by_role("textbox", name="Introduction").fill("Give two hours a month; we train every coach.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("has been published")
    page.goto(site_url + "/en/volunteer-with-us/")
    assert "we train every coach" in page.locator("main").inner_text()

    page.goto(f"{site_url}/admin/pages/{editor_page_id}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("Français").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".messages")).to_contain_text("submitted for translation into Français")

    page.get_by_role("button", name="Translate").first.click()
    page.locator("textarea").first.fill("Devenez bénévole")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish in Français").click()
    expect(page.locator(".messages")).to_contain_text("Published 'Devenez bénévole' in Français")

    page.goto(site_url + "/fr/volunteer-with-us/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Devenez bénévole"


def test_search_with_the_keyboard_only(page, site_url):
    page.goto(site_url + "/nl/")
    tab_to(page, lambda focused: focused["id"] == "site-search-q")
    page.keyboard.type("vrouwen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/nl/search/\?q=vrouwen"))
    assert page.locator("main h2 a, main h3 a").count() > 0
    tab_to(page, lambda focused: focused["inFooter"])


def test_catalogue_filters_with_the_keyboard_only(page, site_url):
    page.goto(site_url + "/de/schulungen/")
    tab_to(page, lambda focused: focused["name"] == "level")
    page.keyboard.press("Space")  # the first level
    tab_to(page, lambda focused: focused["name"] == "format")
    page.keyboard.press("Space")
    tab_to(page, lambda focused: focused["tag"] == "input" and focused["name"] == "free")
    page.keyboard.press("Space")
    tab_to(page, lambda focused: focused["tag"] == "button" and focused["inFilters"])
    page.keyboard.press("Enter")
    # the form lands on the results (the address the script keeps up to date has no "#results")
    page.wait_for_url(re.compile(r"level=\w+.*format=.*free=1.*#results$"))
    assert page.locator("input[name=level]:checked").count() == 1
    tab_to(page, lambda focused: focused["inFooter"])
