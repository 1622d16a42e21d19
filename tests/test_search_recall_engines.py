"""Recall@5 of the query set (tests/data/search_queries.json) on the search engines."""

import pytest

from tests.engines import engine_params
from tests.test_search import Backend, elasticsearch_config, opensearch_config  # noqa: F401
from tests.test_search_forgiving import build_query_set, recall_at_5

# Under pytest-xdist (`--dist loadgroup`, scripts/test.sh) with the other tests of the search engines, on one
# worker (they share the engines' test indexes).
pytestmark = pytest.mark.xdist_group("engines")


@pytest.fixture(params=engine_params())
def engine(request, db, settings):
    config = request.getfixturevalue(f"{request.param}_config")
    settings.WAGTAILSEARCH_BACKENDS = config
    backend = Backend(request.param, config)
    backend.start()
    yield backend
    backend.cleanup()


def test_recall(client, home_pages, engine):
    data, titles, own = build_query_set(home_pages)
    engine.refresh()
    recall, misses = recall_at_5(client, data, titles, own, engine.name)
    assert recall >= 0.95, misses
