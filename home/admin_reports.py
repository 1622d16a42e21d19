"""Admin reports of every app: who may see them (the view and its menu item), and the two URLs of a Wagtail
report view."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

# Besides superusers, the members of these groups see the editorial reports (panel balance, translation status).
REPORT_GROUPS = {"Moderators", "Editors"}


def can_see_report(user):
    """Whether `user` may open the editorial reports."""
    return user.is_active and (user.is_superuser or user.groups.filter(name__in=REPORT_GROUPS).exists())


class EditorialReportView(ReportView):
    """A Wagtail report view that only those who `can_see_report` open."""

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EditorialReportMenuItem(MenuItem):
    """A Reports menu item shown to those who `can_see_report`."""

    def is_shown(self, request):
        return can_see_report(request.user)


def report_urls(route, view_class, name):
    """The report page at `route` (URL name `name`) and the fragment its filters and pagination reload
    (`<route>results/`, `<name>_results`), for a `register_admin_urls` hook."""
    names = {"index_url_name": name, "index_results_url_name": f"{name}_results"}
    return [
        path(route, view_class.as_view(**names), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True, **names), name=f"{name}_results"),
    ]
