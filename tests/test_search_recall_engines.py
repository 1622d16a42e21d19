"""Recall@5 of the query set (tests/data/search_queries.json) on the search engines."""

import json

import pytest

from tests.engines import engine_params
from tests.test_search import Backend, elasticsearch_config, opensearch_config  # noqa: F401
from tests.test_search_forgiving import QUERY_SET, TOP, make_page, own_results


@pytest.fixture(params=engine_params())
def engine(request, db, settings):
    config = request.getfixturevalue(f"{request.param}_config")
    settings.WAGTAILSEARCH_BACKENDS = config
    backend = Backend(request.param, config)
    backend.start()
    yield backend
    backend.cleanup()


def test_recall(client, home_pages, engine):
    data = json.loads(QUERY_SET.read_text(encoding="utf-8"))
    titles = {}
    for key, page in data["pages"].items():
        titles[key] = make_page(
            home_pages, page["language"], page["title"], page.get("introduction", "")
        ).title
    for language, title in data.get("noise", []):
        make_page(home_pages, language, title)
    engine.refresh()
    own = set(titles.values()) | {title for _language, title in data.get("noise", [])}
    misses = []
    for case in data["queries"]:
        found = own_results(client, case["language"], case["query"], own)
        missing = [key for key in case["finds"] if titles[key] not in found[:TOP]]
        if missing:
            misses.append((case["language"], case["query"], missing, found[:TOP]))
    total = len(data["queries"])
    recall = (total - len(misses)) / total
    print(f"\n{engine.name}: recall@{TOP} on {total} queries: {recall:.1%}")
    for miss in misses:
        print("  missed:", miss)
    # The target is 95 % (issue 13, point 4: forgiving search on the engines is still to do); this guards what
    # the engines reach today with their own analysers (88.9 % on both, 2026-11-30).
    assert recall >= 0.88, misses
