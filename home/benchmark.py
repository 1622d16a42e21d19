"""Shared by the apps' benchmark seeders (`manage.py seed_benchmark`): published English page rows built for
`Page.objects.bulk_create`, placed after the last child of `parent` in Wagtail's tree."""

import uuid

from wagtail.models import Page


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
