"""A repeated search reads the HTML of its results, kept with the answer that found them, instead of loading
their pages again (search.views.results_html); a publish shows its change at once. In Dutch, on the
database backend of the test settings, with the results cache on (it is off in the other tests)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import StandardPageFactory, publish

pytestmark = pytest.mark.django_db


def search(client, query):
    """(queries, HTML) of one search in Dutch."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/nl/search/", {"q": query})
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries], response.content.decode()


def page_loads(queries):
    """The queries that load the found pages (their own tables joined to Wagtail's page table)."""
    return [sql for sql in queries if 'JOIN "home_standardpage"' in sql]


def test_a_repeated_search_reads_its_results_until_content_changes(client, home_pages, settings):
    settings.RESULTS_CACHE_SECONDS = 60
    page = publish(
        StandardPageFactory(parent=home_pages["nl"], title="Werkplaats Pluvrak", introduction="In Gent.")
    )

    first_queries, first = search(client, "pluvrak")
    assert "Werkplaats <mark>Pluvrak</mark>" in first
    assert page_loads(first_queries)

    again_queries, again = search(client, "pluvrak")
    assert again == first
    assert page_loads(again_queries) == []

    page.title = "Werkplaats Pluvrak in Gent"
    page.save_revision().publish()
    _queries, after = search(client, "pluvrak")
    assert "Werkplaats <mark>Pluvrak</mark> in Gent" in after
