from django import template
from django.utils import timezone
from django.utils.translation import get_language

from home import charts, translations

register = template.Library()


@register.inclusion_tag("home/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    request = context["request"]
    return {"links": translations.language_links(request, page)}


@register.simple_tag(takes_context=True)
def hreflang_alternates(context, page=None):
    return translations.hreflang_alternates(context["request"], page)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    return translations.canonical_url(context["request"])


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """{% site_chrome as chrome %}: chrome.home_url, chrome.menu, chrome.footer of the active language."""
    return translations.site_chrome(context["request"])


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context, current_page=None):
    chrome = translations.site_chrome(context["request"])
    current_path = getattr(current_page, "path", "") or ""
    return {"items": [(item, current_path.startswith(item.path)) for item in chrome["menu"]]}


@register.simple_tag(takes_context=True)
def locale_home_url(context):
    return translations.site_chrome(context["request"])["home_url"]


@register.filter
def machine_datetime(value):
    """`value` as a <time datetime> (and schema.org) reads it: local time to the second, with its offset, e.g.
    2026-10-25T10:00:00+01:00 (the "c" date format adds microseconds, which HTML does not allow)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


# Languages whose typography puts a (non-breaking) space before a colon.
_SPACE_BEFORE_COLON = {"fr"}


@register.simple_tag
def colon():
    """The colon after a label, as the active language writes it: "Organisme :" in French (with a no-break
    space, so the colon never starts a line), "Provider:" elsewhere."""
    return "\u00a0:" if get_language() in _SPACE_BEFORE_COLON else ":"


@register.simple_tag
def figure_value(value, unit):
    """A key figure's value with its unit, as the active language writes numbers (home.charts)."""
    return charts.format_value(value, unit)
