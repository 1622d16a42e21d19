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


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context, current_page=None):
    home = translations.active_locale_home(context["request"])
    items = list(home.get_children().live().in_menu()) if home else []
    current_path = current_page.path if current_page is not None and hasattr(current_page, "path") else ""
    return {
        "home": home,
        "items": [(item, current_path.startswith(item.path)) for item in items],
        "request": context["request"],
    }


@register.simple_tag(takes_context=True)
def locale_home_url(context):
    home = translations.active_locale_home(context["request"])
    return home.get_url(context["request"]) if home else "/"
