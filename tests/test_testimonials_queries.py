"""Role models: the SQL queries of the role-model page, the listing and the expert directory do not grow with
the amount of content, and the consent rule guards every way of publishing.

Django keeps no pages and the results cache is off in test settings, so every request below does its real
work.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import translation
from taggit.models import Tag
from wagtail.models import Locale

from home.factories import CompetenceAreaFactory, TargetGroupFactory
from home.models import CompetenceArea, Organisation, Region, TargetGroup
from testimonials.factories import TestimonialPageFactory as RoleModelFactory
from testimonials.listing import RoleModelListing
from testimonials.models import TestimonialIndexPage as RoleModelIndex
from testimonials.models import TestimonialPage as RoleModel
from testimonials.models import TestimonialPageCareerStep as CareerStep
from tests.html import count_queries

pytestmark = pytest.mark.django_db


def index_for(code):
    return RoleModelIndex.objects.get(locale__language_code=code)


@pytest.fixture
def make_role_models(content, portrait):
    """make_role_models(index, count, prefix, areas=, groups=, tags=, steps=): `count` published role models
    under `index`, with a portrait, an employer, the region "brussels", `areas` competence areas (cybersecurity
    first), `groups` target groups, `tags` expertise tags and `steps` career steps, in the index's language
    (whose vocabularies get enough terms for that)."""
    content.organisations()
    for locale in Locale.objects.all():
        CompetenceAreaFactory.create_batch(4, locale=locale)
        TargetGroupFactory.create_batch(4, locale=locale)

    def make(index, count, prefix, **numbers):
        return _make_role_models(index, count, prefix, portrait=portrait, **numbers)

    return make


def _make_role_models(index, count, prefix, *, portrait, areas=1, groups=1, tags=1, steps=1):
    locale = index.locale
    employer = Organisation.objects.filter(locale=locale).first()
    region = Region.objects.get(slug="brussels", locale=locale)
    all_areas = list(CompetenceArea.objects.filter(locale=locale))
    cyber = [term for term in all_areas if term.slug == "cybersecurity"]
    others = [term for term in all_areas if term.slug != "cybersecurity"]
    all_groups = list(TargetGroup.objects.filter(locale=locale))
    all_tags = [
        Tag.objects.get_or_create(slug=f"tag-{n}", defaults={"name": f"tag {n}"})[0] for n in range(tags)
    ]
    pages = []
    for number in range(count):
        page = RoleModelFactory.build(
            title=f"{prefix} {number:03d}",
            slug=f"{prefix.lower().replace(' ', '-')}-{number:03d}",
            portrait=portrait,
            portrait_alt_text="Portrait",
            employer=employer,
            region=region,
            open_to_speaking=True,
            languages=["en", "fr"],
        )
        page.competence_areas = (cyber + others)[:areas]
        page.target_groups = all_groups[:groups]
        page.career_steps = [
            CareerStep(year=2000 + n, role=f"Role {n}", sort_order=n, locale=locale) for n in range(steps)
        ]
        index.add_child(instance=page)
        page.expertise_tags.add(*all_tags)
        page.save_revision().publish()
        pages.append(page)
    return pages


@pytest.mark.parametrize("language", ["en", "fr"])
def test_role_model_page_queries_do_not_grow_with_her_competences_tags_and_career(
    client, make_role_models, language
):
    index = index_for(language)
    [small] = make_role_models(index, 1, "Aa Small", areas=1, groups=1, tags=1, steps=1)
    [large] = make_role_models(index, 1, "Aa Large", areas=6, groups=5, tags=6, steps=8)

    few, small_page = count_queries(client, small.url)
    many, large_page = count_queries(client, large.url)

    assert len(large_page.select(".career-path li")) == 8
    assert len(large_page.select("#expertise-heading ~ p .tag")) == 6 + 6 + 5
    assert large_page.select_one('a.button[href$="/contact/"]')
    assert many == few


def test_role_model_listing_queries_do_not_grow_with_the_number_of_role_models(client, make_role_models):
    index = index_for("en")
    params = {"competence": "cybersecurity", "region": "brussels"}
    make_role_models(index, 5, "Aa First", areas=2)
    few, small_page = count_queries(client, index.url, params)
    make_role_models(index, 10, "Aa More", areas=4, groups=3, tags=2)  # three times as many
    many, large_page = count_queries(client, index.url, params)

    assert (
        len(small_page.select(".role-model-card")) == 5 and len(large_page.select(".role-model-card")) == 12
    )
    assert many == few


def test_expert_directory_queries_do_not_grow_with_the_number_of_experts(client, make_role_models):
    index = index_for("en")
    url = index.url + "experts/"
    params = {"language": "fr", "expertise": "cybersecurity"}
    make_role_models(index, 5, "Aa First", areas=2)
    few, small_page = count_queries(client, url, params)
    make_role_models(index, 10, "Aa More", areas=4, groups=3, tags=2)  # three times as many
    many, large_page = count_queries(client, url, params)

    assert (
        len(small_page.select(".role-model-card")) == 5 and len(large_page.select(".role-model-card")) == 12
    )
    assert many == few


def test_facet_counts_count_each_value(client, content, make_role_models):
    index = index_for("en")
    content.role_models("en")
    make_role_models(index, 3, "Aa Counted", areas=1)
    with translation.override("en"):
        counts = RoleModelListing(RequestFactory().get("/"), index).counts
    base = index.role_models()
    assert counts["region"]["brussels"] == base.filter(region__slug="brussels").count() >= 3
    assert (
        counts["competence"]["cybersecurity"] == base.filter(competence_areas__slug="cybersecurity").count()
    )
    assert counts["sector"]["software"] == base.filter(sector="software").count() > 0


# -- consent on every publishing path -------------------------------------------------------------------
def test_publishing_a_revision_without_consent_is_refused_but_drafts_are_saved():
    index = index_for("en")
    page = RoleModel(
        title="No consent yet", slug="no-consent-yet", job_title="Tester", sector="software", live=False
    )
    index.add_child(instance=page)
    page.job_title = "Tester and writer"
    revision = page.save_revision()  # a draft: saved without consent
    assert RoleModel.objects.get(pk=page.pk).get_latest_revision_as_object().job_title == "Tester and writer"

    with pytest.raises(ValidationError) as error:
        revision.publish()  # e.g. workflow approval or scheduled publishing
    assert "consent_date" in error.value.message_dict
    assert not RoleModel.objects.get(pk=page.pk).live

    page.consent_date = datetime.date(2025, 3, 1)
    page.save_revision().publish()
    assert RoleModel.objects.get(pk=page.pk).live


def test_a_live_role_model_cannot_be_created_without_consent():
    page = RoleModel(title="Straight live", slug="straight-live", job_title="Tester", sector="software")
    with pytest.raises(ValidationError):
        index_for("en").add_child(instance=page)


def test_submitting_for_moderation_without_consent_is_refused(admin_client):
    from tests.test_testimonials import _admin_post_data

    index = index_for("en")
    page = RoleModel(
        title="To moderate", slug="to-moderate", job_title="Tester", sector="software", live=False
    )
    index.add_child(instance=page)
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/", _admin_post_data(page, **{"action-submit": "action-submit"})
    )
    assert response.status_code == 200
    assert "cannot be published without the date on which she agreed" in response.content.decode()
