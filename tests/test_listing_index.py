"""Filter combinations of an indexed listing are answered from its FacetIndex (home.listing), built once with
the unfiltered listing, instead of counting the catalogue for each new combination (issue 13, point 9). What
a visitor sees must not change: for every combination, sort and page, the counts next to each option, the
total and the results are exactly those the database counts and sorts (FacetCounter, one query per page)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.listing import prepare_unfiltered_listings
from tests.html import cards, result_count
from trainings.listing import InitiativeListing, TrainingListing
from trainings.models import InitiativeIndexPage, TrainingCatalogPage

pytestmark = pytest.mark.django_db


class CountedTrainings(TrainingListing):
    """The same catalogue, counted and sorted by the database for every combination."""

    indexed = False


class CountedInitiatives(InitiativeListing):
    indexed = False


def answer(listing_class, index_page, params):
    """(counts, total, ids of the page shown) of `listing_class` for the GET `params`."""
    request = RequestFactory().get(index_page.url, params)
    listing = listing_class(request, index_page)
    page = listing.page_obj
    return listing.counts, page.paginator.count, [item.pk for item in page.object_list]


TRAINING_COMBINATIONS = [
    {},
    {"level": "basic"},
    {"area": "cybersecurity"},
    {"area": ["cybersecurity", "safety"]},
    {"area": "programming-web", "level": "advanced"},
    {"format": "online", "region": ["brussels", "wallonia"]},
    {"language": ["nl", "de"], "facility": "wheelchair"},
    {"women_only": "1", "free": "1"},
    {"upcoming": "1", "audience": "teenage-girls"},
    {"area": ["cybersecurity", "programming-web"], "level": "basic", "format": "on-site", "free": "1"},
    {"region": "ostbelgien", "level": "advanced", "women_only": "1", "language": "de"},  # likely nothing
    {"level": "basic", "sort": "newest"},
    {"area": "safety", "sort": "newest", "page": "2"},
    {"free": "1", "page": "3"},
    {"level": "basic", "page": "99"},  # beyond the last page: the last one
]


def test_every_filter_combination_of_the_catalogue_reads_as_the_database_counts_it(content):
    """In French, with the fixture's trainings and 150 varied ones: same counts, total and results."""
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="fr")
    content.trainings("fr")
    content.seed_trainings(150, code="fr")
    with translation.override("fr"):
        for params in TRAINING_COMBINATIONS:
            expected = answer(CountedTrainings, catalogue, params)
            assert answer(TrainingListing, catalogue, params) == expected, params
            assert expected[1] < 156 or not params  # the combinations do narrow the catalogue


def test_every_filter_combination_of_the_initiatives_reads_as_the_database_counts_it(content):
    index = InitiativeIndexPage.objects.get(locale__language_code="nl")
    content.initiatives("nl")
    combinations = [
        {},
        {"kind": "programme"},
        {"kind": ["programme", "network"], "region": "flanders"},
        {"audience": "teenage-girls", "objective": "careers"},
        {"funding": "public", "sort": "newest"},
    ]
    with translation.override("nl"):
        for params in combinations:
            assert answer(InitiativeListing, index, params) == answer(CountedInitiatives, index, params), (
                params
            )


def count_statements(queries):
    """The facet-count statements among `queries` (FacetCounter: one UNION ALL per listing)."""
    return [query["sql"] for query in queries if "UNION ALL" in query["sql"]]


@pytest.mark.usefixtures("general_pages")
def test_a_new_filter_combination_costs_the_same_queries_whatever_the_size_of_the_catalogue(
    localhost_client, content
):
    """In German, once the worker has prepared the catalogue: a combination nobody asked for reads the
    index, counts nothing in the database, and makes as many queries at 40 trainings as at 160."""
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="de")
    content.seed_trainings(40, code="de")

    def visit(params):
        prepare_unfiltered_listings()
        localhost_client.get(catalogue.url)  # the site, vocabularies and menus, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = localhost_client.get(catalogue.url, params)
        assert response.status_code == 200
        return queries.captured_queries, response.content.decode()

    small, page = visit({"level": "basic", "free": "1"})
    assert count_statements(small) == []
    assert 0 < result_count(page) < 40 and cards(page) == min(12, result_count(page))

    content.seed_trainings(120, code="de")
    large, page = visit({"level": "advanced", "format": "online"})
    assert count_statements(large) == []
    assert 0 < result_count(page) < 160
    assert len(large) == len(small)
