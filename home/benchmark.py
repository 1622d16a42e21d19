"""Shared by the apps' benchmark seeders (`manage.py seed_benchmark`): published English page rows built for
`Page.objects.bulk_create`, placed after the last child of `parent` in Wagtail's tree, and what follows the
bulk inserts (child count, content version, search index)."""

import uuid

from wagtail.models import Page

from bdt_site import content_version

BATCH = 1000


def last_child_step(parent):
    """The tree step of `parent`'s last child (0 when it has none); new rows continue from step + 1."""
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) if last else 0


def page_row(parent, step, *, title, slug, content_type, locale, published_at):
    """An unsaved, live `Page` row for position `step` under `parent` (the specific row follows it)."""
    return Page(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        locale=locale,
        path=Page._get_path(parent.path, parent.depth + 1, step),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
        translation_key=uuid.uuid4(),
        show_in_menus=False,
    )


def finish(parent, created, index_queryset, index=True):
    """After bulk-inserting the pages `created` (ids) under `parent`, within the seeder's transaction: its
    child count, the content version (bulk inserts send no signals, so cached listings and facet counts
    would be stale) and, with `index`, the search index, in batches of `index_queryset` (the new pages'
    model with the joins its index reads)."""
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(created))
    content_version.bump()
    if index and created:
        index_pages(index_queryset, created)
    return created


def index_pages(queryset, pks):
    """Add the pages `pks` of `queryset` to every auto-updated search backend, one bulk call per batch."""
    from wagtail.search.backends import get_search_backends

    for start in range(0, len(pks), BATCH):
        objects = list(queryset.filter(pk__in=pks[start : start + BATCH]))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(queryset.model, objects)
