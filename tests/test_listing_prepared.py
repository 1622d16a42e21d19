"""The unfiltered listings are prepared by the task worker after every change of content (issue 13, point 9):
the first visitor after a publish reads the counts and the first page of results instead of computing them
over the whole catalogue, so what an unfiltered catalogue costs does not grow with the number of trainings.

The results cache is off in the test settings (RESULTS_CACHE_SECONDS = 0): only what the worker prepares is
kept here, as on the "cold" server of `make bench`."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.listing import prepare_unfiltered_listings
from home.management.commands.worker import prepare_listings_if_changed
from tests.html import cards, result_count, text
from trainings.factories import TrainingPageFactory
from trainings.models import TrainingCatalogPage

pytestmark = pytest.mark.django_db


def counting(queries):
    """The statements among `queries` that read every row of a listing to count it: FacetCounter's (one UNION
    ALL per listing) and, for an indexed listing, the one that reads the facet columns into its FacetIndex."""
    return [
        query["sql"] for query in queries if "UNION ALL" in query["sql"] or "SELECT s.c_pk" in query["sql"]
    ]


def visit(client, url):
    """(queries, HTML) of one request to `url`."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return queries.captured_queries, text(response)


def publish_training(content, catalogue, title):
    """A new training in `catalogue`, published as an editor does."""
    code = catalogue.locale.language_code
    training = TrainingPageFactory(
        parent=catalogue,
        title=title,
        level=content.term("basic", code),
        format=content.term("online", code),
        region=content.term("brussels", code),
    )
    training.save_revision().publish()
    return training


@pytest.mark.usefixtures("general_pages")
def test_the_first_visitor_after_a_publish_finds_the_unfiltered_catalogue_prepared(localhost_client, content):
    """In French: after a publish and the worker's round, the catalogue shows the new training and its count
    without counting anything; with three times the trainings, the same queries."""
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="fr")
    content.seed_trainings(40, code="fr")
    localhost_client.get(catalogue.url)  # the site, vocabularies and menus, as a running server has them

    publish_training(content, catalogue, "Atelier Python du samedi")
    prepare_unfiltered_listings()
    queries, page = visit(localhost_client, catalogue.url)
    assert counting(queries) == []
    assert result_count(page) == 41
    assert cards(page) == 12

    content.seed_trainings(80, code="fr")
    publish_training(content, catalogue, "Atelier cybersécurité du mardi")
    prepare_unfiltered_listings()
    more_queries, page = visit(localhost_client, catalogue.url)
    assert counting(more_queries) == []
    assert result_count(page) == 122
    assert len(more_queries) == len(queries)

    # a filter combination is answered from the index the worker built with the unfiltered catalogue
    filtered, page = visit(localhost_client, f"{catalogue.url}?free=1")
    assert counting(filtered) == []
    assert 0 < result_count(page) < 122


@pytest.mark.usefixtures("general_pages")
def test_without_the_worker_the_first_visitor_computes_the_listing(localhost_client, content):
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="nl")
    content.seed_trainings(15, code="nl")
    publish_training(content, catalogue, "Workshop Python op zaterdag")
    queries, page = visit(localhost_client, catalogue.url)
    assert len(counting(queries)) == 1
    assert result_count(page) == 16
    queries, _page = visit(localhost_client, catalogue.url)  # kept until content changes
    assert counting(queries) == []


def test_the_worker_prepares_again_only_after_a_change(content, django_assert_num_queries):
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="de")
    state = prepare_listings_if_changed(None)
    with django_assert_num_queries(0):
        assert prepare_listings_if_changed(state) == state
    publish_training(content, catalogue, "Python-Werkstatt am Samstag")
    with CaptureQueriesContext(connection) as queries:
        changed = prepare_listings_if_changed(state)
    assert changed != state
    assert counting(queries.captured_queries)  # the catalogues (and the other listings) counted again


def card_queries(queries):
    """The queries that fetch trainings' cards (or sort them)."""
    return [query["sql"] for query in queries if 'FROM "trainings_trainingpage"' in query["sql"]]


@pytest.mark.usefixtures("general_pages")
def test_the_results_html_is_kept_with_the_results_until_content_changes(localhost_client, content, settings):
    """In German, with the results cache on: the same filters again fetch no card and give the same results;
    a publish shows the new training at once."""
    settings.RESULTS_CACHE_SECONDS = 60
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="de")
    content.trainings("de")
    url = f"{catalogue.url}?free=1"
    first_queries, first = visit(localhost_client, url)
    assert card_queries(first_queries)
    again_queries, again = visit(localhost_client, url)
    assert again == first
    assert card_queries(again_queries) == []

    publish_training(content, catalogue, "Kostenlose Python-Werkstatt")  # free, as the factory makes it
    _queries, after = visit(localhost_client, url)
    assert "Kostenlose Python-Werkstatt" in after
    assert result_count(after) == result_count(first) + 1


@pytest.mark.usefixtures("general_pages")
def test_html_kept_by_a_release_with_other_templates_is_not_served(
    localhost_client, content, settings, monkeypatch
):
    settings.RESULTS_CACHE_SECONDS = 60
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="fr")
    content.trainings("fr")
    url = f"{catalogue.url}?free=1"
    visit(localhost_client, url)
    kept_queries, _page = visit(localhost_client, url)
    assert card_queries(kept_queries) == []
    monkeypatch.setattr("bdt_site.content_version.templates_version", lambda: "another release")
    queries, _page = visit(localhost_client, url)
    assert card_queries(queries)
