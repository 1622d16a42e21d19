"""The version of the published content, bumped whenever anything visitors can see changes (a page is
published, unpublished, moved or deleted; a snippet, setting, taxonomy or image is saved or deleted).
Everything Django keeps from content (the menu and footer of each language, vocabularies, the Site of a
host, listing facet counts and result ids, search answers) puts this version in its cache key through
cached(), so one bump makes all of it stale at once. Whole pages are not kept here: the edge (nginx) holds
them for at most a second (deploy/nginx.conf, bdt_site.middleware.EdgeCacheMiddleware).

The version is a number in the default cache, which every process that serves the site shares: Redis in
production (required there), a directory of files on one host in development (settings/base.py). So a
publish made through one gunicorn worker or app server is seen by all the others at their next lookup."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "content:version"
DATA_SECONDS = 3600  # data computed from content is rebuilt at least this often
_MISSING = object()


def current():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
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


def cached_results(key, build):
    """cached() for what listings and the search find for visitors' parameters (facet counts, ids of
    results), for RESULTS_CACHE_SECONDS (0 in the test settings, so tests measure the real work)."""
    return cached(key, build, getattr(settings, "RESULTS_CACHE_SECONDS", DATA_SECONDS))


def digest(*parts):
    """A short, cache-key-safe fingerprint of visitor-supplied values."""
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _increment():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


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
    """Bump on publish, unpublish, move and delete of pages, and on any saved or deleted content row
    (snippets, settings, taxonomies, images)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump, dispatch_uid="pagecache-published")
    page_unpublished.connect(bump, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(bump, dispatch_uid="pagecache-moved")
    post_save.connect(_content_changed, dispatch_uid="pagecache-saved")
    post_delete.connect(_content_changed, dispatch_uid="pagecache-deleted")
