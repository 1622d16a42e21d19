"""The one rule for what the public sees: a page is public when it is live and neither it nor any of its
ancestors carries a view restriction (password, login or groups).

Every public output — listings and their counts, feeds, calendar exports, CSV exports, organisation sections,
the expert directory and its contact form, speaker suggestions, menus, footers, language links, the sitemap,
the search and the API — takes its pages through `public_pages()` (or `public_q()` inside a larger query,
`is_public()` for one page already loaded). Logged-in editors see the same as anonymous visitors there: what
an editor restricted is reached only by opening the page itself, where Wagtail asks for the password or login.

The restricted tree paths are few; they are read once per content version (a saved or deleted restriction
bumps it, see bdt_site.content_version), so applying the rule adds no query.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from bdt_site import content_version


def _read_restricted_paths():
    return tuple(sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))))


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their descendants are restricted too)."""
    return content_version.cached("pages:restricted", _read_restricted_paths)


def public_q(prefix=""):
    """Q for public pages; `prefix` reaches pages through a relation (e.g. "page__")."""
    condition = Q(**{f"{prefix}live": True})
    for path in restricted_paths():
        condition &= ~Q(**{f"{prefix}path__startswith": path})
    return condition


def public_pages(queryset):
    """`queryset` (of pages) narrowed to public pages."""
    return queryset.filter(public_q())


def is_public(page):
    """Whether one loaded page is public (no query beyond the cached restricted paths)."""
    return bool(page.live) and not any(page.path.startswith(path) for path in restricted_paths())
