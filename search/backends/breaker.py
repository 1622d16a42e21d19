"""What keeps a search engine that is down or hangs from holding up pages: short timeouts and a circuit breaker.

Every request of an engine backend goes through its client's transport, which `guarded_transport()` wraps:

- A connection error, a timeout or a 5xx answer opens the breaker of that engine (its URLs) for
  SEARCH_BREAKER_SECONDS (default 30) in this process: until then each request to it raises EngineSkipped at
  once, without touching the network. Searches then answer from the database backend straight away
  (search.views, home.listing) and indexing on publish is skipped (Wagtail logs it; `update_index` repairs).
- After the cool-down the next request tries the engine again: success keeps the breaker closed, a failure
  opens it for another cool-down.
- Timeouts (set by LocalisedBackendMixin from the alias's settings): CONNECT_TIMEOUT and TIMEOUT (read) for
  searches and the single-document writes of a publish; INDEXING_TIMEOUT for the bulk and index-management
  requests of `update_index` (`_bulk`, `_refresh`, `_aliases`, creating or deleting an index), which handle
  many documents at a time and never run inside a visitor's request.

The state is per process (each gunicorn worker finds out on its own, at the cost of one timeout).
"""

import logging
import threading
import time

from django.conf import settings

logger = logging.getLogger(__name__)

DEFAULT_COOLDOWN = 30.0

_lock = threading.Lock()
_open_until = {}  # engine key (its URLs) -> time.monotonic() until which requests to it are skipped


class EngineSkipped(Exception):
    """The engine failed less than SEARCH_BREAKER_SECONDS ago: the request was not sent."""


def cooldown():
    return float(getattr(settings, "SEARCH_BREAKER_SECONDS", DEFAULT_COOLDOWN))


def is_open(key):
    with _lock:
        until = _open_until.get(key)
        if until is None:
            return False
        if time.monotonic() < until:
            return True
        del _open_until[key]  # cool-down over: the next request tries the engine
        return False


def trip(key, error):
    seconds = cooldown()
    with _lock:
        _open_until[key] = time.monotonic() + seconds
    logger.warning("Search engine %s failed (%s); skipping it for %g s", key, error, seconds)


def reset():
    """Close every breaker of this process (tests start from a clean state)."""
    with _lock:
        _open_until.clear()


INDEXING_ENDPOINTS = {"_bulk", "_refresh", "_aliases"}


def is_indexing_request(method, url):
    """True for the requests of `update_index`: bulk writes, refreshes, alias swaps, index creation and
    deletion (a path of one segment that is not an API like `/_cluster`)."""
    segments = [s for s in url.split("?", 1)[0].split("/") if s]
    if segments and segments[-1] in INDEXING_ENDPOINTS:
        return True
    return len(segments) == 1 and not segments[0].startswith("_") and method in {"PUT", "DELETE"}


def guarded_transport(transport_class, transport_error, connection_error):
    """`transport_class` (an Elasticsearch-family client's Transport) behind the breaker; the client's own
    retries are off (max_retries=0): a failure is reported at once and the breaker decides."""

    class GuardedTransport(transport_class):
        def __init__(self, hosts, *args, breaker_key=None, indexing_timeout=None, **kwargs):
            kwargs.setdefault("max_retries", 0)
            super().__init__(hosts, *args, **kwargs)
            self.breaker_key = breaker_key or repr(hosts)
            self.indexing_timeout = indexing_timeout

        def perform_request(self, method, url, *args, params=None, **kwargs):
            if is_open(self.breaker_key):
                raise EngineSkipped(f"search engine {self.breaker_key} is skipped after a failure")
            if self.indexing_timeout and is_indexing_request(method, url):
                params = dict(params or {})
                params.setdefault("request_timeout", self.indexing_timeout)
            try:
                return super().perform_request(method, url, *args, params=params, **kwargs)
            except transport_error as error:
                status = getattr(error, "status_code", None)
                if isinstance(error, connection_error) or (isinstance(status, int) and status >= 500):
                    trip(self.breaker_key, error)
                raise

    GuardedTransport.__name__ = GuardedTransport.__qualname__ = f"Guarded{transport_class.__name__}"
    return GuardedTransport


def log_engine_failure(error, backend, query):
    """Log that the engine failed (with its traceback) or was skipped by the breaker (one line)."""
    if isinstance(error, EngineSkipped):
        logger.info(
            "Search backend %r skipped (%s); answering %r from the database backend", backend, error, query
        )
    else:
        logger.exception(
            "Search backend %r failed for %r; answering from the database backend", backend, query
        )
