"""sitemap.xml: every live, public page in every locale, each with its hreflang alternates. Kept, like every
anonymous page, by nginx for at most a second (deploy/nginx.conf), so a publish shows in it at once."""

from collections import defaultdict

from django.http import HttpResponse
from django.template.loader import render_to_string
from wagtail.models import Page, Site

from home.visibility import public_pages


def sitemap_entries(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    roots = site.root_page.get_translations(inclusive=True)
    pages = Page.objects.none()
    for root in roots:
        pages = pages | Page.objects.descendant_of(root, inclusive=True)
    pages = public_pages(pages).select_related("locale").order_by("path")
    rows = [(page, request.build_absolute_uri(page.get_url(request))) for page in pages]
    by_key = defaultdict(list)
    for page, url in rows:
        by_key[page.translation_key].append((page.locale.language_code, url))
    return [
        {
            "location": url,
            "lastmod": page.last_published_at,
            "alternates": sorted(by_key[page.translation_key]),
        }
        for page, url in rows
        if url
    ]


def sitemap(request):
    xml = render_to_string("home/sitemap.xml", {"entries": sitemap_entries(request)})
    return HttpResponse(xml, content_type="application/xml")
