"""The one languages field (home.fields.LanguagesField) of role models, events and trainings."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from events.models import EventPage
from home.languages import language_codes
from testimonials.models import TestimonialPage as RoleModel
from trainings.models import TrainingPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

MODELS = [RoleModel, EventPage, TrainingPage]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("codes", [["de"], ["nl", "de"], ["en"]])
def test_overlap_finds_exactly_the_pages_with_one_of_the_languages(model, codes):
    expected = {page.pk for page in model.objects.all() if set(codes) & set(page.languages)}
    assert expected  # the demo content has some of each
    assert set(model.objects.filter(languages__overlap=codes).values_list("pk", flat=True)) == expected


def test_overlap_takes_codes_literally_not_as_like_patterns():
    assert RoleModel.objects.filter(languages__overlap=["en"]).exists()
    assert not RoleModel.objects.filter(languages__overlap=["_n"]).exists()
    assert not RoleModel.objects.filter(languages__overlap=["%"]).exists()


def test_overlap_with_no_codes_matches_nothing():
    assert not RoleModel.objects.filter(languages__overlap=[]).exists()


def test_languages_keep_their_list_through_the_database():
    page = RoleModel.objects.filter(locale__language_code="en").first()
    page.languages = ["nl", "de"]
    page.save(update_fields=["languages"])
    page.refresh_from_db()
    assert page.languages == ["nl", "de"]


def test_a_code_outside_the_site_languages_is_refused():
    page = EventPage.objects.first()
    page.languages = ["fr", "xx"]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "languages" in error.value.message_dict


def test_a_training_needs_a_language_of_instruction():
    training = TrainingPage.objects.first()
    training.languages = []
    with pytest.raises(ValidationError) as error:
        training.full_clean()
    assert "languages" in error.value.message_dict


def test_labels_follow_the_site_languages_order_in_the_active_language():
    page = EventPage.objects.first()
    page.languages = ["de", "en"]
    with translation.override("fr"):
        assert page.get_languages_labels() == ["Anglais", "Allemand"]
    with translation.override("nl"):
        assert page.get_languages_labels() == ["Engels", "Duits"]


def test_editors_tick_the_languages_in_the_admin(admin_client):
    page = RoleModel.objects.filter(locale__language_code="en").first()
    page.languages = ["fr", "de"]
    page.save_revision().publish()
    html = BeautifulSoup(admin_client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
    boxes = html.select('input[type="checkbox"][name="languages"]')
    assert [box["value"] for box in boxes] == language_codes()
    assert [box["value"] for box in boxes if box.has_attr("checked")] == ["fr", "de"]
