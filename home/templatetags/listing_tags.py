"""`{% kept_html listing "name" %}…{% endkept_html %}`: the HTML of a listing's results, rendered once and kept
with them (home.listing.Listing.kept_html): until content changes for the unfiltered listing, for
RESULTS_CACHE_SECONDS otherwise. What is inside must depend on nothing but the listing's validated parameters,
its page and the active language (no user, no CSRF token)."""

from django import template

register = template.Library()


class KeptHtmlNode(template.Node):
    def __init__(self, nodelist, listing, name):
        self.nodelist, self.listing, self.name = nodelist, listing, name

    def render(self, context):
        listing = self.listing.resolve(context)
        return listing.kept_html(self.name.resolve(context), lambda: self.nodelist.render(context))


@register.tag
def kept_html(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError('Usage: {% kept_html listing "name" %}…{% endkept_html %}')
    nodelist = parser.parse(("endkept_html",))
    parser.delete_first_token()
    return KeptHtmlNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))
