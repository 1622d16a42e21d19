"""home.localization.localized: a term, organisation or page in the active language, in bounded queries."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale

from home.factories import OrganisationFactory, publish, translate
from home.localization import active_locale_id, localized
from home.models import Organisation, Region
from testimonials.factories import TestimonialPageFactory as RoleModelFactory
from testimonials.models import TestimonialIndexPage as RoleModelIndex
from testimonials.models import TestimonialPage as RoleModel

pytestmark = pytest.mark.django_db


def english(model):
    return model.objects.filter(locale__language_code="en")


def translated_to(obj, language):
    return obj.get_translation(Locale.objects.get(language_code=language))


@pytest.fixture
def organisations():
    """Four organisations in English, each translated into the other languages."""
    made = [OrganisationFactory(name=name) for name in ("Interface3", "BeCode", "Technobel", "Agoria")]
    for organisation in made:
        translate(organisation)
    return made


@pytest.fixture
def role_model(vocabularies, organisations):
    """A published role model in English, in a region and two competence areas, working at the first
    organisation, translated (and published) into the other languages."""
    index = RoleModelIndex.objects.get(locale__language_code="en")
    page = RoleModelFactory(
        parent=index,
        title="Amina Haddad",
        region=vocabularies["brussels"]["en"],
        employer=organisations[0],
    )
    page.competence_areas.set([vocabularies["cybersecurity"]["en"], vocabularies["programming-web"]["en"]])
    page = publish(page)
    translate(page)
    return page


def test_terms_come_from_the_cached_term_map_without_a_query(vocabularies):
    regions = list(english(Region))
    assert len(regions) > 2
    with translation.override("de"):
        localized(regions)  # warms the map
        with CaptureQueriesContext(connection) as queries:
            german = localized(regions)
    assert len(queries) == 0
    assert [region.pk for region in german] == [translated_to(region, "de").pk for region in regions]


def test_a_list_of_organisations_is_localized_in_one_query_in_its_order(organisations):
    organisations = list(english(Organisation).order_by("-name"))
    assert len(organisations) > 2
    with translation.override("nl"):
        active_locale_id()  # warms the cached locale ids
        with CaptureQueriesContext(connection) as queries:
            dutch = localized([*organisations, None])
    assert len(queries) == 1
    assert [org.translation_key for org in dutch] == [org.translation_key for org in organisations]
    assert {org.locale.language_code for org in dutch} == {"nl"}


def test_objects_already_in_the_active_language_need_no_query(organisations):
    organisations = list(Organisation.objects.filter(locale__language_code="fr"))
    assert len(organisations) > 2
    with translation.override("fr"):
        localized(organisations[:1])  # warms the locale ids
        with CaptureQueriesContext(connection) as queries:
            assert localized(organisations) == organisations
    assert len(queries) == 0


def test_what_a_page_links_to_in_the_active_language(role_model):
    role_model = english(RoleModel).get(pk=role_model.pk)
    role_model.employer_id = english(Organisation).first().pk  # not loaded: found by id
    with translation.override("fr"):
        region = localized(role_model, "region")
        employer = localized(role_model, "employer")
        areas = localized(role_model, "competence_areas")
    assert region == translated_to(role_model.region, "fr")
    assert employer == translated_to(english(Organisation).first(), "fr")
    assert areas and {area.locale.language_code for area in areas} == {"fr"}


def test_a_page_is_replaced_only_by_a_live_translation(role_model):
    french = translated_to(role_model, "fr")
    with translation.override("fr"):
        assert localized(role_model).pk == french.pk
    french.unpublish()
    with translation.override("fr"):
        assert localized(role_model).pk == role_model.pk


def test_the_template_filter_shows_the_linked_term_in_the_active_language(role_model):
    role_model = english(RoleModel).get(pk=role_model.pk)
    template = Template('{% load localized %}{{ page|localized:"region" }}')
    with translation.override("nl"):
        html = template.render(Context({"page": role_model}))
    assert html == escape(translated_to(role_model.region, "nl").name)
