"""Admin reports of every app: the two URLs of a Wagtail report view."""

from django.urls import path


def report_urls(route, view_class, name):
    """The report page at `route` (URL name `name`) and the fragment its filters and pagination reload
    (`<route>results/`, `<name>_results`), for a `register_admin_urls` hook."""
    names = {"index_url_name": name, "index_results_url_name": f"{name}_results"}
    return [
        path(route, view_class.as_view(**names), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True, **names), name=f"{name}_results"),
    ]
