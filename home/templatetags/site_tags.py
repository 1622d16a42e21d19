from django import template

from home import translations

register = template.Library()


@register.inclusion_tag("home/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    request = context["request"]
    return {"links": translations.language_links(request, page)}


@register.simple_tag(takes_context=True)
def hreflang_alternates(context, page=None):
    return translations.hreflang_alternates(context["request"], page)


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
