"""Search behaviour, one set of assertions run against every backend this machine runs:

- "database": Wagtail's database backend on the test database (SQLite in the first pytest run,
  PostgreSQL in the second, with per-language text-search configurations),
- "opensearch": the real OpenSearch 2 node of scripts/opensearch.sh (OPENSEARCH_URL), one index per language,
- "elasticsearch": the real Elasticsearch 7.10 node of scripts/elasticsearch.sh (ELASTICSEARCH_URL), through
  the `elasticsearch` 7.17 client, one index per language.

Stemming cases (plural/singular) run on every backend: on SQLite the database backend adds Snowball stems in
Python (search/forgiving.py).
"""

import logging
import os

import pytest
from django.conf import settings
from django.test import override_settings

from home.languages import language_codes
from search.backend_settings import build_search_backends, engine_alias
from tests.engines import ENGINES, engine_params

# Under pytest-xdist (`--dist loadgroup`, scripts/test.sh) with the other tests of the search engines, on one
# worker (they share the engines' test indexes).
pytestmark = pytest.mark.xdist_group("engines")

ENGINE_PREFIX = f"bdttest{os.getpid()}"

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
    if "engine_config" in metafunc.fixturenames and "search_backend" not in metafunc.fixturenames:
        metafunc.parametrize("engine_config", engine_params(), indirect=True)
    if "search_backend" not in metafunc.fixturenames:
        return
    backends = ["database", *engine_params()]
    if "matching_case" in metafunc.fixturenames:
        params, ids = [], []
        for case in MATCHING_CASES:
            for backend in ("database", *ENGINES):
                marks = [ENGINES[backend].mark] if backend in ENGINES else []
                params.append(pytest.param(backend, case, marks=marks))
                ids.append(f"{backend}-{case[0]}-{case[2]}")
        metafunc.parametrize(
            ("search_backend", "matching_case"), params, ids=ids, indirect=["search_backend"]
        )
    else:
        metafunc.parametrize("search_backend", backends, indirect=True)


def _engine_session_config(name, django_db_blocker):
    """Per-language aliases of the engine `name` with a per-session prefix, built from the session's pages;
    its indexes are deleted at the end."""
    from django.core.management import call_command

    engine = ENGINES[name]
    url = engine.url()
    config = build_search_backends(engine.kind, url=url, index_prefix=ENGINE_PREFIX, timeout=30)
    with override_settings(WAGTAILSEARCH_BACKENDS=config), django_db_blocker.unblock():
        for language in language_codes():
            call_command("update_index", backend_name=engine_alias(language), verbosity=0)
    yield config
    engine.admin_client(url).indices.delete(index=f"{ENGINE_PREFIX}_*", params={"expand_wildcards": "all"})


@pytest.fixture(scope="session")
def opensearch_config(django_db_setup, django_db_blocker):
    yield from _engine_session_config("opensearch", django_db_blocker)


@pytest.fixture(scope="session")
def elasticsearch_config(django_db_setup, django_db_blocker):
    yield from _engine_session_config("elasticsearch", django_db_blocker)


@pytest.fixture
def engine_config(request):
    """The WAGTAILSEARCH_BACKENDS of the engine named by the test's parameter (opensearch, elasticsearch)."""
    return request.getfixturevalue(f"{request.param}_config")


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
    if request.param in ENGINES:
        config = request.getfixturevalue(f"{request.param}_config")
        settings.WAGTAILSEARCH_BACKENDS = config
        backend = Backend(request.param, config)
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
    # among the pages (with the demo content, dozens of trainings also match "formations")
    body = html(client.get(f"/{language}/search/", {"q": query, "type": "pages"}))
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


# --- counting searches, the editors' report and the suggestions it feeds --------------------------------


def report_rows(response):
    """{query: [cell texts]} of the search queries report, and its column headings."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(html(response), "html.parser")
    headings = [th.get_text(" ", strip=True) for th in page.select("table thead th")]
    rows = {}
    for row in page.select("table tbody tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        rows[cells[0]] = cells
    return headings, rows


def editor(django_user_model, language):
    """An editor (not a superuser) whose admin speaks `language`."""
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_user(f"editor-{language}", f"editor-{language}@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_each_new_search_counts_one_hit_of_wagtails_query(client, home_pages, search_backend):
    from wagtail.contrib.search_promotions.models import Query

    make_page(home_pages, "de", "Webinar Kraxelbum", introduction="Online.")
    search_backend.refresh()
    client.get("/de/search/", {"q": "Kraxelbum"})
    client.get("/fr/search/", {"q": "  kraxelbum "})  # one query, whatever the case, spaces or language
    client.get("/de/search/", {"q": "kraxelbum", "page": "2"})  # paging is not a new search
    client.get("/de/search/", {"q": "kraxelbum", "type": "events"})
    assert Query.get("kraxelbum").hits == 3
    assert Query.get("nichtsdagewesen").hits == 0


def test_searches_kept_in_memory_are_written_before_the_report_is_shown(
    admin_client, client, home_pages, search_backend, settings
):
    from wagtail.contrib.search_promotions.models import Query

    settings.SEARCH_STATS_FLUSH_HITS = 3
    client.get("/nl/search/", {"q": "Gloinkertje"})
    client.get("/nl/search/", {"q": "gloinkertje"})
    assert Query.get("gloinkertje").hits == 0  # not written yet: no write per search
    assert "gloinkertje" in report_rows(admin_client.get("/admin/reports/search-queries/"))[1]
    assert Query.get("gloinkertje").hits == 2
    client.get("/nl/search/", {"q": "gloinkertje"})
    client.get("/nl/search/", {"q": "gloinkertje"})
    client.get("/nl/search/", {"q": "gloinkertje"})  # the third hit kept in memory writes all three
    assert Query.get("gloinkertje").hits == 5


def test_no_request_started_receiver_of_the_project_remains():
    """Searches are counted by the search itself (and the edge), not by a hook on every request."""
    import weakref

    from django.core.signals import request_started

    modules = []
    for entry in request_started.receivers:
        receiver = entry[1]() if isinstance(entry[1], weakref.ReferenceType) else entry[1]
        modules.append(getattr(receiver, "__module__", "") or "")
    assert modules, "Django's own receivers are connected"
    project = [module for module in modules if (settings.BASE_DIR / module.split(".")[0]).is_dir()]
    assert project == []


def test_the_report_shows_in_which_languages_each_query_finds_nothing_now(
    client, django_user_model, home_pages, search_backend
):
    """A French visitor's search that finds nothing shows up for a French-speaking editor, with the
    languages where it finds nothing; a query that finds something in some languages lists only the others."""
    from home.languages import language_codes

    make_page(home_pages, "fr", "Atelier Quibbelon", introduction="Quibbelon à Arlon.")
    make_page(home_pages, "nl", "Workshop Quibbelon", introduction="Quibbelon in Gent.")
    search_backend.refresh()
    client.get("/fr/search/", {"q": "quibbelon"})
    client.get("/nl/search/", {"q": "Quibbelon"})
    client.get("/fr/search/", {"q": "Plorbizette"})
    client.force_login(editor(django_user_model, "fr"))

    headings, rows = report_rows(client.get("/admin/reports/search-queries/"))
    names = {"fr": "Français", "nl": "Néerlandais", "de": "Allemand", "en": "Anglais"}
    language_headings = [f"Résultats\u00a0: {names[code]}" for code in language_codes()]
    assert headings[:2] == ["Requête", "Recherches"]
    assert headings[2:] == [*language_headings, "Langues sans résultat"]
    quibbelon = dict(zip(headings, rows["quibbelon"], strict=True))
    assert quibbelon["Recherches"] == "2"
    assert quibbelon["Résultats\u00a0: Français"] == quibbelon["Résultats\u00a0: Néerlandais"] == "1"
    assert quibbelon["Résultats\u00a0: Allemand"] == "0"
    assert quibbelon["Langues sans résultat"] == ", ".join(
        names[code] for code in language_codes() if code in "de en"
    )
    nothing = dict(zip(headings, rows["plorbizette"], strict=True))
    assert nothing["Recherches"] == "1"
    assert nothing["Langues sans résultat"] == ", ".join(names[code] for code in language_codes())
    assert list(rows).index("quibbelon") < list(rows).index("plorbizette")  # most searched first

    # what a query finds follows the content: once published in German, German drops out of the column
    make_page(home_pages, "de", "Plorbizette für alle", introduction="Online.")
    search_backend.refresh()
    _headings, rows = report_rows(client.get("/admin/reports/search-queries/"))
    assert "Allemand" not in rows["plorbizette"][-1] and "Néerlandais" in rows["plorbizette"][-1]


def test_the_report_is_wagtails_with_its_export_and_date_filter(
    admin_client, client, home_pages, search_backend
):
    import csv
    import datetime
    import io

    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    make_page(home_pages, "en", "Snorkel club", introduction="Under water.")
    search_backend.refresh()
    client.get("/en/search/", {"q": "snorkel"})
    long_ago = datetime.date.today() - datetime.timedelta(days=60)
    QueryDailyHits.objects.create(query=Query.get("ancient zwiebelquark"), date=long_ago, hits=7)

    response = admin_client.get("/admin/reports/search-queries/", {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"] == "text/csv"
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert lines[0][:2] == ["Query", "Searches"] and lines[0][-1] == "Languages without results"
    by_query = {line[0]: line for line in lines[1:]}
    assert by_query["snorkel"][1] == "1" and by_query["ancient zwiebelquark"][1] == "7"
    assert "English" not in by_query["snorkel"][-1] and "English" in by_query["ancient zwiebelquark"][-1]
    xlsx = admin_client.get("/admin/reports/search-queries/", {"export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].endswith("spreadsheetml.sheet")

    recent = {"hit_date_from": (datetime.date.today() - datetime.timedelta(days=7)).isoformat()}
    _headings, rows = report_rows(admin_client.get("/admin/reports/search-queries/", recent))
    assert "snorkel" in rows and "ancient zwiebelquark" not in rows
    _headings, rows = report_rows(admin_client.get("/admin/reports/search-queries/results/", recent))
    assert "snorkel" in rows


def test_a_hostile_query_is_shown_escaped_in_the_report(admin_client, client, search_backend):
    payload = "<script>alert(1)</script>"
    client.get("/en/search/", {"q": payload})
    report = html(admin_client.get("/admin/reports/search-queries/"))
    assert payload not in report and "&lt;script&gt;alert(1)&lt;/script&gt;" in report


def test_reports_menu_shows_one_search_report_to_editors(client, django_user_model):
    client.force_login(editor(django_user_model, "nl"))
    assert client.get("/admin/reports/search-queries/").status_code == 200
    assert client.get("/admin/reports/search-terms/").status_code != 200  # Wagtail's own: superusers only


def test_a_search_that_finds_nothing_suggests_popular_queries_that_find_something_in_its_language(
    client, home_pages, search_backend
):
    make_page(home_pages, "fr", "Atelier Quibbelon", introduction="Quibbelon à Arlon.")
    make_page(home_pages, "fr", "Formation Zorglaine", introduction="Zorglaine à Namur.")
    make_page(home_pages, "nl", "Cursus Vrotsel", introduction="Vrotsel in Gent.")
    search_backend.refresh()
    for query, times in (("vrotsel", 3), ("zorglaine", 2), ("quibbelon", 1)):
        for _ in range(times):
            client.get("/fr/search/", {"q": query})

    def suggestions(language, query):
        from bs4 import BeautifulSoup

        page = BeautifulSoup(html(client.get(f"/{language}/search/", {"q": query})), "html.parser")
        return [link.get_text() for link in page.select(".search-suggestions a")]

    assert suggestions("fr", "Plorbizette") == ["zorglaine", "quibbelon"]  # vrotsel finds nothing in French
    assert suggestions("nl", "Plorbizette") == ["vrotsel"]
    assert "Andere bezoekers zochten naar" in html(client.get("/nl/search/", {"q": "Plorbizette"}))


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


def test_update_index_rebuilds_atomically_while_search_answers(
    general_pages, client, home_pages, engine_config, settings, monkeypatch
):
    from django.core.management import call_command
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    settings.WAGTAILSEARCH_BACKENDS = engine_config
    backend = get_search_backend(engine_alias("fr"))
    index_class = backend.index_class
    call_command("update_index", backend_name=engine_alias("fr"), verbosity=0)  # the session's general pages
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
    add_items = index_class.add_items

    def add_items_then_search(index, model, items):
        add_items(index, model, items)
        answers.append(html(client.get("/fr/search/", {"q": "accessibilité"})))

    monkeypatch.setattr(index_class, "add_items", add_items_then_search)
    call_command("update_index", backend_name=engine_alias("fr"), verbosity=0)
    assert answers and all("Déclaration" in answer for answer in answers)
    monkeypatch.undo()
    assert "Déclaration" in html(client.get("/fr/search/", {"q": "accessibilité"}))


def test_each_language_index_uses_its_own_analyser(db, engine_config, settings):
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    settings.WAGTAILSEARCH_BACKENDS = engine_config
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
