"""The one languages field (home.fields.LanguagesField) of role models, events and trainings."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from home.factories import publish
from home.languages import language_codes
from testimonials.factories import TestimonialPageFactory as RoleModelFactory
from testimonials.models import TestimonialIndexPage as RoleModelIndex
from testimonials.models import TestimonialPage as RoleModel
from trainings.factories import TrainingPageFactory
from trainings.models import TrainingCatalogPage, TrainingPage

pytestmark = pytest.mark.django_db

MODELS = [RoleModel, EventPage, TrainingPage]

FACTORIES = {
    RoleModel: (RoleModelFactory, RoleModelIndex),
    EventPage: (EventPageFactory, EventIndexPage),
    TrainingPage: (TrainingPageFactory, TrainingCatalogPage),
}

# The languages of the pages each test creates per model: each code of the tests below is in some, not all.
LANGUAGE_LISTS = [["de"], ["nl", "fr"], ["en"], ["fr"], ["en", "de", "nl"]]


def make_page(model, languages, language_code="en"):
    factory, index_model = FACTORIES[model]
    index = index_model.objects.get(locale__language_code=language_code)
    return publish(factory(parent=index, languages=languages))


@pytest.fixture
def pages():
    """Published pages of each model, in English, with the languages of LANGUAGE_LISTS: {model: [page]}."""
    return {model: [make_page(model, languages) for languages in LANGUAGE_LISTS] for model in MODELS}


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("codes", [["de"], ["nl", "de"], ["en"]])
def test_overlap_finds_exactly_the_pages_with_one_of_the_languages(pages, model, codes):
    expected = {page.pk for page in model.objects.all() if set(codes) & set(page.languages)}
    assert expected  # the pages made have some of each
    assert expected != set(model.objects.values_list("pk", flat=True))  # and some without
    assert {page.pk for page in pages[model] if set(codes) & set(page.languages)} <= expected
    assert set(model.objects.filter(languages__overlap=codes).values_list("pk", flat=True)) == expected


def test_overlap_takes_codes_literally_not_as_like_patterns(pages):
    assert RoleModel.objects.filter(languages__overlap=["en"]).exists()
    assert not RoleModel.objects.filter(languages__overlap=["_n"]).exists()
    assert not RoleModel.objects.filter(languages__overlap=["%"]).exists()


def test_overlap_with_no_codes_matches_nothing(pages):
    assert RoleModel.objects.exists()
    assert not RoleModel.objects.filter(languages__overlap=[]).exists()


def test_languages_keep_their_list_through_the_database():
    page = make_page(RoleModel, ["en"])
    page.languages = ["nl", "de"]
    page.save(update_fields=["languages"])
    page.refresh_from_db()
    assert page.languages == ["nl", "de"]


def test_a_code_outside_the_site_languages_is_refused():
    page = make_page(EventPage, ["fr"])
    page.languages = ["fr", "xx"]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "languages" in error.value.message_dict


def test_a_training_needs_a_language_of_instruction():
    training = make_page(TrainingPage, ["en"])
    training.full_clean()  # valid with its language
    training.languages = []
    with pytest.raises(ValidationError) as error:
        training.full_clean()
    assert "languages" in error.value.message_dict


def test_labels_follow_the_site_languages_order_in_the_active_language():
    page = make_page(EventPage, ["en"])
    page.languages = ["de", "en"]
    with translation.override("fr"):
        assert page.get_languages_labels() == ["Anglais", "Allemand"]
    with translation.override("nl"):
        assert page.get_languages_labels() == ["Engels", "Duits"]


def test_editors_tick_the_languages_in_the_admin(admin_client):
    page = make_page(RoleModel, ["en"])
    page.languages = ["fr", "de"]
    page.save_revision().publish()
    html = BeautifulSoup(admin_client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
    boxes = html.select('input[type="checkbox"][name="languages"]')
    assert [box["value"] for box in boxes] == language_codes()
    assert [box["value"] for box in boxes if box.has_attr("checked")] == ["fr", "de"]
