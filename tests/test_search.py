"""Search behaviour, one set of assertions run against every backend this machine runs:

- "database": Wagtail's database backend on the test database (SQLite in the first pytest run,
  PostgreSQL in the second, with per-language text-search configurations),
- "opensearch": the real OpenSearch 2 node of scripts/opensearch.sh (OPENSEARCH_URL), one index per language.

Stemming cases (plural/singular) are generated only for backends that stem: PostgreSQL and OpenSearch, not
SQLite (FTS5 ignores accents but does not stem; see search/README.md).
"""

import logging
import os
import urllib.request

import pytest
from django.conf import settings
from django.test import override_settings

from home.languages import language_codes
from search.backend_settings import build_search_backends, engine_alias

OPENSEARCH_PREFIX = f"bdttest{os.getpid()}"
ON_SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")

# (language, page title, query that must find it, needs stemming)
MATCHING_CASES = [
    ("fr", "Formation sécurité numérique", "formations", True),
    ("fr", "Formation sécurité numérique", "securite", False),
    ("fr", "Formation sécurité numérique", "SÉCURITÉ", False),
    ("nl", "Opleiding digitale vaardigheden", "opleidingen", True),
    ("de", "Schulung für digitale Kompetenzen", "Schulungen", True),
    ("en", "Coding workshop for girls", "workshops", True),
]


def pytest_generate_tests(metafunc):
    if "search_backend" not in metafunc.fixturenames:
        return
    backends = ["database", pytest.param("opensearch", marks=pytest.mark.opensearch)]
    if "matching_case" in metafunc.fixturenames:
        params, ids = [], []
        for case in MATCHING_CASES:
            for backend in ("database", "opensearch"):
                if backend == "database" and ON_SQLITE and case[3]:
                    continue  # SQLite does not stem
                marks = [pytest.mark.opensearch] if backend == "opensearch" else []
                params.append(pytest.param(backend, case, marks=marks))
                ids.append(f"{backend}-{case[0]}-{case[2]}")
        metafunc.parametrize(
            ("search_backend", "matching_case"), params, ids=ids, indirect=["search_backend"]
        )
    else:
        metafunc.parametrize("search_backend", backends, indirect=True)


def _opensearch_url():
    url = os.environ.get("OPENSEARCH_URL", "").rstrip("/")
    if not url:
        pytest.fail(
            "OPENSEARCH_URL is not set: the OpenSearch tests need the node of `bash scripts/opensearch.sh start` "
            "(scripts/test.sh starts it and exports OPENSEARCH_URL).",
            pytrace=False,
        )
    try:
        urllib.request.urlopen(f"{url}/_cluster/health", timeout=10).read()  # noqa: S310 - local test node
    except OSError as error:
        pytest.fail(f"OpenSearch at OPENSEARCH_URL={url} is unreachable: {error}", pytrace=False)
    return url


@pytest.fixture(scope="session")
def opensearch_config(django_db_setup, django_db_blocker):
    """Per-language OpenSearch aliases with a per-session prefix, built from the demo content; deleted at the end."""
    import importlib

    from django.core.management import call_command

    # imports opensearch-py despite the project's `events` app shadowing its `events` dependency
    importlib.import_module("search.backends.opensearch2")
    OpenSearch = importlib.import_module("opensearchpy").OpenSearch  # noqa: N806

    url = _opensearch_url()
    config = build_search_backends("opensearch2", url=url, index_prefix=OPENSEARCH_PREFIX, timeout=30)
    with override_settings(WAGTAILSEARCH_BACKENDS=config), django_db_blocker.unblock():
        for language in language_codes():
            call_command("update_index", backend_name=engine_alias(language), verbosity=0)
    yield config
    # A loaded CI machine can make the node slow to answer: be patient with the clean-up.
    client = OpenSearch(hosts=[url], timeout=120, max_retries=3, retry_on_timeout=True)
    client.indices.delete(index=f"{OPENSEARCH_PREFIX}_*", params={"expand_wildcards": "all"})


class Backend:
    def __init__(self, name, config=None):
        self.name = name
        self.config = config
        self._baseline = None

    def start(self):
        from wagtail.models import Page

        self._baseline = Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def refresh(self):
        """Make what was just indexed visible to searches."""
        if self.config is None:
            return
        from modelsearch.backends import get_search_backend

        for language in language_codes():
            get_search_backend(engine_alias(language)).refresh_indexes()

    def cleanup(self):
        """Drop the test's own pages from the engine before the database rolls them back."""
        if self.config is None:
            return
        from modelsearch.backends import get_search_backend
        from wagtail.models import Page

        pages = list(Page.objects.filter(pk__gt=self._baseline).specific())
        for language in language_codes():
            backend = get_search_backend(engine_alias(language))
            for page in pages:
                backend.delete(page)
        self.refresh()


@pytest.fixture
def search_backend(request, db, settings):
    if request.param == "opensearch":
        config = request.getfixturevalue("opensearch_config")
        settings.WAGTAILSEARCH_BACKENDS = config
        backend = Backend("opensearch", config)
    else:
        settings.WAGTAILSEARCH_BACKENDS = build_search_backends("database")
        backend = Backend("database")
    backend.start()
    yield backend
    backend.cleanup()


def make_page(home_pages, language, title, introduction="", publish=True, parent=None):
    from home.models import StandardPage

    parent = parent or home_pages[language]
    page = StandardPage(title=title, introduction=introduction, locale=parent.locale, live=publish)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def html(response):
    assert response.status_code == 200
    return response.content.decode()


# --- language-aware matching ------------------------------------------------------------------------------


def test_plurals_and_accents_do_not_matter(client, home_pages, search_backend, matching_case):
    language, title, query, _stems = matching_case
    make_page(home_pages, language, title, introduction="Zyxwvu")
    search_backend.refresh()
    body = html(client.get(f"/{language}/search/", {"q": query}))
    assert title.split()[0] in body
    assert "Zyxwvu" in body


def test_results_come_from_the_active_locale_only(client, home_pages, search_backend):
    make_page(home_pages, "fr", "Atelier Quorblatique", introduction="Un atelier en français.")
    make_page(home_pages, "nl", "Workshop Quorblatique", introduction="Een workshop in het Nederlands.")
    search_backend.refresh()
    fr = html(client.get("/fr/search/", {"q": "quorblatique"}))
    assert "Atelier" in fr and "Workshop <mark>" not in fr and "Een workshop" not in fr
    nl = html(client.get("/nl/search/", {"q": "quorblatique"}))
    assert "Een workshop" in nl and "Un atelier" not in nl
    assert "Keine Ergebnisse" in html(client.get("/de/search/", {"q": "quorblatique"}))


# --- page features ---------------------------------------------------------------------------------------


def test_type_filter_shows_counts_and_filters(client, home_pages, search_backend):
    make_page(home_pages, "nl", "Plimbrodag een", introduction="Plimbrodag in Gent.")
    make_page(home_pages, "nl", "Plimbrodag twee", introduction="Plimbrodag in Luik.")
    search_backend.refresh()
    body = html(client.get("/nl/search/", {"q": "plimbrodag"}))
    assert "Alle (2)" in body
    assert "Pagina’s (2)" in body or "Pagina's (2)" in body
    assert 'aria-label="Resultaten filteren op type"' in body
    filtered = html(client.get("/nl/search/", {"q": "plimbrodag", "type": "pages"}))
    assert "Plimbrodag</mark> een" in filtered and 'aria-current="page"' in filtered
    # an unknown type is ignored, never an error
    assert "Plimbrodag</mark> twee" in html(client.get("/nl/search/", {"q": "plimbrodag", "type": "<x>"}))


def test_snippets_are_escaped_then_highlighted(client, home_pages, search_backend):
    make_page(
        home_pages,
        "de",
        "Kurs Wurmbliz",
        introduction='<script>alert("x")</script> Der Wurmbliz-Kurs für Frauen in Eupen.',
    )
    search_backend.refresh()
    body = html(client.get("/de/search/", {"q": "wurmbliz"}))
    assert "<mark>Wurmbliz</mark>" in body
    assert "&lt;script&gt;alert" in body
    assert '<script>alert("x")' not in body


def test_pagination_keeps_the_query_and_survives_bad_page_numbers(client, home_pages, search_backend):
    for number in range(12):
        make_page(home_pages, "fr", f"Stage Glorbix {number:02d}", introduction="Stage Glorbix à Namur.")
    search_backend.refresh()
    first = html(client.get("/fr/search/", {"q": "glorbix"}))
    assert "12 résultats" in first and "Page 1 sur 2" in first
    assert "q=glorbix&amp;page=2" in first
    second = html(client.get("/fr/search/", {"q": "glorbix", "page": "2"}))
    assert "Page 2 sur 2" in second and second.count('class="search-result ') == 2
    for bad in ("zzz", "-1", "99999", "2.5"):
        assert "Glorbix" in html(client.get("/fr/search/", {"q": "glorbix", "page": bad}))


def test_empty_state_helps_the_visitor(client, search_backend):
    body = html(client.get("/de/search/", {"q": "qqqzzzxxyy"}))
    assert "Keine Ergebnisse für „qqqzzzxxyy“" in body or "Keine Ergebnisse" in body
    assert "Rechtschreibung" in body
    assert 'role="status"' in body


def test_the_query_is_validated_never_a_500(client, search_backend):
    for params in (
        {"q": "a" * 5000},
        {"q": "form\x07ation\x1b[31m\u202e"},
        {"q": "   "},
        {"q": "<script>", "type": "../../etc", "page": "0"},
        {"q": "\"'()*:&|!"},
    ):
        body = html(client.get("/en/search/", params))
        assert "\x07" not in body and "\x1b" not in body
    assert 'value="' + "a" * 200 + '"' in html(client.get("/en/search/", {"q": "a" * 5000}))


def test_query_count_does_not_grow_with_the_number_of_results(client, home_pages, search_backend):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(params):
        client.get("/fr/search/", params)  # warm per-process caches (content types, site root paths)
        with CaptureQueriesContext(connection) as context:
            html(client.get("/fr/search/", params))
        return len(context.captured_queries)

    make_page(home_pages, "fr", "Atelier Snorfelune un", introduction="Snorfelune à Mons.")
    search_backend.refresh()
    one = queries({"q": "snorfelune"})
    for number in range(14):
        make_page(home_pages, "fr", f"Atelier Snorfelune {number:02d}", introduction="Snorfelune à Mons.")
    make_page(home_pages, "nl", "Workshop Snorfelune", introduction="Snorfelune in Gent.")
    search_backend.refresh()
    many = queries({"q": "snorfelune"})
    assert "15 résultats" in html(client.get("/fr/search/", {"q": "snorfelune"}))
    assert many == one, (one, many)
    assert many <= 15
    assert queries({"q": "snorfelune", "page": "2"}) <= many
    assert queries({"q": "snorfelune", "type": "pages"}) == many


# --- indexing follows the content ---------------------------------------------------------------------------


def test_indexing_follows_publish_unpublish_and_delete(client, home_pages, search_backend):
    page = make_page(home_pages, "nl", "Hackathon Vrimbelstad", publish=False)
    search_backend.refresh()
    assert "Vrimbelstad" not in html(client.get("/nl/search/", {"q": "vrimbelstad"})).split("<main")[1]
    page.save_revision().publish()
    page.refresh_from_db()
    search_backend.refresh()
    assert "Hackathon" in html(client.get("/nl/search/", {"q": "vrimbelstad"}))
    page.unpublish()
    search_backend.refresh()
    assert "Geen resultaten" in html(client.get("/nl/search/", {"q": "vrimbelstad"}))
    page.save_revision().publish()
    search_backend.refresh()
    assert "Hackathon" in html(client.get("/nl/search/", {"q": "vrimbelstad"}))
    page.delete()
    search_backend.refresh()
    assert "Geen resultaten" in html(client.get("/nl/search/", {"q": "vrimbelstad"}))


@override_settings(RESULTS_CACHE_SECONDS=600)
def test_cached_answers_follow_publish_unpublish_and_delete(client, home_pages, search_backend):
    """With the results cache on (as in production), a repeated search reads its answer back, and every
    change of the content shows at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def search():
        with CaptureQueriesContext(connection) as captured:
            body = html(client.get("/nl/search/", {"q": "vrimbelstad"}))
        return len(captured), body.split("<main")[1]

    page = make_page(home_pages, "nl", "Hackathon Vrimbelstad", publish=False)
    search_backend.refresh()
    first_queries, body = search()
    assert "Geen resultaten" in body
    again_queries, _body = search()
    assert again_queries < first_queries
    page.save_revision().publish()
    page.refresh_from_db()
    search_backend.refresh()
    assert "Hackathon" in search()[1]
    page.unpublish()
    search_backend.refresh()
    assert "Geen resultaten" in search()[1]
    page.save_revision().publish()
    search_backend.refresh()
    assert "Hackathon" in search()[1]
    page.delete()
    search_backend.refresh()
    assert "Geen resultaten" in search()[1]


def test_a_new_translation_is_found_in_its_language(client, home_pages, locales, search_backend):
    source = make_page(home_pages, "fr", "Journée Trumbelix", introduction="Journée pour les filles.")
    translation = source.copy_for_translation(locales["de"], copy_parents=False)
    translation.title = "Tag Trumbelix"
    translation.introduction = "Ein Tag für Mädchen."
    translation.save_revision().publish()
    search_backend.refresh()
    de = html(client.get("/de/search/", {"q": "trumbelix"}))
    assert "Ein Tag für Mädchen" in de and "Journée pour" not in de
    assert "Journée pour les filles" in html(client.get("/fr/search/", {"q": "trumbelix"}))


# --- autocomplete, promotions, statistics -----------------------------------------------------------------


def test_autocomplete_returns_json_suggestions_in_the_active_language(client, home_pages, search_backend):
    make_page(home_pages, "fr", "Formation Zenthorix", introduction="Pour débuter.")
    make_page(home_pages, "nl", "Opleiding Zenthorix", introduction="Voor beginners.")
    search_backend.refresh()
    response = client.get("/fr/search/autocomplete/", {"q": "zentho"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    results = response.json()["results"]
    assert [r["title"] for r in results] == ["Formation Zenthorix"]
    assert results[0]["url"].startswith("/fr/") and results[0]["type"] == "Pages"
    assert client.get("/fr/search/autocomplete/", {"q": "\x07" * 3}).json()["results"] == []


def test_promoted_result_comes_first_in_its_locale_only(client, home_pages, search_backend):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    promoted = make_page(home_pages, "nl", "Ambassadrices netwerk", introduction="Onze rolmodellen.")
    make_page(home_pages, "nl", "Blorptraining", introduction="Blorptraining voor iedereen.")
    make_page(home_pages, "fr", "Formation Blorp", introduction="Blorptraining en français.")
    SearchPromotion.objects.create(query=Query.get("blorptraining"), page=promoted, sort_order=0)
    search_backend.refresh()
    nl = html(client.get("/nl/search/", {"q": "Blorptraining"}))
    assert "Aanbevolen" in nl
    assert nl.index("Ambassadrices netwerk") < nl.index("Blorptraining</mark> voor")
    fr = html(client.get("/fr/search/", {"q": "blorptraining"}))
    assert "Ambassadrices" not in fr and "Recommandé" not in fr


def test_queries_are_recorded_for_the_editors_report(client, admin_client, home_pages, search_backend):
    from wagtail.contrib.search_promotions.models import Query

    from search.models import SearchQueryStat

    make_page(home_pages, "de", "Webinar Kraxelbum", introduction="Online.")
    search_backend.refresh()
    client.get("/de/search/", {"q": "Kraxelbum"})
    client.get("/de/search/", {"q": "kraxelbum"})
    client.get("/de/search/", {"q": "nichtsdagewesen"})
    client.get("/de/search/", {"q": "kraxelbum", "page": "2"})  # paging is not a new search
    assert Query.get("kraxelbum").hits == 2
    stat = SearchQueryStat.objects.get(query_string="kraxelbum", language_code="de")
    assert (stat.hits, stat.zero_result_hits) == (2, 0)
    assert SearchQueryStat.objects.get(query_string="nichtsdagewesen").zero_result_hits == 1
    report = html(admin_client.get("/admin/reports/search-queries/"))
    assert "kraxelbum" in report and "nichtsdagewesen" in report
    no_results = report.split('id="search-queries-no-results"')[1]
    assert "nichtsdagewesen" in no_results and "kraxelbum" not in no_results


# --- engine specifics -------------------------------------------------------------------------------------


def test_search_falls_back_to_the_database_when_the_engine_is_down(client, home_pages, settings, caplog):
    make_page(home_pages, "fr", "Formation Pluvrak", introduction="Formation à Liège.")
    settings.WAGTAILSEARCH_BACKENDS = build_search_backends(
        "opensearch2", url="http://127.0.0.1:9", index_prefix="closed", timeout=2
    )
    with caplog.at_level(logging.ERROR, logger="search.views"):
        body = html(client.get("/fr/search/", {"q": "pluvrak"}))
    assert "Notre moteur de recherche est indisponible" in body
    assert "Formation <mark>Pluvrak</mark>" in body
    assert any("answering from the database backend" in r.getMessage() for r in caplog.records)
    suggestions = client.get("/fr/search/autocomplete/", {"q": "pluvr"})
    assert suggestions.status_code == 200


@pytest.mark.opensearch
def test_update_index_rebuilds_atomically_while_search_answers(
    client, home_pages, opensearch_config, settings, monkeypatch
):
    from django.core.management import call_command
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    from search.backends.opensearch2 import LocalisedOpenSearch2Index

    settings.WAGTAILSEARCH_BACKENDS = opensearch_config
    backend = get_search_backend(engine_alias("fr"))
    alias = backend.get_index_for_model(Page)
    assert alias.is_alias()

    # a rebuild in progress: the new index is being filled, the alias still answers from the old one
    rebuilder = backend.rebuilder_class(alias)
    new_index = rebuilder.start()
    assert new_index.name != alias.name
    assert "Déclaration" in html(client.get("/fr/search/", {"q": "accessibilité"}))
    new_index.add_model(Page)
    new_index.add_items(Page, [p.specific for p in Page.objects.filter(locale__language_code="fr")])
    rebuilder.finish()
    assert "Déclaration" in html(client.get("/fr/search/", {"q": "accessibilité"}))

    # a full update_index: a visitor searching between two indexing chunks still gets the results
    answers = []
    add_items = LocalisedOpenSearch2Index.add_items

    def add_items_then_search(index, model, items):
        add_items(index, model, items)
        answers.append(html(client.get("/fr/search/", {"q": "accessibilité"})))

    monkeypatch.setattr(LocalisedOpenSearch2Index, "add_items", add_items_then_search)
    call_command("update_index", backend_name=engine_alias("fr"), verbosity=0)
    assert answers and all("Déclaration" in answer for answer in answers)
    monkeypatch.undo()
    assert "Déclaration" in html(client.get("/fr/search/", {"q": "accessibilité"}))


@pytest.mark.opensearch
def test_each_language_index_uses_its_own_analyser(opensearch_config, settings):
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    settings.WAGTAILSEARCH_BACKENDS = opensearch_config
    expected = {
        "fr": ("formations", "formation"),
        "nl": ("opleidingen", "opleiding"),
        "de": ("Schulungen", "Schulung"),
    }
    for language, (plural, singular) in expected.items():
        backend = get_search_backend(engine_alias(language))
        index = backend.get_index_for_model(Page)

        def token(text, backend=backend, index=index):
            body = {"text": text, "analyzer": "default"}
            return backend.es.indices.analyze(index=index.name, body=body)["tokens"][0]["token"]

        assert token(plural) == token(singular)
        folded = backend.es.indices.analyze(
            index=index.name, body={"text": "sécurité", "analyzer": "default"}
        )
        assert "é" not in folded["tokens"][0]["token"]
