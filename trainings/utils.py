"""Small helpers shared by the views of this app."""

from wagtail.models import Locale

from home.models import Organisation


def localized_organisations(organisations):
    """The active-locale version of each organisation (one query), falling back to the one given."""
    organisations = [org for org in organisations if org is not None]
    if not organisations:
        return []
    locale = Locale.get_active()
    keys = {org.translation_key for org in organisations if org.locale_id != locale.pk}
    mapping = {}
    if keys:
        mapping = {
            org.translation_key: org
            for org in Organisation.objects.filter(locale=locale, translation_key__in=keys)
        }
    return [mapping.get(org.translation_key, org) for org in organisations]


def csv_safe(value):
    """Neutralise spreadsheet formulas: cells starting with = + - @ (or tab/CR) get a leading quote."""
    text = "" if value is None else str(value)
    if text and text[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text
