"""The active-language version of what pages link to: organisations and vocabulary terms.

wagtail-localize keeps a translated page's links to snippets synchronised with its source page, so a French
training, event or role model may point at the English organisation or the English region. Pages show those
through the functions below, which map any linked row to the active locale's version (falling back to the row itself) with a fixed
number of queries whatever the number of items:

- terms: none once warm (the vocabularies are small and cached until published content changes);
- organisations: at most one query for a whole list.
"""

from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from bdt_site import content_version
from home.models import Organisation
from home.models.taxonomies import localized_terms


def active_language():
    """The content language of the request (e.g. 'fr'), as Wagtail resolves it."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
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


def localized_term(model, term_id):
    """The active-language version of the `model` term with primary key `term_id` (None if there is none)."""
    return terms_by_id(model).get(term_id) if term_id else None


def localize_term_ids(model, ids):
    """The active-language terms for these ids, in the vocabulary's order."""
    lookup = terms_by_id(model)
    terms = {lookup[pk].pk: lookup[pk] for pk in ids if pk in lookup}
    ordering = [name.lstrip("-") for name in model._meta.ordering]
    return sorted(terms.values(), key=lambda term: [getattr(term, name) for name in ordering])


def localized_organisations(organisations):
    """The active-language version of each organisation, falling back to the one given: no query when they
    are all in the active language already, else one."""
    organisations = [org for org in organisations if org is not None]
    if not organisations:
        return []
    language, locale_id = active_language(), active_locale_id()
    keys = {org.translation_key for org in organisations if org.locale_id != locale_id}
    mapping = {}
    if keys:
        mapping = {
            org.translation_key: org
            for org in Organisation.objects.filter(translation_key__in=keys, locale__language_code=language)
        }
    return [mapping.get(org.translation_key, org) for org in organisations]


def organisations_by_id(ids):
    """{organisation id: its active-language version} for these ids, in one query."""
    from django.db.models import Q

    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    locale_id = active_locale_id()
    wanted = Q(pk__in=ids)
    if locale_id is not None:
        same_keys = Organisation.objects.filter(pk__in=ids).values("translation_key")
        wanted |= Q(translation_key__in=same_keys, locale_id=locale_id)
    rows = list(Organisation.objects.filter(wanted))
    localized = {org.translation_key: org for org in rows if org.locale_id == locale_id}
    return {org.pk: localized.get(org.translation_key, org) for org in rows if org.pk in ids}
