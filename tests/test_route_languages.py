"""Sub-pages served by a page's routes (the expert directory, an expert's contact form, the event submission form)
are pages of their own for languages: their own hreflang set, a language switcher that stays on the sub-page,
and a canonical address."""

import pytest

from home.factories import publish
from testimonials import factories as role_models
from testimonials import models as role_model_pages
from tests.html import soup

pytestmark = pytest.mark.django_db

INDEXES = {"en": "/en/role-models/", "fr": "/fr/modeles/", "nl": "/nl/rolmodellen/", "de": "/de/vorbilder/"}


def alternates(page):
    return {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}


def switcher(page):
    return {link["hreflang"]: link["href"] for link in page.select("nav a[hreflang]")}


def test_the_expert_directory_links_to_itself_in_every_language(client, experts):
    page = soup(client.get("/nl/rolmodellen/experts/"))
    expected = {code: f"{index}experts/" for code, index in INDEXES.items()}
    assert alternates(page) == {
        **{code: f"http://testserver{url}" for code, url in expected.items()},
        "x-default": "http://testserver/en/role-models/experts/",
    }
    assert switcher(page) == expected
    assert page.select_one("link[rel=canonical]")["href"] == "http://testserver/nl/rolmodellen/experts/"


def test_an_experts_contact_form_leads_to_her_form_in_the_other_languages(client, experts):
    julia = experts["julia-weber"]
    page = soup(client.get(f"/de/vorbilder/experts/{julia['de'].pk}/contact/"))
    expected = {code: f"{INDEXES[code]}experts/{julia[code].pk}/contact/" for code in INDEXES}
    assert switcher(page) == expected
    assert alternates(page)["fr"] == f"http://testserver{expected['fr']}"


def test_a_contact_form_missing_in_a_language_sends_the_visitor_to_that_home_page_with_a_note(
    client, experts
):
    english_index = role_model_pages.TestimonialIndexPage.objects.get(locale__language_code="en")
    nora = publish(
        role_models.TestimonialPageFactory(
            parent=english_index, title="Nora Janssens", slug="nora-janssens", open_to_speaking=True
        )
    )
    page = soup(client.get(f"/en/role-models/experts/{nora.pk}/contact/"))
    assert alternates(page) == {}  # one language only: no alternates to announce
    assert switcher(page)["fr"] == "/fr/?untranslated=1"
    assert switcher(page)["en"] == f"/en/role-models/experts/{nora.pk}/contact/"


def test_the_event_submission_form_links_to_itself_in_every_language(client):
    page = soup(client.get("/fr/evenements/submit/"))
    assert switcher(page) == {
        "en": "/en/events/submit/",
        "fr": "/fr/evenements/submit/",
        "nl": "/nl/evenementen/submit/",
        "de": "/de/veranstaltungen/submit/",
    }
    assert page.select_one("link[rel=canonical]")["href"] == "http://testserver/fr/evenements/submit/"


def test_a_listings_result_pages_are_each_their_own_canonical_page(client):
    second = soup(client.get("/de/schulungen/?page=2&format=online"))
    assert second.select_one("link[rel=canonical]")["href"] == "http://testserver/de/schulungen/?page=2"
    first = soup(client.get("/de/schulungen/?format=online"))
    assert first.select_one("link[rel=canonical]")["href"] == "http://testserver/de/schulungen/"
