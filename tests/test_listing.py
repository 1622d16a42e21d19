"""The listing engine (home.listing) behind role models, the expert directory, events, trainings and
initiatives: what each facet announces is what choosing it gives, whatever the kind of facet (choice,
vocabulary term or terms, language list stored as JSON or as ",en," text, flag, upcoming/past), with or
without a text search; unknown values are ignored and reported, the others kept."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from events.listing import EventListing
from events.models import EventIndexPage
from home.factories import publish
from testimonials.factories import TestimonialPageFactory as RoleModelFactory
from testimonials.listing import ExpertDirectory, RoleModelListing
from testimonials.models import TestimonialIndexPage as RoleModelIndex
from tests.html import soup
from trainings.listing import InitiativeListing, TrainingListing
from trainings.models import InitiativeIndexPage, TrainingCatalogPage

pytestmark = pytest.mark.django_db


def listing_for(listing_class, index, params, language):
    with translation.override(language):
        listing = listing_class(RequestFactory().get("/", params), index)
        listing.facet_states  # noqa: B018 - computed in the active language
        return listing


@pytest.mark.parametrize(
    ("listing_class", "index_model", "make", "language", "selected"),
    [
        (RoleModelListing, RoleModelIndex, "role_models", "fr", {}),
        (
            RoleModelListing,
            RoleModelIndex,
            "role_models",
            "en",
            {"sector": "software", "region": "brussels"},
        ),
        (ExpertDirectory, RoleModelIndex, "role_models", "nl", {"language": "nl"}),
        (ExpertDirectory, RoleModelIndex, "role_models", "en", {"q": "data", "region": "brussels"}),
        (EventListing, EventIndexPage, "events", "fr", {}),
        (TrainingListing, TrainingCatalogPage, "trainings", "nl", {}),
        (
            TrainingListing,
            TrainingCatalogPage,
            "trainings",
            "en",
            {"free": "1", "audience": "women-jobseekers"},
        ),
        (TrainingListing, TrainingCatalogPage, "trainings", "fr", {"q": "web", "region": "flanders"}),
        (InitiativeListing, InitiativeIndexPage, "initiatives", "de", {"kind": "programme"}),
        (EventListing, EventIndexPage, "events", "de", {"when": "past"}),
        (EventListing, EventIndexPage, "events", "fr", {"kind": "workshop"}),
    ],
)
def test_every_announced_count_is_what_choosing_it_gives(
    content, listing_class, index_model, make, language, selected
):
    getattr(content, make)(language)
    index = index_model.objects.get(locale__language_code=language)
    listing = listing_for(listing_class, index, selected, language)
    assert listing.counts["total"] == listing.filtered().count() > 0
    checked = 0
    for state in listing.facet_states:
        for value, _label, announced, is_selected in state.options:
            if is_selected:
                continue
            narrowed = listing_for(listing_class, index, {**selected, state.name: value}, language)
            assert announced == narrowed.filtered().count(), (state.name, value)
            checked += announced > 0
    assert checked >= 3


def test_unknown_values_are_ignored_reported_and_the_others_kept(client, content):
    content.role_models("en")
    response = client.get("/en/role-models/", {"sector": "software", "region": "atlantis", "page": "x"})
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".notice[role=status]")
    assert page.select_one("#filter-sector option[selected]")["value"] == "software"
    assert not page.select_one("#filter-region option[selected]")
    clean = soup(client.get("/en/role-models/", {"sector": "software"}))
    assert not clean.select_one(".notice")
    assert page.select_one(".result-count").text == clean.select_one(".result-count").text


def test_page_links_keep_the_valid_filters_only(client):
    index = RoleModelIndex.objects.get(locale__language_code="en")
    for _ in range(index.per_page + 1):  # more than one page
        publish(RoleModelFactory(parent=index))
    page = soup(client.get("/en/role-models/", {"region": "atlantis", "sector": "", "page": "1"}))
    link = page.select_one(".pagination a[rel=next]")["href"]
    assert link == "?page=2"
