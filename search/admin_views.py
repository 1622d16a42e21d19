from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import stats as search_stats
from .models import SearchQueryStat

REPORT_LIMIT = 50


def search_queries_report(request):
    """Popular queries and queries that found nothing, per language, for editors."""
    search_stats.flush()  # this worker's buffered hits
    stats = SearchQueryStat.objects.all()
    language = request.GET.get("language", "")
    if language:
        stats = stats.filter(language_code=language)
    popular = stats.order_by("-hits", "query_string")[:REPORT_LIMIT]
    no_results = stats.filter(last_results_count=0).order_by("-zero_result_hits", "query_string")[
        :REPORT_LIMIT
    ]
    languages = (
        SearchQueryStat.objects.order_by("language_code").values_list("language_code", flat=True).distinct()
    )
    return TemplateResponse(
        request,
        "search/admin/search_queries_report.html",
        {
            "page_title": _("Search queries"),
            "header_title": _("Search queries"),
            "popular": popular,
            "no_results": no_results,
            "languages": list(languages),
            "selected_language": language,
        },
    )
