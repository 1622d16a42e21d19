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


def titles(listing):
    return sorted(item.title for item in listing.filtered())


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
        # several values of a facet: an option's count is what choosing it alone (with the other facets as
        # they are) gives
        (
            TrainingListing,
            TrainingCatalogPage,
            "trainings",
            "fr",
            {"region": ["flanders", "brussels"], "level": "basic", "language": ["fr", "en"]},
        ),
        (RoleModelListing, RoleModelIndex, "role_models", "nl", {"sector": ["software", "health"]}),
        (EventListing, EventIndexPage, "events", "de", {"when": "past", "kind": ["workshop", "panel"]}),
        (
            InitiativeListing,
            InitiativeIndexPage,
            "initiatives",
            "en",
            {"region": ["brussels", "wallonia"]},
        ),
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
    checked = [(box["name"], box["value"]) for box in page.select("form.filters input[checked]")]
    assert checked == [("sector", "software")]
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


def test_several_values_of_a_facet_combine_with_or_and_facets_with_and(content):
    mine = {training.title for training in content.trainings("en")}  # the demo's may be there too
    index = TrainingCatalogPage.objects.get(locale__language_code="en")

    def found(params):
        return [title for title in titles(listing_for(TrainingListing, index, params, "en")) if title in mine]

    assert found({"region": ["flanders", "brussels"], "level": "basic"}) == [
        "Coding club",
        "Cybersecurity for all",
        "Web basics",
    ]
    assert found({"facility": ["wheelchair", "childcare"], "free": "1"}) == ["Safe online", "Web basics"]


def test_the_counts_of_a_facet_ignore_its_own_selection(content):
    content.trainings("en")
    index = TrainingCatalogPage.objects.get(locale__language_code="en")

    def regions(params):
        listing = listing_for(TrainingListing, index, params, "en")
        states = {state.name: state for state in listing.facet_states}
        return listing, {value: count for value, _label, count, _chosen in states["region"].options}

    one, counts = regions({"region": "flanders", "free": "1"})
    two, same = regions({"region": ["flanders", "brussels"], "free": "1"})
    # choosing a second region changes neither region's count, and gives the results of both
    assert same == counts
    assert counts["flanders"] == one.counts["total"] > 0
    assert two.counts["total"] == counts["flanders"] + counts["brussels"] > one.counts["total"]
    # the other facets count within the chosen regions
    basic = listing_for(
        TrainingListing, index, {"region": ["flanders", "brussels"], "free": "1", "level": "basic"}, "en"
    )
    assert two.counts["level"]["basic"] == basic.counts["total"] < two.counts["total"]


def test_unknown_values_are_dropped_and_the_others_of_the_same_facet_kept(content):
    content.trainings("en")
    index = TrainingCatalogPage.objects.get(locale__language_code="en")
    listing = listing_for(TrainingListing, index, {"region": ["atlantis", "wallonia", "wallonia"]}, "en")
    assert listing.selected["region"] == ["wallonia"]
    assert listing.ignored == ["region"]
    assert "Safe online" in titles(listing)
    assert listing.querystring() == "region=wallonia"
    assert listing.counts["total"] == listing_for(TrainingListing, index, {"region": "wallonia"}, "en").count


def test_the_cache_key_holds_every_selected_value_in_any_order(vocabularies):
    index = TrainingCatalogPage.objects.get(locale__language_code="en")

    def key(params):
        return listing_for(TrainingListing, index, params, "en").cache_key("counts")

    two = key({"region": ["flanders", "brussels"]})
    assert two == key({"region": ["brussels", "flanders"]})
    assert two != key({"region": ["flanders"]}) != key({"region": ["brussels"]})
    assert two != key({"region": ["flanders", "brussels"], "level": "basic"})


def test_counting_several_selected_facets_takes_one_statement(content, django_assert_num_queries):
    """With words, the database counts every facet in one statement; without words, the counts are read
    from the catalogue's FacetIndex (built with the unfiltered listing): no statement at all."""
    content.trainings("en")
    index = TrainingCatalogPage.objects.get(locale__language_code="en")
    params = {
        "region": ["flanders", "brussels"],
        "area": ["programming-web", "safety"],
        "language": ["nl", "en"],
    }
    listing_for(TrainingListing, index, {}, "en").counts  # noqa: B018 - the vocabularies and the index
    with translation.override("en"):
        listing = TrainingListing(RequestFactory().get("/", {**params, "q": "web"}), index)
        for facet in listing.facets:
            listing.facet_options(facet)
        listing.search_ids  # noqa: B018 - the search itself
        with django_assert_num_queries(1):
            counts = listing.counts
        assert counts["total"] == listing.filtered().count() >= 1

        listing = TrainingListing(RequestFactory().get("/", params), index)
        for facet in listing.facets:
            listing.facet_options(facet)
        with django_assert_num_queries(0):
            counts = listing.counts
        assert counts["total"] == listing.filtered().count() >= 4


def test_chosen_filters_are_chips_that_remove_one_value_each(client, content):
    content.trainings("fr")
    response = client.get("/fr/formations/", {"region": ["flanders", "wallonia"], "free": "1"})
    page = soup(response)
    chips = {chip["aria-label"]: chip["href"] for chip in page.select("#results .chip")}
    assert chips == {
        "Retirer le filtre\u00a0: Flandre": "?region=wallonia&free=1#results",
        "Retirer le filtre\u00a0: Wallonie": "?region=flanders&free=1#results",
        "Retirer le filtre\u00a0: Gratuite": "?region=flanders&region=wallonia#results",
    }
    checked = [(box["name"], box["value"]) for box in page.select("form.filters input[checked]")]
    assert checked == [("region", "flanders"), ("region", "wallonia"), ("free", "1")]
    assert page.select_one("details.filters-disclosure summary").text == "Filtres (3 sélectionnés)"
    assert page.select_one("form.filters")["action"] == "/fr/formations/#results"


def test_an_empty_result_names_the_filters_and_offers_to_remove_each(client, content):
    content.trainings("nl")
    page = soup(client.get("/nl/opleidingen/", {"q": "zzyzx", "region": "wallonia"}))
    body = page.select_one("#results-body")
    assert body.select_one(".empty-result").text == "Geen opleidingen voldoen aan deze filters."
    assert "nog geen" not in body.text.lower()
    labels = {chip["aria-label"]: chip["href"] for chip in body.select(".chip")}
    assert labels == {
        "Filter verwijderen: zzyzx": "?region=wallonia#results",
        "Filter verwijderen: Wallonië": "?q=zzyzx#results",
    }
    assert not body.select(".card")
