"""CSV export of the current (filtered) catalogue, for partners and job coaches."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.localization import localize_term_ids
from home.models import CompetenceArea, TargetGroup
from home.text import csv_safe

from .listing import decorate_trainings, training_listing
from .models import TrainingPage


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


def _linked_terms(relation, model, results):
    """{training id: [active-language terms]} for one many-to-many vocabulary, in one query."""
    field = TrainingPage._meta.get_field(relation)
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    ids = {}
    links = field.remote_field.through.objects.filter(**{f"{source}__in": results.values("pk")})
    for page_id, term_id in links.values_list(source, target):
        ids.setdefault(page_id, []).append(term_id)
    return {page_id: localize_term_ids(model, term_ids) for page_id, term_ids in ids.items()}


def export_response(catalogue, request):
    """Every training of the filtered catalogue, in a fixed number of queries."""
    listing = training_listing(catalogue, request)
    queryset = listing.ordered()
    if listing.sort == "relevance":
        queryset = queryset.order_by("title", "pk")
    items = decorate_trainings(queryset)
    areas = _linked_terms("competence_areas", CompetenceArea, listing.filtered())
    audiences = _linked_terms("target_groups", TargetGroup, listing.filtered())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"trainings-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # byte order mark, so spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow(columns())
    yes, no = _("yes"), _("no")
    for item in items:
        cost = _("free") if item.is_free else (f"{item.price} EUR" if item.price is not None else "")
        row = [
            item.title,
            item.provider_localized.name if item.provider_localized else "",
            item.introduction,
            item.format_localized.name,
            item.level_localized.name,
            "; ".join(term.name for term in areas.get(item.pk, [])),
            "; ".join(term.name for term in audiences.get(item.pk, [])),
            item.region_localized.name,
            "; ".join(str(label) for label in item.get_languages_labels()),
            yes if item.women_only else no,
            cost,
            item.next_session.isoformat() if item.next_session else "",
            item.duration,
            item.registration_url,
            item.get_full_url(request),
        ]
        writer.writerow([csv_safe(cell) for cell in row])
    return response
