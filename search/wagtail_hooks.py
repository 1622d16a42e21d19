from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_reports import report_urls

from .admin_views import SearchQueriesReportView
from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    """Snippets → Search synonyms: sets of equivalent terms per language (search/synonyms.py)."""

    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["__str__", "locale"]
    list_filter = ["locale"]
    search_fields = ["terms", "slug"]


register_snippet(SearchSynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_queries_report_url():
    return report_urls("reports/search-queries/", SearchQueriesReportView, "search_queries_report")


@hooks.register("register_reports_menu_item")
def register_search_queries_report_menu_item():
    return MenuItem(_("Search queries"), reverse("search_queries_report"), icon_name="search", order=900)


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms_report(request, menu_items):
    """ "Search queries" is Wagtail's "Search terms" report with more columns: the menu shows it alone."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
