"""The version of the published content, bumped whenever anything visitors can see changes (a page is
published, unpublished, moved or deleted; a snippet, setting, taxonomy or image is saved or deleted).
Everything Django keeps from content (the menu and footer of each language, vocabularies, the Site of a
host, listing facet counts and result ids, search answers) puts this version in its cache key through
cached(), so one bump makes all of it stale at once. Whole pages are not kept here: the edge (nginx) holds
them for at most a second (deploy/nginx.conf, bdt_site.middleware.EdgeCacheMiddleware).

The version is a number in the default cache, which every process that serves the site shares: Redis in
production (required there), a directory of files on one host in development (settings/base.py). So a
publish made through one gunicorn worker or app server is seen by all the others at their next request.

Two round trips to Redis per cached value made uncached pages twice as slow as with a cache in each worker's
memory (home 4.5 → 9.3 ms, catalogue 14.6 → 24.6 ms a request, measured in one process). So:
- a request reads the version once, at its first lookup (ContentVersionMiddleware opens the request's scope;
  outside a request, in commands and the shell, every lookup reads it again);
- each worker also keeps the values it has fetched or built, pickled, under their versioned key, for at most
  LOCAL_SECONDS and within LOCAL_BYTES: a new version changes every key, so a kept value is never served for
  newer content, and the shared cache is asked again at most once a minute per worker and key."""

import collections
import contextvars
import functools
import hashlib
import pickle
import secrets
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.safestring import mark_safe

VERSION_KEY = "content:version"
DATA_SECONDS = 3600  # data computed from content is rebuilt at least this often
LOCAL_SECONDS = 60  # a worker's own copy of a value is checked against the shared cache at least this often
LOCAL_BYTES = 32 * 1024 * 1024  # at most this much kept in each worker's memory (least recently used go)
_MISSING = object()
_UNREAD = object()

# The version of the request being served: _UNREAD until its first lookup, None outside any request.
_request_version = contextvars.ContextVar("content_version", default=None)


class _LocalCopies:
    """A worker's own, bounded copies of cached values: pickled, so a caller that changes what it got
    changes nothing kept (as with any Django cache backend)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._entries = collections.OrderedDict()  # key -> (expires, pickled)
        self._bytes = 0

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return _MISSING
            if entry[0] < time.monotonic():
                self._drop(key)
                return _MISSING
            self._entries.move_to_end(key)
            data = entry[1]
        return pickle.loads(data)

    def set(self, key, value, timeout):
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(data) > LOCAL_BYTES // 8:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (time.monotonic() + min(timeout, LOCAL_SECONDS), data)
            self._bytes += len(data)
            while self._bytes > LOCAL_BYTES:
                self._drop(next(iter(self._entries)))

    def delete(self, key):
        with self._lock:
            if key not in self._entries:
                return False
            self._drop(key)
            return True

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _drop(self, key):
        self._bytes -= len(self._entries.pop(key)[1])


_local = _LocalCopies()


def _read_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # A random start, not 1: after the shared cache is emptied (a Redis restart) the versions start
        # somewhere else, so no worker's copy kept under an old version's key can match a new one.
        cache.add(VERSION_KEY, secrets.randbits(48), None)
        version = cache.get(VERSION_KEY)
    return version


def current():
    """The content version: read from the shared cache once per request (every time outside a request)."""
    version = _request_version.get()
    if version is None:
        return _read_version()
    if version is _UNREAD:
        version = _read_version()
        _request_version.set(version)
    return version


class ContentVersionMiddleware:
    """Opens the scope in which a request reads the content version once (first in settings.MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(_UNREAD)
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


def cached(key, build, timeout=DATA_SECONDS):
    """`build()`, kept in the cache under `key` until published content changes (or `timeout` passes;
    0 keeps nothing).

    `key` names what is cached; text from visitors (queries, filters) must go through digest()."""
    if timeout <= 0:
        return build()
    versioned = f"{key}:v{current()}"
    value = _local.get(versioned)
    if value is not _MISSING:
        return value
    value = cache.get(versioned, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(versioned, value, timeout)
    _local.set(versioned, value, timeout)
    return value


class LocalVersionedCache(BaseCache):
    """A Django cache backend that keeps values in this worker's memory (the same bounded, pickled copies as
    cached()) under the current content version: what it holds is never served once content has changed,
    and reading it costs no round trip to the shared cache beyond the request's one version read.

    For data derived from content that Wagtail caches itself, as the "renditions" cache (settings.CACHES):
    a rendition is found in memory instead of a get and a set on Redis for every image of every page."""

    def __init__(self, location, params):
        super().__init__(params)
        self._copies = _LocalCopies()

    def _key(self, key, version):
        """The key under the current content version; None when the version cannot be read (the shared cache
        is down): then nothing is kept or found, and Wagtail reads the database as without a cache."""
        try:
            return f"{self.make_and_validate_key(key, version=version)}:v{current()}"
        except Exception:  # noqa: BLE001 - a cache must never break the page
            return None

    def get(self, key, default=None, version=None):
        versioned = self._key(key, version)
        value = _MISSING if versioned is None else self._copies.get(versioned)
        return default if value is _MISSING else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        timeout = self.get_backend_timeout(timeout)
        versioned = self._key(key, version)
        if versioned is not None and (timeout is None or timeout > 0):
            self._copies.set(versioned, value, timeout or DATA_SECONDS)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version=version):
            return False
        self.set(key, value, timeout, version)
        return True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.has_key(key, version=version)

    def has_key(self, key, version=None):
        versioned = self._key(key, version)
        return versioned is not None and self._copies.get(versioned) is not _MISSING

    def delete(self, key, version=None):
        versioned = self._key(key, version)
        return versioned is not None and self._copies.delete(versioned)

    def clear(self):
        self._copies.clear()


def cached_results(key, build):
    """cached() for what listings and the search find for visitors' parameters (facet counts, ids of
    results), for RESULTS_CACHE_SECONDS (0 in the test settings, so tests measure the real work)."""
    return cached(key, build, getattr(settings, "RESULTS_CACHE_SECONDS", DATA_SECONDS))


@functools.cache
def templates_version():
    """A digest of every template file of the project (read once per process): HTML kept in the shared cache
    (kept_html) is not served by a release whose templates differ from the one that rendered it."""
    from django.template.loaders.app_directories import get_app_template_dirs

    directories = [Path(directory) for engine in settings.TEMPLATES for directory in engine.get("DIRS", [])]
    directories += [
        directory
        for directory in get_app_template_dirs("templates")
        if directory.is_relative_to(settings.BASE_DIR) and ".venv" not in directory.parts
    ]
    fingerprint = hashlib.sha256()
    for directory in sorted(directories):
        for path in sorted(directory.rglob("*.html")):
            fingerprint.update(str(path.relative_to(directory)).encode())
            fingerprint.update(path.read_bytes())
    return fingerprint.hexdigest()[:16]


def kept_html(key, render, keep=cached):
    """`render()`, HTML made from content only (nothing of the visitor's: no session, token or nonce), kept by
    `keep` (cached() by default) under `key` and the templates' version."""
    return mark_safe(keep(f"html:{key}:{templates_version()}", lambda: str(render())))  # noqa: S308 - rendered by templates


def digest(*parts):
    """A short, cache-key-safe fingerprint of visitor-supplied values."""
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _increment():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or the cache was emptied): start afresh
        cache.set(VERSION_KEY, secrets.randbits(48), None)
    if _request_version.get() is not None:
        _request_version.set(_UNREAD)  # the rest of this request sees its own change


def bump(**kwargs):
    """Make everything cached from content stale at once (cheap and always safe: a publish can change
    menus, listings, search results and translations' language switchers anywhere).

    Once now and once more when the transaction commits: another process that reads the version in between
    still sees the rows from before the change, and what it caches then is dropped by the second bump."""
    _increment()
    transaction.on_commit(_increment)


# Models whose rows change on every visit or hold no public content: their saves never bump the version.
_IGNORED_APPS = {
    "admin",
    "auth",
    "axes",  # login attempts and their log
    "django_tasks_database",  # the task queue: every task's claim and result
    "contenttypes",
    "sessions",
    "wagtailadmin",
    "wagtailembeds",
    "wagtailforms",
    "wagtailsearch",
    "wagtailusers",
    "wagtail_localize",
}
_IGNORED_MODEL_NAMES = {
    "revision",
    "pagelogentry",
    "modellogentry",
    "workflowstate",
    "taskstate",
    "pagesubscription",
    "referenceindex",
    "query",
    "querydailyhits",
    "contactrequest",
    "contactmessage",
    "eventsubmission",
    "partnernotice",
    "expertsignup",
    "expertnotice",
    "expertdeletion",
    "comment",
    "commentreply",
    "apitoken",
    "signatory",  # a charter signature bumps the version itself, when it is or was listed (home.models.charter)
    "uploadedfile",
    "uploadedimage",
}


# Bookkeeping columns Wagtail fills in lazily while serving (an image's size and hash on its first rendition):
# saving only these changes nothing visitors see, and must not empty every cache in the middle of a request.
_BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def _content_changed(sender, created=False, update_fields=None, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label in _IGNORED_APPS or meta.model_name in _IGNORED_MODEL_NAMES:
        return
    if update_fields and set(update_fields) <= _BOOKKEEPING_FIELDS:
        return
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if created and issubclass(sender, (BaseSiteSetting, BaseGenericSetting)):
        return  # made with its defaults by for_site()/load() on first use; editors' saves do count
    from wagtail.images.models import AbstractRendition

    if issubclass(sender, AbstractRendition):
        return
    bump()


def connect_signals():
    """Bump on publish, unpublish, move and delete of pages, and on any saved or deleted content row
    (snippets, settings, taxonomies, images)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump, dispatch_uid="pagecache-published")
    page_unpublished.connect(bump, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(bump, dispatch_uid="pagecache-moved")
    post_save.connect(_content_changed, dispatch_uid="pagecache-saved")
    post_delete.connect(_content_changed, dispatch_uid="pagecache-deleted")
