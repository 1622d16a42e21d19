"""Admin reports of every app: who may see them, and the two URLs of a Wagtail report view."""

from django.urls import path

# Besides superusers, the members of these groups see the editorial reports (panel balance, translation status).
REPORT_GROUPS = {"Moderators", "Editors"}


def can_see_report(user):
    """Whether `user` may open the editorial reports."""
    return user.is_active and (user.is_superuser or user.groups.filter(name__in=REPORT_GROUPS).exists())


def report_urls(route, view_class, name):
    """The report page at `route` (URL name `name`) and the fragment its filters and pagination reload
    (`<route>results/`, `<name>_results`), for a `register_admin_urls` hook."""
    names = {"index_url_name": name, "index_results_url_name": f"{name}_results"}
    return [
        path(route, view_class.as_view(**names), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True, **names), name=f"{name}_results"),
    ]
