"""A search engine that accepts connections and never answers (a real socket server in the test, configured as
the engine's URL) must not hold up pages: searches answer within a second with the notice, the breaker keeps
later requests away from the engine until its cool-down is over, and publishing is not held up either
(search/backends/breaker.py). Run for both engine backends (opensearch2 and elasticsearch7): no node needed."""

import socket
import threading
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import StandardPageFactory, publish
from search.backend_settings import build_search_backends

TIMEOUT = 0.5  # the engine's connect and read timeouts in these tests (settings default: 1 s)
NOTICE = "Notre moteur de recherche est indisponible"


class HangingEngine:
    """A TCP server on 127.0.0.1 that accepts every connection, reads the requests and never answers."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self._lock = threading.Lock()
        self._requests = 0
        self._connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def requests(self):
        """How many HTTP requests reached the engine so far."""
        with self._lock:
            return self._requests

    def _accept(self):
        while True:
            try:
                conn, _address = self.server.accept()
            except OSError:
                return  # closed
            with self._lock:
                self._connections.append(conn)
            threading.Thread(target=self._read, args=(conn,), daemon=True).start()

    def _read(self, conn):
        while True:
            try:
                data = conn.recv(65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self._requests += data.count(b" HTTP/1.1\r\n")

    def close(self):
        self.server.close()
        with self._lock:
            for conn in self._connections:
                conn.close()


@pytest.fixture
def hanging_engine():
    engine = HangingEngine()
    yield engine
    engine.close()


@pytest.fixture(params=["opensearch2", "elasticsearch7"])
def engine_down(request, hanging_engine, settings):
    """The site configured with an engine of each kind that hangs."""
    settings.WAGTAILSEARCH_BACKENDS = build_search_backends(
        request.param,
        url=hanging_engine.url,
        index_prefix="hanging",
        timeout=TIMEOUT,
        connect_timeout=TIMEOUT,
    )
    settings.SEARCH_BREAKER_SECONDS = 30
    return hanging_engine


def timed_get(client, url, params):
    started = time.monotonic()
    response = client.get(url, params)
    return response, time.monotonic() - started


def test_search_pages_answer_within_a_second_with_the_notice_and_skip_the_engine_after_a_failure(
    client, home_pages, engine_down
):
    publish(StandardPageFactory(parent=home_pages["fr"], title="Atelier Pluvrak", introduction="À Liège."))
    response, seconds = timed_get(client, "/fr/search/", {"q": "pluvrak"})
    body = response.content.decode()
    assert response.status_code == 200 and seconds < 1, seconds
    assert NOTICE in body and "Atelier <mark>Pluvrak</mark>" in body
    assert response["Cache-Control"] == "private, max-age=0"
    tried = engine_down.requests
    assert tried >= 1  # the engine was asked, and did not answer in time

    # the breaker is open: the next searches and suggestions do not even try the engine (so they never wait
    # for its timeout; counting what reached the engine says so without timing a busy machine)
    for query in ("atelier", "liège", "pluvrak"):
        response = client.get("/fr/search/", {"q": query})
        assert NOTICE in response.content.decode(), query
        assert engine_down.requests == tried, query
    response = client.get("/fr/search/autocomplete/", {"q": "pluv"})
    assert [r["title"] for r in response.json()["results"]] == ["Atelier Pluvrak"]
    assert engine_down.requests == tried


def test_after_the_cool_down_the_engine_is_tried_again(client, home_pages, engine_down, settings):
    settings.SEARCH_BREAKER_SECONDS = 3  # long enough for the second request even on a busy machine
    client.get("/fr/search/", {"q": "pluvrak"})
    tried = engine_down.requests
    client.get("/fr/search/", {"q": "pluvrak"})
    assert engine_down.requests == tried  # still cooling down
    time.sleep(3.1)
    response, seconds = timed_get(client, "/fr/search/", {"q": "pluvrak"})
    assert engine_down.requests > tried  # tried again
    assert NOTICE in response.content.decode() and seconds < 1  # and skipped again after this new failure
    tried = engine_down.requests
    client.get("/fr/search/", {"q": "pluvrak"})
    assert engine_down.requests == tried


def test_fallback_answers_are_kept_for_a_short_time(client, home_pages, engine_down, settings):
    """During an outage a repeated search is answered from the cache (RESULTS_CACHE_SECONDS is 0 in the tests:
    the fallback has its own, short, SEARCH_FALLBACK_CACHE_SECONDS)."""
    publish(StandardPageFactory(parent=home_pages["fr"], title="Atelier Pluvrak"))
    settings.SEARCH_FALLBACK_CACHE_SECONDS = 30
    client.get("/fr/search/", {"q": "atelier"})  # opens the breaker

    def facet_queries():
        """The queries of the search itself: its count of results per type."""
        with CaptureQueriesContext(connection) as captured:
            assert NOTICE in client.get("/fr/search/", {"q": "pluvrak"}).content.decode()
        return [q["sql"] for q in captured.captured_queries if '"content_type_id", COUNT(' in q["sql"]]

    assert facet_queries()  # the first time, the database backend searches
    assert not facet_queries()  # then its answer is kept
    settings.SEARCH_FALLBACK_CACHE_SECONDS = 0
    assert facet_queries()


def test_publishing_is_not_held_up_by_a_hanging_engine(client, home_pages, engine_down):
    """Indexing on publish waits at most the timeout once; later publishes do not try the engine while its
    breaker is open. The database index is kept up to date, so the fallback finds the new pages."""
    started = time.monotonic()
    publish(StandardPageFactory(parent=home_pages["fr"], title="Atelier Pluvrak"))
    # One wait of TIMEOUT, not the client's retries (with room for a loaded machine: no speed is measured here).
    assert time.monotonic() - started < TIMEOUT + 3
    tried = engine_down.requests
    assert tried >= 1
    for title in ("Atelier Zorbi", "Atelier Quaffle"):
        publish(StandardPageFactory(parent=home_pages["fr"], title=title))
    assert engine_down.requests == tried  # not asked again: no wait at all
    body = client.get("/fr/search/", {"q": "atelier"}).content.decode()
    assert NOTICE in body and "Zorbi" in body and "Quaffle" in body and "Pluvrak" in body
