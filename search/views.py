"""The public search: /<lang>/search/ (HTML, works without JavaScript) and /<lang>/search/autocomplete/ (JSON)."""

import logging

from django.apps import apps
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from modelsearch.utils import normalise_query_string
from wagtail.models import Locale, Page

from .highlight import highlight, searchable_texts, snippet
from .query import backend_for_language, clean_query, engine_query

logger = logging.getLogger(__name__)

MAX_PAGE = 1000
RESULTS_PER_PAGE = 10
AUTOCOMPLETE_LIMIT = 8

# (key, label, models). Models are resolved lazily: a type shows up as soon as its app has it.
RESULT_TYPES = [
    ("pages", _("Pages"), ["home.StandardPage", "home.HomePage"]),
    ("role-models", _("Role models"), ["testimonials.TestimonialPage"]),
    ("trainings", _("Trainings"), ["trainings.TrainingPage"]),
    ("initiatives", _("Initiatives"), ["trainings.InitiativePage"]),
    ("events", _("Events"), ["events.EventPage"]),
]

ENGINE_DOWN_NOTICE = _(
    "Our search engine is unavailable at the moment, so these results come from a simpler search "
    "and may be less complete. Please try again later."
)


class EngineUnavailable(Exception):
    pass


def clean_page_number(raw):
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MAX_PAGE else 1


def available_types():
    """[(key, label, [model classes])] for the types whose models exist."""
    types = []
    for key, label, model_names in RESULT_TYPES:
        models = []
        for name in model_names:
            try:
                models.append(apps.get_model(name))
            except LookupError:
                continue
        if models:
            types.append((key, label, models))
    return types


def type_of(page, types):
    for key, label, models in types:
        if isinstance(page, tuple(models)):
            return key, label
    return "pages", _("Pages")


def base_queryset(locale):
    return Page.objects.live().public().filter(locale=locale)


def _search(queryset, query, backend):
    words = engine_query(query)
    if not words:
        return queryset.none()
    return queryset.search(words, backend=backend, operator="and")


def _run(query, locale, types, type_key, page_number, backend):
    counts = []
    for key, label, models in types:
        count = _search(base_queryset(locale).type(*models), query, backend).count()
        counts.append({"key": key, "label": label, "count": count})
    total = sum(item["count"] for item in counts)
    selected_models = [m for key, _label, models in types if type_key in (None, key) for m in models]
    results = _search(base_queryset(locale).type(*selected_models).specific(), query, backend)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.page(min(page_number, paginator.num_pages))
    object_list = list(page_obj.object_list)
    return counts, total, page_obj, object_list


def run_search(query, locale, types, type_key, page_number):
    """Search with the active language's engine; fall back to the database backend if the engine fails."""
    backend = backend_for_language(locale.language_code)
    try:
        return (*_run(query, locale, types, type_key, page_number, backend), None)
    except Exception:
        if backend == "default":
            raise
        logger.exception(
            "Search backend %r failed for %r; answering from the database backend", backend, query
        )
        return (*_run(query, locale, types, type_key, page_number, "default"), ENGINE_DOWN_NOTICE)


def promoted_results(query, locale):
    """Editors' picks for this query, for pages in the active locale only."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    return list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query),
            page__locale=locale,
            page__live=True,
        )
        .select_related("page")
        .order_by("sort_order", "pk")
    )


def record_query(query, language_code, total):
    from wagtail.contrib.search_promotions.models import Query

    from .models import SearchQueryStat

    try:
        Query.get(query).add_hit()
        SearchQueryStat.record(query, language_code, total)
    except Exception:  # noqa: BLE001 - statistics must never break the search page
        logger.exception("Could not record the search query %r", query)


def popular_queries(language_code, exclude=None, limit=5):
    from .models import SearchQueryStat

    stats = SearchQueryStat.objects.filter(language_code=language_code, last_results_count__gt=0)
    if exclude:
        stats = stats.exclude(query_string=exclude.lower())
    return list(stats.order_by("-hits", "query_string").values_list("query_string", flat=True)[:limit])


@require_GET
def search(request):
    query = clean_query(request.GET.get("q", ""))
    page_number = clean_page_number(request.GET.get("page", 1))
    types = available_types()
    type_key = request.GET.get("type")
    if type_key not in {key for key, _label, _models in types}:
        type_key = None
    locale = Locale.get_active()
    language_code = translation.get_language()

    context = {
        "search_query": query,
        "selected_type": type_key,
        "type_counts": [],
        "total": 0,
        "promotions": [],
        "results": [],
        "page_obj": None,
        "notice": None,
    }
    if query:
        counts, total, page_obj, object_list, notice = run_search(query, locale, types, type_key, page_number)
        promotions = promoted_results(query, locale) if page_obj.number == 1 else []
        results = []
        for page in object_list:
            key, label = type_of(page, types)
            results.append(
                {
                    "page": page,
                    "url": page.get_url(request=request),
                    "title": highlight(page.title, query),
                    "snippet": snippet(searchable_texts(page), query),
                    "type_key": key,
                    "type_label": label,
                }
            )
        if page_number == 1:
            record_query(query, language_code, total)
        context.update(
            type_counts=counts,
            total=total,
            selected_count=sum(c["count"] for c in counts if type_key in (None, c["key"])),
            promotions=[
                {
                    "url": p.page.get_url(request=request),
                    "title": p.page.title,
                    "description": p.description or p.page.specific.get_meta_description() or "",
                }
                for p in promotions
            ],
            results=results,
            page_obj=page_obj,
            notice=notice,
        )
        if not results and not promotions:
            context["suggestions"] = popular_queries(language_code, exclude=query)
    response = TemplateResponse(request, "search/search.html", context)
    # Not stored by the page cache: every search is counted for the editors' report, and a fallback
    # answer (engine down) must not outlive the outage.
    response["Cache-Control"] = "private, max-age=0"
    return response


@require_GET
def autocomplete(request):
    """JSON suggestions for the search box: {"query": ..., "results": [{"title", "url", "type"}]}."""
    query = clean_query(request.GET.get("q", ""))
    payload = {"query": query, "results": []}
    if len(engine_query(query)) >= 2:
        locale = Locale.get_active()
        types = available_types()
        models = [m for _key, _label, ms in types for m in ms]
        queryset = base_queryset(locale).type(*models).specific()
        backend = backend_for_language(locale.language_code)
        try:
            pages = list(queryset.autocomplete(engine_query(query), backend=backend)[:AUTOCOMPLETE_LIMIT])
        except Exception:
            if backend == "default":
                raise
            logger.exception("Autocomplete on %r failed; answering from the database backend", backend)
            pages = list(queryset.autocomplete(engine_query(query), backend="default")[:AUTOCOMPLETE_LIMIT])
        payload["results"] = [
            {"title": page.title, "url": page.get_url(request=request), "type": str(type_of(page, types)[1])}
            for page in pages
        ]
    response = JsonResponse(payload)
    response["Cache-Control"] = "no-store"
    return response


urlpatterns = [
    path("", search, name="search"),
    path("autocomplete/", autocomplete, name="search_autocomplete"),
]
