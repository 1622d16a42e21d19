"""CSV export of the current (filtered) catalogue's own trainings, for partners and job coaches: the columns of
trainings/csv_format.py, which the import reads back (export, import, export gives the same file)."""

import csv

from django.http import HttpResponse
from django.utils import timezone

from home.localization import localize_term_ids
from home.models import CompetenceArea, TargetGroup
from home.text import csv_safe

from . import csv_format
from .listing import decorate_trainings, training_listing
from .models import Facility, TrainingPage, TrainingPageSession


def _linked_terms(relation, model, results):
    """{training id: [active-language terms]} for one many-to-many vocabulary, in one query."""
    field = TrainingPage._meta.get_field(relation)
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    ids = {}
    links = field.remote_field.through.objects.filter(**{f"{source}__in": results.values("pk")})
    for page_id, term_id in links.values_list(source, target):
        ids.setdefault(page_id, []).append(term_id)
    return {page_id: localize_term_ids(model, term_ids) for page_id, term_ids in ids.items()}


def _sessions(results):
    """{training id: [(start, end, place)]} in the trainings' order of sessions, in one query."""
    sessions = {}
    rows = TrainingPageSession.objects.filter(page__in=results.values("pk")).order_by(
        "page_id", "sort_order", "pk"
    )
    for page_id, start, end, place in rows.values_list("page_id", "start_date", "end_date", "location"):
        sessions.setdefault(page_id, []).append((start, end, place))
    return sessions


def file_response(filename):
    """An empty CSV download named `filename`, opened with a byte order mark so spreadsheets read UTF-8."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response


def export_response(catalogue, request):
    """Every training of the filtered catalogue, in a fixed number of queries."""
    listing = training_listing(catalogue, request)
    # The catalogue's own trainings: those shown from other languages' catalogues are exported there, so
    # that importing the file back makes no copy of them in this language.
    own = {"locale_id": catalogue.locale_id}
    queryset = listing.ordered().filter(**own)
    if listing.sort == "relevance":
        queryset = queryset.order_by("title", "pk")
    items = decorate_trainings(queryset)
    filtered = listing.filtered().filter(**own)
    areas = _linked_terms("competence_areas", CompetenceArea, filtered)
    audiences = _linked_terms("target_groups", TargetGroup, filtered)
    sessions = _sessions(filtered)
    facility_labels = dict(Facility.choices)
    response = file_response(f"trainings-{timezone.localdate().isoformat()}.csv")
    writer = csv.writer(response)
    writer.writerow(csv_format.labels())
    for item in items:
        cells = {
            "title": item.title,
            "provider": item.provider_localized.name if item.provider_localized else "",
            "summary": item.introduction,
            "format": item.format_localized.name,
            "level": item.level_localized.name,
            "competence_areas": csv_format.join_list(term.name for term in areas.get(item.pk, [])),
            "target_groups": csv_format.join_list(term.name for term in audiences.get(item.pk, [])),
            "region": item.region_localized.name,
            "languages": csv_format.join_list(item.get_languages_labels()),
            "women_only": csv_format.yes_no(item.women_only),
            "cost": csv_format.cost_text(item.is_free, item.price),
            "sessions": csv_format.sessions_text(sessions.get(item.pk, [])),
            "duration": item.duration,
            "registration_url": item.registration_url,
            "web_page": item.get_full_url(request),
            "reference": item.external_reference or item.slug,
            "description": csv_format.description_text(item.description),
            "venue": item.venue,
            "certification": item.certification,
            "facilities": csv_format.join_list(facility_labels.get(code, code) for code in item.facilities),
        }
        writer.writerow([csv_safe(cells[code]) for code, _label in csv_format.COLUMNS])
    return response
