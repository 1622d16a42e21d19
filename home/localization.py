"""This term, organisation or page in the active language: the one place the apps ask for it.

wagtail-localize keeps a translated page's links to snippets and pages synchronised with its source page; a
translation saves its links to snippets in its own language where they are translated (home.translation_sync),
but a French training, event or role model may still point at an English organisation or region not translated
yet, or at an English directory page. What a page shows goes through `localized()`, which has the meaning of
Wagtail's `.localized` (the version in the active locale, else the object itself) with a fixed number of queries
whatever the number of objects:

- vocabulary terms (home.models.taxonomies): none once warm, from a term map cached until published content
  changes (`terms_by_id`);
- other translatable snippets (organisations): at most one query per model for a whole list;
- pages: at most one query for a whole list, and only a live, public translation replaces a page.

`localized(obj)` takes one object (or None) or an iterable of them (a list comes back, in the same order, without
the Nones);
`localized(obj, "field")` gives what `obj` links to through a foreign key or many-to-many field, in the active
language (a term by its id, without loading it). Templates use the `localized` filter of the same meaning:
`{{ page|localized:"region" }}`, `{% for term in page|localized:"competence_areas" %}`.
"""

from django.db.models import ForeignKey, Q
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from bdt_site import content_version
from home.models.taxonomies import TaxonomyTerm, localized_terms
from home.visibility import public_pages


def active_language():
    """The content language of the request (e.g. 'fr'), as Wagtail resolves it."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:  # no active language (e.g. translations deactivated): the default one
        return get_supported_content_language_variant(None)


def _cached(name, build):
    return content_version.cached(f"localization:{name}", build)


def locale_ids():
    """{language code: Locale id} (cached)."""
    return _cached("locale-ids", lambda: dict(Locale.objects.values_list("language_code", "pk")))


def active_locale_id():
    return locale_ids().get(active_language())


def locales_by_id():
    """{Locale id: Locale} (cached), so listings do not join the locale of every page they link to."""
    return _cached("locales", lambda: {locale.pk: locale for locale in Locale.objects.all()})


# -- the term map ---------------------------------------------------------------------------------------------
def terms_by_id(model):
    """{id of any term of `model`, in any locale: its active-language version} (cached, no query when warm)."""

    def build():
        mapping = localized_terms(model)
        return {term.pk: mapping.get(term.translation_key, term) for term in model.objects.all()}

    return _cached(f"terms:{model._meta.label_lower}:{active_language()}", build)


def term_ids_by_slug(model):
    """{slug: [ids of the term with this slug in every locale]} (cached): filters by slug without a join."""

    def build():
        ids = {}
        for pk, slug in model.objects.values_list("pk", "slug"):
            ids.setdefault(slug, []).append(pk)
        return ids

    return _cached(f"term-ids:{model._meta.label_lower}", build)


def localize_term_ids(model, ids):
    """The active-language terms for these ids, in the vocabulary's order."""
    lookup = terms_by_id(model)
    terms = {lookup[pk].pk: lookup[pk] for pk in ids if pk in lookup}
    ordering = [name.lstrip("-") for name in model._meta.ordering]
    return sorted(terms.values(), key=lambda term: [getattr(term, name) for name in ordering])


# -- one object, a list, or what an object links to -----------------------------------------------------------
def localized(obj, field_name=None):
    """The active-language version of `obj` (see the module docstring); with `field_name`, of what `obj` links
    to through that field: one object (or None) for a foreign key, a list for a many-to-many field."""
    if field_name is not None:
        return _linked(obj, field_name)
    if obj is None:
        return None
    if hasattr(obj, "translation_key"):
        return _localize_list([obj])[0]
    return _localize_list(list(obj))


def _linked(obj, field_name):
    field = obj._meta.get_field(field_name)
    if not isinstance(field, ForeignKey):
        return localized(getattr(obj, field_name).all())
    pk = getattr(obj, field.attname)
    if pk is None:
        return None
    model = field.related_model
    if issubclass(model, TaxonomyTerm):
        term = terms_by_id(model).get(pk)
        return term if term is not None else getattr(obj, field_name)  # a term newer than the cached map
    if field.is_cached(obj) or issubclass(model, Page):
        return localized(getattr(obj, field_name))
    return _by_id(model, pk)


def _localize_list(objects):
    """Each object in the active language; terms from the term map, others in one query per model."""
    result = [obj for obj in objects if obj is not None]
    locale_id = active_locale_id()
    others = {}  # model -> positions of objects to look up
    for position, obj in enumerate(result):
        if isinstance(obj, TaxonomyTerm):
            result[position] = terms_by_id(type(obj)).get(obj.pk, obj)
        elif obj.locale_id != locale_id:
            model = Page if isinstance(obj, Page) else type(obj)
            others.setdefault(model, []).append(position)
    for model, positions in others.items():
        keys = {result[position].translation_key for position in positions}
        rows = model.objects.filter(translation_key__in=keys, locale_id=locale_id)
        if model is Page:
            rows = public_pages(rows)  # a draft or restricted translation does not replace the page
        translations = {row.translation_key: row for row in rows}
        for position in positions:
            result[position] = translations.get(result[position].translation_key, result[position])
    return result


def _by_id(model, pk):
    """The active-language version of the `model` snippet with primary key `pk`, else that row (one query)."""
    locale_id = active_locale_id()
    same_key = model.objects.filter(pk=pk).values("translation_key")
    rows = list(model.objects.filter(Q(pk=pk) | Q(translation_key__in=same_key, locale_id=locale_id)))
    translated = [row for row in rows if row.locale_id == locale_id]
    return (translated or rows or [None])[0]
