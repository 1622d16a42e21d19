"""Views served by the training catalogue and the initiatives repository (wagtail.contrib.routable_page).
The pages' routes call them by dotted path: models never import the modules that import them back."""

from .csv_export import export_response
from .listing import initiative_listing, training_listing
from .organisation_sections import organisation_view


def catalogue(request, page):
    return training_listing(page, request).response()


def export_csv(request, page):
    return export_response(page, request)


def organisation(request, page, organisation_slug):
    return organisation_view(page, request, organisation_slug)


def repository(request, page):
    return initiative_listing(page, request).response()
