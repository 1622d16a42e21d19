"""Text search in the training catalogue: the visitor's language backend, hostile queries, engine failure."""

import logging
import os

import pytest

from home import listing as listing_module
from home.factories import RegionFactory, publish
from search.backend_settings import build_search_backends, engine_alias
from tests.engines import ENGINES, engine_params
from trainings.factories import TrainingPageFactory
from trainings.models import TrainingCatalogPage

# Under pytest-xdist (`--dist loadgroup`, scripts/test.sh) with the other tests of the search engines, on one
# worker (they share the engines' test indexes).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("engines")]

HOSTILE_QUERIES = [
    '"><img src=x>',
    "<script>alert(1)</script>",
    '"unbalanced',
    "web AND OR NOT",
    "web*",
    "(web",
    "-web",
    "web:title",
    "' OR 1=1 --",
    "🙂 web",
    "\u202eweb",
    "x" * 500,
]


@pytest.fixture
def backends_used(monkeypatch):
    """The backend alias each catalogue search asked for."""
    used = []
    original = listing_module.backend_for_language

    def spy(language_code):
        alias = original(language_code)
        used.append((language_code, alias))
        return alias

    monkeypatch.setattr(listing_module, "backend_for_language", spy)
    return used


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_never_break_the_catalogue(localhost_client, query):
    for url in ("/en/trainings/", "/fr/initiatives/", "/en/trainings/export-csv/"):
        response = localhost_client.get(url, {"q": query, "format": "online"})
        assert response.status_code == 200, (url, query)
        html = response.content.decode()
        assert "<img src=x>" not in html and "<script>alert(1)</script>" not in html


def test_the_search_runs_on_the_backend_of_the_visitors_language(localhost_client, backends_used):
    for url, language in (("/fr/formations/", "fr"), ("/nl/opleidingen/", "nl"), ("/de/initiativen/", "de")):
        assert localhost_client.get(url, {"q": "digital"}).status_code == 200
        assert backends_used[-1] == (language, "default")  # the database backend: no engine configured
    assert localhost_client.get("/en/trainings/", {"format": "online"}).status_code == 200
    assert len(backends_used) == 3  # no text query, no search


def test_an_engine_that_is_down_falls_back_to_the_database(localhost_client, settings, backends_used, caplog):
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="fr")
    publish(TrainingPageFactory(parent=catalogue, title="Les bases de la cybersécurité", languages=["fr"]))
    settings.WAGTAILSEARCH_BACKENDS = build_search_backends(
        "opensearch2", url="http://127.0.0.1:9", index_prefix="closed", timeout=2
    )
    with caplog.at_level(logging.ERROR, logger="search.backends.breaker"):
        response = localhost_client.get("/fr/formations/", {"q": "cybersécurité"})
    assert response.status_code == 200
    assert backends_used == [("fr", engine_alias("fr"))]
    assert any("answering from the database backend" in record.getMessage() for record in caplog.records)
    assert 'class="card training-card"' in response.content.decode()


@pytest.mark.parametrize("engine", engine_params())
def test_the_catalogue_finds_with_the_engines_language_analysis(
    localhost_client, settings, backends_used, engine
):
    """With OpenSearch or Elasticsearch, the English catalogue search goes to the English index and its
    stemmer: the plural 'bootcamps' finds the 'Web developer bootcamp' (SQLite's search, without stemming,
    does not); narrowed to another region, only that region's bootcamp is shown."""
    from django.core.management import call_command

    engine = ENGINES[engine]
    url = engine.url()
    prefix = f"bdttrainings{os.getpid()}"
    config = build_search_backends(engine.kind, url=url, index_prefix=prefix, timeout=30)
    settings.WAGTAILSEARCH_BACKENDS = config
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="en")
    publish(TrainingPageFactory(parent=catalogue, title="Web developer bootcamp", languages=["en"]))
    eupen = RegionFactory(slug="ostbelgien", name="East Belgium")
    publish(
        TrainingPageFactory(parent=catalogue, title="Eupen coding bootcamp", region=eupen, languages=["en"])
    )
    try:
        call_command("update_index", backend_name=engine_alias("en"), verbosity=0)
        response = localhost_client.get("/en/trainings/", {"q": "bootcamps"})
        assert response.status_code == 200
        assert backends_used == [("en", engine_alias("en"))]
        assert "Web developer bootcamp" in response.content.decode()
        narrowed = localhost_client.get("/en/trainings/", {"q": "bootcamps", "region": "ostbelgien"})
        assert "Web developer bootcamp" not in narrowed.content.decode()
        assert "Eupen coding bootcamp" in narrowed.content.decode()
    finally:
        engine.admin_client(url).indices.delete(index=f"{prefix}_*", params={"expand_wildcards": "all"})
