from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import search_queries_report


@hooks.register("register_admin_urls")
def register_search_queries_report_url():
    return [path("reports/search-queries/", search_queries_report, name="search_queries_report")]


@hooks.register("register_reports_menu_item")
def register_search_queries_report_menu_item():
    return MenuItem(_("Search queries"), reverse("search_queries_report"), icon_name="search", order=900)
