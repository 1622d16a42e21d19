"""The version of the published content: one number in the cache, bumped whenever anything visitors can
see changes (a page is published, unpublished, moved or deleted; a snippet, setting, taxonomy or image is
saved or deleted). Everything cached from content (whole anonymous pages, the menu and footer of each
language) puts this version in its cache key, so one bump makes all of it stale at once."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "pagecache:version"


def current():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump(**kwargs):
    """Make every cached page stale at once (cheap and always safe: a publish can change menus, listings,
    search results and translations' language switchers anywhere)."""
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
    "searchquerystat",
    "contactrequest",
    "eventsubmission",
    "uploadedfile",
    "uploadedimage",
}


def _content_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label in _IGNORED_APPS or meta.model_name in _IGNORED_MODEL_NAMES:
        return
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
