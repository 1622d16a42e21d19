"""Links from translatable content to translatable snippets (vocabulary terms, organisations), kept in the
content's own language.

wagtail-localize copies a synchronised foreign key or many-to-many field from the source as it is, so after a
sync a French training would point at the English competence areas, region and provider. `LocalizedLinksMixin`
(on every translatable page type and snippet that links to such snippets) points those links, before each save,
at the snippets' translations in the content's locale, through their shared `translation_key`; a snippet not
translated into that locale stays linked as it is. This covers the links of the page itself (foreign keys and
ParentalManyToManyField) and those of its child objects (an initiative's organisations, an event's exhibitors).

Only what the save is about to write is changed: a many-to-many field or child relation held in memory (as
after a sync, a translation or an admin form), and foreign keys of the object itself, so a save that loads
nothing costs one query per snippet model that it links to, at most.

A synchronised many-to-many field emptied in the source is emptied in its translations too
(`copy_synchronised_fields_and_emptied_links`, which wagtail-localize skips on its own).
"""

from collections import defaultdict
from functools import cache

import wagtail_localize.models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import copy_synchronised_fields, get_translatable_fields


def is_translatable_snippet(model):
    """Whether `model` is translatable content other than a page (a vocabulary term, an organisation)."""
    return isinstance(model, type) and issubclass(model, TranslatableMixin) and not issubclass(model, Page)


@cache
def snippet_links(model):
    """The foreign keys and parental many-to-many fields of `model` that point at translatable snippets."""
    return [
        field
        for field in model._meta.get_fields()
        if is_translatable_snippet(field.related_model)
        and (
            (field.many_to_one and field.concrete and not isinstance(field, ParentalKey))
            or isinstance(field, ParentalManyToManyField)
        )
    ]


def _in_memory(instance, name):
    return name in getattr(instance, "_cluster_related_objects", {})


def _linked_ids(obj, field):
    if field.many_to_many:
        return [term.pk for term in getattr(obj, field.name).all()]
    value = getattr(obj, field.attname)
    return [] if value is None else [value]


def _translations(model, ids, locale_id):
    """{id of a `model` object in another locale: its translation in `locale_id`}, for the given ids."""
    foreign = dict(
        model.objects.filter(pk__in=ids).exclude(locale_id=locale_id).values_list("pk", "translation_key")
    )
    if not foreign:
        return {}
    by_key = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=set(foreign.values()), locale_id=locale_id)
    }
    return {pk: by_key[key] for pk, key in foreign.items() if key in by_key}


def localize_links(instance, names=None):
    """Point `instance`'s links to translatable snippets at their translations in `instance.locale` (see the
    module docstring). `names`: only these fields and child relations (a save with `update_fields`)."""
    locale_id = getattr(instance, "locale_id", None)
    if locale_id is None:
        return
    links = []  # (object, field)
    for field in snippet_links(type(instance)):
        if names is not None and not {field.name, field.attname} & names:
            continue
        if not field.many_to_many or _in_memory(instance, field.name):
            links.append((instance, field))
    relations = get_all_child_relations(instance) if isinstance(instance, ClusterableModel) else []
    children = {}  # relation accessor: its child objects
    for relation in relations:
        accessor = relation.get_accessor_name()
        fields = [field for field in snippet_links(relation.related_model) if not field.many_to_many]
        if not fields or (names is not None and accessor not in names) or not _in_memory(instance, accessor):
            continue
        children[accessor] = objects = list(getattr(instance, accessor).all())
        links += [(obj, field) for obj in objects for field in fields]

    ids_by_model = defaultdict(set)
    for obj, field in links:
        ids_by_model[field.related_model].update(_linked_ids(obj, field))
    translations = {model: _translations(model, ids, locale_id) for model, ids in ids_by_model.items() if ids}
    for obj, field in links:
        mapping = translations.get(field.related_model)
        if not mapping:
            continue
        if field.many_to_many:
            terms = list(getattr(obj, field.name).all())
            if any(term.pk in mapping for term in terms):
                setattr(obj, field.name, [mapping.get(term.pk, term) for term in terms])
        elif getattr(obj, field.attname) in mapping:
            setattr(obj, field.name, mapping[getattr(obj, field.attname)])
    for accessor, objects in children.items():
        getattr(instance, accessor).set(objects)


class LocalizedLinksMixin:
    """Saves a translatable page or snippet with its links to translatable snippets in its own locale
    (localize_links)."""

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        localize_links(self, None if update_fields is None else set(update_fields))
        return super().save(*args, **kwargs)


def copy_synchronised_fields_and_emptied_links(source, target):
    """wagtail-localize's `copy_synchronised_fields`, which also empties a synchronised many-to-many field whose
    source has been emptied: wagtail-localize 1.14 copies such a field only when the source has at least one
    value (`if values:` in wagtail_localize/fields.py), so removing every competence area of an English training
    would leave its translations with theirs. Installed by `install_sync_of_emptied_links`."""
    copy_synchronised_fields(source, target)
    for declaration in get_translatable_fields(type(source)):
        if not declaration.is_synchronized(source):
            continue
        field = declaration.get_field(type(target))
        if isinstance(field, ParentalManyToManyField) and not list(getattr(source, field.name).all()):
            setattr(target, field.name, [])


def install_sync_of_emptied_links():
    """Make wagtail-localize's translate and sync use `copy_synchronised_fields_and_emptied_links` (called from
    HomeConfig.ready; wagtail_localize.models calls the function by the name it imported)."""
    wagtail_localize.models.copy_synchronised_fields = copy_synchronised_fields_and_emptied_links
