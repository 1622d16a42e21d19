"""CSV export of the current (filtered) catalogue, for partners and job coaches."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.models import CompetenceArea, TargetGroup
from home.models.taxonomies import localized_terms

from .listing import training_listing
from .utils import csv_safe


def columns():
    return [
        _("Title"),
        _("Provider"),
        _("Summary"),
        _("Format"),
        _("Level"),
        _("Competence areas"),
        _("Target groups"),
        _("Region"),
        _("Languages of instruction"),
        _("Women only"),
        _("Cost"),
        _("Next session"),
        _("Duration"),
        _("Registration link"),
        _("Web page"),
    ]


def export_response(catalogue, request):
    listing = training_listing(catalogue, request)
    queryset = listing.order(listing.filtered()).prefetch_related("competence_areas", "target_groups")
    if listing.sort == "relevance":
        queryset = queryset.order_by("title", "pk")
    from .listing import decorate_trainings

    items = decorate_trainings(list(queryset))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"trainings-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # byte order mark, so spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow(columns())
    yes, no = _("yes"), _("no")
    areas, audiences = localized_terms(CompetenceArea), localized_terms(TargetGroup)
    for item in items:
        cost = _("free") if item.is_free else (f"{item.price} EUR" if item.price is not None else "")
        row = [
            item.title,
            item.provider_localized.name if item.provider_localized else "",
            item.introduction,
            item.format_localized.name,
            item.level_localized.name,
            "; ".join(areas.get(t.translation_key, t).name for t in item.competence_areas.all()),
            "; ".join(audiences.get(t.translation_key, t).name for t in item.target_groups.all()),
            item.region_localized.name,
            "; ".join(str(label) for label in item.language_labels()),
            yes if item.women_only else no,
            cost,
            item.next_session.isoformat() if item.next_session else "",
            item.duration,
            item.registration_url,
            item.get_full_url(request),
        ]
        writer.writerow([csv_safe(cell) for cell in row])
    return response
