"""One policy for content that exists in fewer languages (home.listing.with_content_only_in_other_languages):
a training, initiative, event or role model with no version in the visitor's language still shows in her
language's listing, once, marked with its language (`lang` on the card, and a line saying which) and linking
to the version that exists; the facets count and filter it like the others."""

import pytest

from home.factories import translate
from tests.html import soup
from trainings.factories import TrainingPageFactory
from trainings.models import TrainingCatalogPage

pytestmark = pytest.mark.django_db


def cards(response, selector):
    assert response.status_code == 200
    return {
        card.select_one("h2 a, h3 a").get_text(strip=True): card for card in soup(response).select(selector)
    }


def test_a_dutch_training_shows_in_every_catalogue_marked_as_dutch(localhost_client, content):
    dutch = content.add(
        TrainingPageFactory,
        TrainingCatalogPage.objects.get(locale__language_code="nl"),
        title="Webontwikkeling in Gent",
        format=content.term("online", "nl"),
        level=content.term("basic", "nl"),
        region=content.term("flanders", "nl"),
        languages=["nl"],
    )
    for code, marker in [("fr", "En néerlandais"), ("de", "Auf Niederländisch"), ("en", "In Dutch")]:
        catalogue = TrainingCatalogPage.objects.get(locale__language_code=code)
        card = cards(localhost_client.get(catalogue.url), ".training-card")["Webontwikkeling in Gent"]
        assert card["lang"] == "nl"
        assert card.select_one(".card-language").get_text(strip=True) == marker
        assert card.select_one(".card-language")["lang"] == code
        assert card.select_one("h3 a")["href"] == dutch.url
        # Its terms are named in the visitor's language, and the facets find it.
        filtered = localhost_client.get(
            catalogue.url, {"language": "nl", "region": "flanders", "format": "online"}
        )
        assert "Webontwikkeling in Gent" in cards(filtered, ".training-card")
    # In its own language, an ordinary card.
    card = cards(
        localhost_client.get(TrainingCatalogPage.objects.get(locale__language_code="nl").url),
        ".training-card",
    )
    assert not card["Webontwikkeling in Gent"].has_attr("lang")
    assert card["Webontwikkeling in Gent"].select_one(".card-language") is None


def test_a_translated_page_shows_once_in_each_language_and_the_original_where_there_is_none(
    localhost_client, content
):
    english = content.trainings("en")[0]
    french = translate(english, codes=["fr"])["fr"]
    by_language = {}
    for code in ("en", "fr", "nl", "de"):
        catalogue = TrainingCatalogPage.objects.get(locale__language_code=code)
        found = cards(localhost_client.get(catalogue.url), ".training-card")
        versions = [title for title in found if title in (english.title, french.title)]
        assert len(versions) == 1, (code, versions)
        by_language[code] = found[versions[0]]
    assert by_language["fr"].select_one("h3 a")["href"] == french.url
    assert not by_language["fr"].has_attr("lang")
    for code in ("nl", "de"):
        assert by_language[code]["lang"] == "en"
        assert by_language[code].select_one("h3 a")["href"] == english.url


def test_events_initiatives_and_role_models_in_one_language_show_in_the_others(localhost_client, content):
    made = content.one_of_each(["de"])
    for page in made:
        index = page.get_parent().specific
        french_index = index.get_translation(index.locale.__class__.objects.get(language_code="fr"))
        response = localhost_client.get(french_index.url)
        card = cards(response, ".card")[page.title]
        assert card["lang"] == "de", page
        assert card.select_one(".card-language").get_text(strip=True) == "En allemand"


def test_an_organisation_section_lists_its_trainings_that_exist_only_in_another_language(
    localhost_client, content
):
    becode = content.organisation("becode", "nl")
    dutch = content.add(
        TrainingPageFactory,
        TrainingCatalogPage.objects.get(locale__language_code="nl"),
        title="Cybersecurity in Antwerpen",
        provider=becode,
        languages=["nl"],
    )
    for code, marker in [("fr", "En néerlandais"), ("de", "Auf Niederländisch"), ("en", "In Dutch")]:
        catalogue = TrainingCatalogPage.objects.get(locale__language_code=code)
        section = localhost_client.get(f"{catalogue.url}organisations/becode/")
        card = cards(section, ".training-card")["Cybersecurity in Antwerpen"]
        assert card["lang"] == "nl"
        assert card.select_one(".card-language").get_text(strip=True) == marker
        assert card.select_one("h3 a")["href"] == dutch.url
    # Once translated into French, the French section shows the French version only.
    french = translate(dutch, codes=["fr"])["fr"]
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="fr")
    found = cards(localhost_client.get(f"{catalogue.url}organisations/becode/"), ".training-card")
    assert [title for title in found if "Antwerpen" in title] == [french.title]
    assert not found[french.title].has_attr("lang")


def test_the_expert_directory_lists_experts_who_exist_only_in_another_language_and_their_form_works(
    localhost_client, content
):
    from testimonials.factories import TestimonialPageFactory
    from testimonials.models import TestimonialIndexPage

    french = content.add(
        TestimonialPageFactory,
        TestimonialIndexPage.objects.get(locale__language_code="fr"),
        title="Noémie Lambert",
        job_title="Ingénieure en données",
        languages=["fr"],
        open_to_speaking=True,
    )
    dutch_index = TestimonialIndexPage.objects.get(locale__language_code="nl")
    directory = localhost_client.get(dutch_index.url + "experts/")
    card = cards(directory, ".card")["Noémie Lambert"]
    assert card["lang"] == "fr"
    assert card.select_one(".card-language").get_text(strip=True) == "In het Frans"
    # Her contact form is reached from the Dutch directory, in Dutch.
    form = localhost_client.get(dutch_index.url + f"experts/{french.pk}/contact/")
    assert form.status_code == 200
    assert soup(form).html["lang"] == "nl"
