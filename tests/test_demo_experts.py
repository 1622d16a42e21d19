"""The demo's directory of women experts (testimonials/demo/role_models.json): organisers and journalists who
filter it by competence area and language find someone for almost every combination, in every site
language, through the directory's own listing (testimonials.listing.ExpertDirectory); and each language
version of an expert shows her expertise tags in its own language."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from home.languages import language_codes
from home.models import CompetenceArea
from testimonials.listing import ExpertDirectory
from testimonials.models import TestimonialIndexPage as RoleModelIndex
from testimonials.models import TestimonialPage as RoleModel

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def found(site_language, **params):
    """The names the expert directory of the `site_language` site lists for the filters `params` (a visitor's
    query string)."""
    index = RoleModelIndex.objects.get(locale__language_code=site_language)
    with translation.override(site_language):
        listing = ExpertDirectory(RequestFactory().get("/", params), index)
        return sorted(listing.filtered().values_list("title", flat=True))


@pytest.mark.parametrize("language", language_codes())
def test_most_competence_area_and_spoken_language_combinations_find_an_expert(language):
    areas = CompetenceArea.objects.filter(locale__language_code=language).values_list("slug", flat=True)
    combinations = [(area, spoken) for area in areas for spoken in ("fr", "nl", "de", "en")]
    assert len(combinations) >= 40
    empty = [
        (area, spoken)
        for area, spoken in combinations
        if not found(language, expertise=area, language=spoken)
    ]
    assert len(empty) <= 0.2 * len(combinations), empty


def test_ai_dutch_and_flanders_finds_experts_in_the_dutch_directory():
    experts = found("nl", expertise="data-ai", language="nl", region="flanders")
    assert len(experts) >= 2, experts


def test_each_language_version_of_an_expert_has_her_expertise_tags_in_its_language():
    tags = {
        page.locale.language_code: sorted(tag.name for tag in page.expertise_tags.all())
        for page in RoleModel.objects.filter(slug="lotte-van-den-broeck").select_related("locale")
    }
    assert tags == {
        "en": ["artificial intelligence", "python"],
        "fr": ["intelligence artificielle", "python"],
        "nl": ["artificiële intelligentie", "python"],
        "de": ["Python", "künstliche Intelligenz"],
    }
    # the visitor's words in her own language find the expert by her tag
    assert "Lotte Van den Broeck" in found("nl", q="artificiële intelligentie")
    assert "Lotte Van den Broeck" in found("de", q="künstliche Intelligenz")
