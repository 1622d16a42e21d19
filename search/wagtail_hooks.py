from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchQueriesReportView


@hooks.register("register_admin_urls")
def register_search_queries_report_url():
    return [
        path("reports/search-queries/", SearchQueriesReportView.as_view(), name="search_queries_report"),
        path(
            "reports/search-queries/results/",
            SearchQueriesReportView.as_view(results_only=True),
            name="search_queries_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_queries_report_menu_item():
    return MenuItem(_("Search queries"), reverse("search_queries_report"), icon_name="search", order=900)


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms_report(request, menu_items):
    """ "Search queries" is Wagtail's "Search terms" report with more columns: the menu shows it alone."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
