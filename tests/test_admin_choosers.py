"""Choosers in the page's language (issue 14, point 2): on the admin form of a page, vocabulary and
organisation fields offer the terms of the page's locale only, each once; the translation editor never shows
stored codes (languages, facilities) as text to translate."""

import re

import pytest
from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource

from home.factories import OrganisationFactory, in_languages, publish, translate
from home.models import CompetenceArea, Organisation, TargetGroup

pytestmark = pytest.mark.django_db


def checkbox_values(html, name):
    """The values of the checkboxes named `name` in the form."""
    return [int(value) for value in re.findall(rf'<input type="checkbox" name="{name}" value="(\d+)"', html)]


def assert_choosers_open_in(html, model_name, code):
    """Every chooser of `model_name` snippets on the page opens on the snippets of language `code`."""
    url = f"/admin/snippets/choose/home/{model_name}/"
    assert html.count(url) >= 1
    assert html.count(url) == html.count(f"{url}?locale={code}")


def ids_in(model, code):
    return sorted(model.objects.filter(locale__language_code=code).values_list("pk", flat=True))


def catalogue(code):
    from trainings.models import TrainingCatalogPage

    return TrainingCatalogPage.objects.get(locale__language_code=code)


@pytest.mark.parametrize("code", ["en", "fr"])
def test_a_new_training_offers_the_terms_of_its_language_each_once(editor_client, vocabularies, code):
    response = editor_client.get(f"/admin/pages/add/trainings/trainingpage/{catalogue(code).pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert CompetenceArea.objects.count() > len(ids_in(CompetenceArea, code))  # terms in four languages
    assert sorted(checkbox_values(html, "competence_areas")) == ids_in(CompetenceArea, code)
    assert sorted(checkbox_values(html, "target_groups")) == ids_in(TargetGroup, code)


def test_a_french_training_offers_and_ticks_french_terms(editor_client, vocabularies):
    from trainings.factories import TrainingPageFactory

    page = TrainingPageFactory(parent=catalogue("fr"), title="Les bases du web")
    page.competence_areas = [vocabularies["cybersecurity"]["fr"]]
    french = publish(page)
    response = editor_client.get(f"/admin/pages/{french.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert sorted(checkbox_values(html, "competence_areas")) == ids_in(CompetenceArea, "fr")
    checked = re.findall(r'<input type="checkbox" name="competence_areas" value="(\d+)"[^>]*checked', html)
    assert [int(pk) for pk in checked] == [vocabularies["cybersecurity"]["fr"].pk]


def test_the_form_of_a_synced_translation_holds_its_french_terms(admin_user, vocabularies):
    """After a sync the French training links to French terms, which its admin form offers (so the form of
    a translation that stops being synced is valid as it is)."""
    from trainings.factories import TrainingPageFactory
    from trainings.models import TrainingPage

    page = TrainingPageFactory(
        parent=catalogue("en"),
        title="Web basics",
        format=vocabularies["online"]["en"],
        level=vocabularies["basic"]["en"],
        region=vocabularies["wallonia"]["en"],
    )
    page.competence_areas = [vocabularies["cybersecurity"]["en"]]
    french = translate(publish(page), codes=["fr"])["fr"]
    form_class = TrainingPage.get_edit_handler().get_form_class()
    form = form_class(instance=french, parent_page=catalogue("fr"), for_user=admin_user)
    field = form.fields["competence_areas"]
    assert list(field.queryset.filter(pk__in=form.initial["competence_areas"])) == [
        vocabularies["cybersecurity"]["fr"]
    ]
    for name in ("format", "level", "region"):
        assert form.fields[name].queryset.filter(pk=form.initial[name]).exists(), name


def test_the_admin_form_refuses_a_term_of_another_language(admin_user, vocabularies):
    from trainings.models import TrainingPage

    form_class = TrainingPage.get_edit_handler().get_form_class()
    form = form_class(instance=TrainingPage(), parent_page=catalogue("fr"), for_user=admin_user)
    field = form.fields["competence_areas"]
    assert set(field.queryset) == {terms["fr"] for terms in vocabularies.values() if "fr" in terms} & set(
        CompetenceArea.objects.all()
    )
    with pytest.raises(Exception, match="valid choice"):
        field.clean([vocabularies["cybersecurity"]["en"].pk])


def test_organisation_choosers_open_on_the_organisations_of_the_page_language(editor_client, vocabularies):
    """An event lists each organiser once (in its language); the provider and exhibitor choosers open on that
    language's organisations."""
    from events.models import EventIndexPage

    english = OrganisationFactory(slug="agoria", name="Agoria")
    translate(english, in_languages(en="Agoria", fr="Agoria FR"))
    index = EventIndexPage.objects.get(locale__language_code="fr")
    html = editor_client.get(f"/admin/pages/add/events/eventpage/{index.pk}/").content.decode()
    select = re.search(r'<select name="organisers".*?</select>', html, re.S).group(0)
    offered = [int(pk) for pk in re.findall(r'<option value="(\d+)"', select)]
    assert Organisation.objects.count() == 4
    assert offered == [english.get_translation(index.locale).pk]
    assert_choosers_open_in(html, "organisation", "fr")

    html = editor_client.get(
        f"/admin/pages/add/trainings/trainingpage/{catalogue('en').pk}/"
    ).content.decode()
    assert_choosers_open_in(html, "organisation", "en")


# -- the translation editor -----------------------------------------------------------------------------------
def segments_of(page):
    """The texts to translate and the values to keep or override that the translation editor shows for
    `page`."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    strings = StringSegment.objects.filter(source=source).select_related("string")
    overridables = OverridableSegment.objects.filter(source=source)
    return [segment.string.data for segment in strings] + [segment.data_json for segment in overridables]


def test_languages_and_facilities_are_not_offered_for_translation(vocabularies, experts):
    from events.factories import make_event
    from trainings.factories import TrainingPageFactory

    training = publish(
        TrainingPageFactory(
            parent=catalogue("en"), languages=["en", "fr"], facilities=["wheelchair", "childcare"]
        )
    )
    event = make_event(languages=["en", "fr"])
    role_model = experts["claire-dubois"]["en"]
    assert role_model.languages
    for page in (training, event, role_model):
        segments = segments_of(page)
        assert segments, page  # the page has text to translate
        for segment in segments:
            assert not re.search(r"enfr|\ben\b.*\bfr\b|wheelchair|childcare", segment), (page, segment)


@pytest.mark.demo
def test_the_admin_form_of_an_english_demo_training_lists_the_11_english_competence_areas(editor_client):
    """With the demo content: 11 competence areas in each of the four languages, 11 checkboxes."""
    from trainings.models import TrainingPage

    training = TrainingPage.objects.filter(locale__language_code="en").first()
    html = editor_client.get(f"/admin/pages/{training.pk}/edit/").content.decode()
    assert CompetenceArea.objects.count() == 44
    assert sorted(checkbox_values(html, "competence_areas")) == ids_in(CompetenceArea, "en")
    assert len(checkbox_values(html, "competence_areas")) == 11


@pytest.mark.demo
def test_the_demo_initiatives_show_their_outcomes_and_links_in_french(localhost_client):
    """The demo's outcomes and link labels are translated with the rest of the initiative."""
    from trainings.models import InitiativePage

    initiative = InitiativePage.objects.get(
        locale__language_code="fr",
        slug="offre-de-formation-numerique-pour-les-demandeurs-demploi-a-bruxelles",
    )
    html = localhost_client.get(initiative.url).content.decode()
    assert "mois pour apprendre le développement web" in html
    assert "months to learn web development" not in html
    assert "Site web" in html


def test_the_organisations_of_an_initiative_are_chosen_in_its_language(editor_client):
    from trainings.models import InitiativeIndexPage

    index = InitiativeIndexPage.objects.get(locale__language_code="nl")
    response = editor_client.get(f"/admin/pages/add/trainings/initiativepage/{index.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert_choosers_open_in(html, "organisation", "nl")


def test_a_french_organisation_chooses_its_region_among_the_french_regions(editor_client, vocabularies):
    response = editor_client.get("/admin/snippets/home/organisation/add/?locale=fr")
    html = response.content.decode()
    assert response.status_code == 200
    assert_choosers_open_in(html, "region", "fr")
