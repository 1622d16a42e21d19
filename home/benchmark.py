"""The one shape of the apps' benchmark seeders (`manage.py seed_benchmark`): `seed_pages()` creates many
published English pages under an index quickly, built by the app's factory and inserted in bulk.

Tree paths are computed the way treebeard does, the Page rows are created with bulk_create, the specific rows
(built by the page's factory) and the rows that point at each page (orderable children, many-to-many links)
follow in bulk, and the index's child count is updated once. Bulk inserts send no signals: the content
version is bumped and the search index updated in one bulk pass at the end (optional)."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from bdt_site import content_version

BATCH = 1000


def last_child_step(parent):
    """The tree step of `parent`'s last child (0 when it has none); new rows continue from step + 1."""
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) if last else 0


def page_row(parent, step, page, content_type, published_at):
    """An unsaved, live `Page` row for position `step` under `parent`, with the title and slug of the built
    specific `page` (whose own row follows it)."""
    return Page(
        title=page.title,
        draft_title=page.title,
        slug=page.slug,
        content_type=content_type,
        locale=parent.locale,
        path=Page._get_path(parent.path, parent.depth + 1, step),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{page.slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
        translation_key=uuid.uuid4(),
        show_in_menus=False,
    )


def seed_pages(factory, parent, n, describe, *, index=True, index_queryset=None):
    """Create `n` published pages of `factory`'s model under `parent`, in its locale; returns their ids.

    `describe(number, run)` gives, for the number-th new page of this run (`run`: a short random id that keeps
    slugs unique across runs), `(fields, related)`: the keyword arguments of `factory.build()` (title and slug
    included) and a function of the new page's id that returns the unsaved rows pointing at it."""
    model = factory._meta.model
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    created = []
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        step = last_child_step(parent)
        run = uuid.uuid4().hex[:6]
        for batch_start in range(0, n, BATCH):
            pages, rows, relations = [], [], []
            for number in range(batch_start + 1, min(n, batch_start + BATCH) + 1):
                step += 1
                fields, related = describe(number, run)
                page = factory.build(locale=parent.locale, **fields)
                pages.append(page)
                rows.append(page_row(parent, step, page, content_type, now))
                relations.append(related)
            rows = Page.objects.bulk_create(rows)
            for page, row in zip(pages, rows, strict=True):
                page.page_ptr_id = row.pk
            model._base_manager._insert(pages, fields=list(model._meta.local_concrete_fields))
            linked = {}
            for row, related in zip(rows, relations, strict=True):
                for obj in related(row.pk):
                    linked.setdefault(type(obj), []).append(obj)
            for linked_model, objects in linked.items():
                linked_model.objects.bulk_create(objects)
            created += [row.pk for row in rows]
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(created))
        content_version.bump()
        if index and created:
            index_pages(index_queryset if index_queryset is not None else model.objects.all(), created)
    return created


def index_pages(queryset, pks):
    """Add the pages `pks` of `queryset` to every search backend (the database's and each engine alias, which
    saves leave to the task worker), one bulk call per batch."""
    from wagtail.search.backends import get_search_backends

    for start in range(0, len(pks), BATCH):
        objects = list(queryset.filter(pk__in=pks[start : start + BATCH]))
        for backend in get_search_backends(
            with_auto_update=False
        ):  # the engines too: the worker is not asked
            backend.add_bulk(queryset.model, objects)


def terms(model, factory, locale):
    """The terms of vocabulary `model` in `locale`, or one made by `factory` when there are none (a site
    without the demo content, as in tests)."""
    return list(model.objects.filter(locale=locale)) or [factory(locale=locale)]


def english_index(model):
    """The English index page of type `model` that new pages go under by default."""
    index = model.objects.filter(locale__language_code="en").first()
    if index is None:
        raise ValueError(f"No English {model._meta.verbose_name}: load the demo content first.")
    return index


def in_locale(locale, *models):
    """The rows of each of `models` (vocabularies, organisations) in `locale`: one list per model."""
    return [list(model.objects.filter(locale=locale)) for model in models]


def links(model, name, page_id, targets):
    """Unsaved rows of the many-to-many field `name` of page `model` that link page `page_id` to `targets`."""
    field = model._meta.get_field(name)
    page_column, target_column = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    through = field.remote_field.through
    return [through(**{page_column: page_id, target_column: target.pk}) for target in targets]
