"""The version of the published content, bumped whenever anything visitors can see changes (a page is
published, unpublished, moved or deleted; a snippet, setting, taxonomy or image is saved or deleted).
Everything cached from content (whole anonymous pages, the menu and footer of each language, vocabularies,
listing facet counts and result ids, search answers) puts this version in its cache key, so one bump makes
all of it stale at once.

The version is a number in the cache and, with CONTENT_VERSION_FILE (the default without Redis), the
modification time of that file as well: the local-memory cache belongs to one gunicorn worker, but the file
is seen by every worker of the host, so a publish in the worker that served the editor reaches the others
at once. A bump moves both forward."""

import contextlib
import contextvars
import hashlib
import logging
import os
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
DATA_SECONDS = 3600  # data computed from content is rebuilt at least this often
_MISSING = object()


def _version_file():
    return getattr(settings, "CONTENT_VERSION_FILE", "") or None


def _file_version(path):
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        _touch_forward(path)
        return os.stat(path).st_mtime_ns


def _touch_forward(path):
    """Move the file's modification time forward by at least one nanosecond (file times otherwise only
    advance with the kernel's coarse clock, which two quick bumps could share)."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    try:
        previous = os.stat(path).st_mtime_ns
    except FileNotFoundError:
        with open(path, "a", encoding="utf-8"):
            pass
        previous = 0
    now = max(time.time_ns(), previous + 1)
    os.utime(path, ns=(now, now))


def current():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    path = _version_file()
    if path:
        try:
            return f"{_file_version(path)}.{version}"
        except OSError:
            logger.exception("Cannot read CONTENT_VERSION_FILE %s; using the cache's version only", path)
    return version


def cached(key, build, timeout=DATA_SECONDS):
    """`build()`, kept in the cache under `key` until published content changes (or `timeout` passes;
    0 keeps nothing).

    `key` names what is cached; text from visitors (queries, filters) must go through digest()."""
    if timeout <= 0:
        return build()
    versioned = f"{key}:v{current()}"
    value = cache.get(versioned, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(versioned, value, timeout)
    return value


_results_bypass = contextvars.ContextVar("bdt_results_cache_bypass", default=False)


def cached_results(key, build):
    """cached() for what listings and the search find for visitors' parameters (facet counts, ids of
    results), for RESULTS_CACHE_SECONDS."""
    if _results_bypass.get():
        return build()
    return cached(key, build, getattr(settings, "RESULTS_CACHE_SECONDS", DATA_SECONDS))


@contextlib.contextmanager
def results_uncached():
    """Within this block, cached_results() computes everything afresh (benchmarks of the first visitor)."""
    token = _results_bypass.set(True)
    try:
        yield
    finally:
        _results_bypass.reset(token)


def digest(*parts):
    """A short, cache-key-safe fingerprint of visitor-supplied values."""
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def bump(**kwargs):
    """Make every cached page stale at once (cheap and always safe: a publish can change menus, listings,
    search results and translations' language switchers anywhere)."""
    path = _version_file()
    if path:
        try:
            _touch_forward(path)
        except OSError:
            logger.exception("Cannot touch CONTENT_VERSION_FILE %s: other workers keep their caches", path)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


# Models whose rows change on every visit or hold no public content: their saves never invalidate pages.
_IGNORED_APPS = {
    "admin",
    "auth",
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
    "eventsubmission",
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
    """Invalidate on publish, unpublish, move and delete of pages, and on any saved or deleted content row
    (snippets, settings, taxonomies, images)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump, dispatch_uid="pagecache-published")
    page_unpublished.connect(bump, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(bump, dispatch_uid="pagecache-moved")
    post_save.connect(_content_changed, dispatch_uid="pagecache-saved")
    post_delete.connect(_content_changed, dispatch_uid="pagecache-deleted")
