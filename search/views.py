"""The public search: /<lang>/search/ (HTML, works without JavaScript) and /<lang>/search/autocomplete/ (JSON).
Behind nginx, searches are counted from nginx's log (search/edge_log.py), also those it answers from its cache."""

import datetime
import functools

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from modelsearch.utils import normalise_query_string
from wagtail.models import Locale, Page

from bdt_site import content_version
from home.listing import link_pages
from home.visibility import public_pages, public_q

from . import stats, suggest
from .backends import forgiveness
from .backends.breaker import log_engine_failure
from .highlight import highlight, searchable_texts, snippet
from .query import backend_for_language, clean_page_number, clean_query, engine_query

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


def available_types():
    """[(key, label, [model classes])] for each result type."""
    return [
        (key, label, [apps.get_model(name) for name in model_names])
        for key, label, model_names in RESULT_TYPES
    ]


def type_of(page, types):
    for key, label, models in types:
        if isinstance(page, tuple(models)):
            return key, label
    return "pages", _("Pages")


def type_of_model(model, types):
    for key, _label, models in types:
        if model is not None and issubclass(model, tuple(models)):
            return key
    return None


def active_locale_id(language_code):
    """The id of the language's Locale (Locale.get_active()), cached until the content changes."""
    return content_version.cached(f"search:locale:{language_code}", lambda: Locale.get_active().pk)


def base_queryset(language_code):
    return public_pages(Page.objects.filter(locale=active_locale_id(language_code)))


def _specific_paths(models):
    """select_related() paths from Page to each model's own table ("standardpage", "a__b" for deeper ones)."""
    paths = {}
    for model in models:
        chain, current = [], model
        while current is not Page:
            parent = next((p for p in current._meta.parents if issubclass(p, Page)), None)
            if parent is None:
                break
            chain.append(current._meta.parents[parent].related_query_name())
            current = parent
        else:
            paths[model] = "__".join(reversed(chain))
    return paths


def _specific_from_joined(page, paths):
    """The specific object of a Page fetched with select_related(*paths.values()), or None."""
    for joined_path in sorted(paths.values(), key=lambda p: -p.count("__")):
        obj = page
        for name in joined_path.split("__"):
            obj = getattr(obj, name, None) if obj is not None else None
        if obj is not None and type(obj) is page.specific_class:
            return obj
    return None


def specific_pages(pages, models):
    """`pages` (plain Page objects) as their specific objects, in one query for the known models (instead of
    one per content type), keeping the order; a page of another type falls back to `.specific`."""
    return specific_by_id([(page.pk, page.content_type_id) for page in pages], models)


def specific_by_id(rows, models):
    """[(page id, content type id)] as specific pages, the same way as specific_pages(); ids no longer in
    the database are left out."""
    if not rows:
        return []
    present = {ContentType.objects.get_for_id(content_type_id).model_class() for _pk, content_type_id in rows}
    paths = _specific_paths([model for model in models if model in present])  # only the tables needed
    joined = Page.objects.filter(pk__in=[pk for pk, _ct in rows]).select_related(*paths.values())
    by_pk = {page.pk: _specific_from_joined(page, paths) or page.specific for page in joined}
    return [by_pk[pk] for pk, _ct in rows if pk in by_pk]


def _search(queryset, query, backend):
    words = engine_query(query)
    if not words:
        return queryset.none()
    return queryset.search(words, backend=backend, operator="and")


def _counts(query, base, types, backend):
    """Results per type in one query: a facet on content_type of one search over every type."""
    if not engine_query(query):
        return [{"key": key, "label": label, "count": 0} for key, label, _models in types]
    all_models = [m for _key, _label, models in types for m in models]
    facets = _search(base.type(*all_models), query, backend).facet("content_type_id")
    per_type = dict.fromkeys((key for key, _label, _models in types), 0)
    for content_type_id, count in facets.items():
        if content_type_id is None:
            continue
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        key = type_of_model(model, types)
        if key is not None:
            per_type[key] += count
    return [{"key": key, "label": label, "count": per_type[key]} for key, label, _models in types]


def selected_count(counts, type_key):
    """Results of the chosen type (all types when none is chosen)."""
    return sum(item["count"] for item in counts if type_key in (None, item["key"]))


def selected_models(types, type_key):
    return [model for key, _label, models in types if type_key in (None, key) for model in models]


def _answer(query, language_code, types, type_key, page_number, backend):
    """What a search finds: the counts per type, the page number shown and the (id, content type id) of its
    results."""
    base = base_queryset(language_code)  # public() costs a query: built once
    counts = _counts(query, base, types, backend)
    number = max(1, min(page_number, -(-selected_count(counts, type_key) // RESULTS_PER_PAGE)))
    start = (number - 1) * RESULTS_PER_PAGE
    models = selected_models(types, type_key)
    found = _search(base.type(*models), query, backend)[start : start + RESULTS_PER_PAGE]
    return counts, number, [(page.pk, page.content_type_id) for page in found]


def _cached_answer(query, language_code, types, type_key, page_number, backend, fallback=False):
    """The answer of a search, kept until published content changes. A fallback answer (the database backend
    while the engine is down) is kept under a key of its own, so it is never served once the engine is back,
    and for SEARCH_FALLBACK_CACHE_SECONDS only: repeated searches during an outage spare the database."""
    state = content_version.digest(query, type_key, page_number)
    build = functools.partial(_answer, query, language_code, types, type_key, page_number, backend)
    if fallback:
        seconds = getattr(settings, "SEARCH_FALLBACK_CACHE_SECONDS", 30)
        return content_version.cached(f"search:fallback:{language_code}:{state}", build, seconds)
    return content_version.cached_results(f"search:answer:{backend}:{language_code}:{state}", build)


def _run(query, language_code, types, type_key, page_number, backend, fallback=False):
    """The answer of a search: (counts, total, page_obj, rows of the page shown, fallback)."""
    counts, number, rows = _cached_answer(
        query, language_code, types, type_key, page_number, backend, fallback
    )
    total = sum(item["count"] for item in counts)
    page_obj = Paginator(range(selected_count(counts, type_key)), RESULTS_PER_PAGE).page(number)
    return counts, total, page_obj, rows, fallback


def _with_fallback(run, query, language_code, *args):
    """(run(query, language_code, *args, backend), notice) with the active language's engine; with the
    database backend (run(..., "default", fallback=True)) and ENGINE_DOWN_NOTICE if the engine fails or its
    breaker skips it (search/backends/breaker.py)."""
    backend = backend_for_language(language_code)
    try:
        return run(query, language_code, *args, backend), None
    except Exception as error:
        if backend == "default":
            raise
        log_engine_failure(error, backend, query)
        return run(query, language_code, *args, "default", fallback=True), ENGINE_DOWN_NOTICE


def run_search(query, language_code, types, type_key, page_number):
    """(counts, total, page_obj, rows, fallback, notice) of a search: rows are the (page id, content type id)
    of the page of results shown; fallback and notice say that the engine failed (see _with_fallback)."""
    answer, notice = _with_fallback(_run, query, language_code, types, type_key, page_number)
    return (*answer, notice)


def results_html(request, rows, types, type_key, query, fallback):
    """The items of the list of results (search/includes/result_items.html) for `rows`, their titles and
    snippets highlighted for `query`. Rendered from the pages once and kept with the answer that found them
    (for RESULTS_CACHE_SECONDS, until content changes): a repeated search loads no page. A fallback answer's
    are rendered each time."""

    def render():
        results = []
        for page in specific_by_id(rows, selected_models(types, type_key)):
            key, label = type_of(page, types)
            results.append(
                {
                    "url": page.get_url(request=request),
                    "title": highlight(page.title, query),
                    "snippet": snippet(searchable_texts(page), query),
                    "type_key": key,
                    "type_label": label,
                }
            )
        return render_to_string("search/includes/result_items.html", {"results": results})

    if fallback:
        return render()
    state = content_version.digest(query, type_key, *(pk for pk, _content_type in rows))
    key = f"search:results:{translation.get_language()}:{request.get_host()}:{state}"
    return content_version.kept_html(key, render, keep=content_version.cached_results)


def selected_type(raw, types):
    """The result type asked for in the `type` parameter, None (all types) for anything unknown."""
    return raw if raw in {key for key, _label, _models in types} else None


def promoted_results(query, language_code, models=()):
    """Editors' picks for this query, for pages in the active locale only (one query, and one more for the
    specific pages of the picks without a description of their own)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    promotions = list(
        SearchPromotion.objects.filter(
            public_q("page__"),
            query__query_string=normalise_query_string(query),
            page__locale=active_locale_id(language_code),
        )
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    undescribed = [p for p in promotions if not p.description]
    for promotion, page in zip(
        undescribed, specific_pages([p.page for p in undescribed], models), strict=True
    ):
        promotion.specific_page = page
    return promotions


def record_query(query, language_code, total):
    """Count a search for the editors' report (search/stats.py)."""
    stats.add_hit(query, language_code, total)


def results_count(query, language_code):
    """How many results a search of `query` finds now in `language_code`: the search's own answer, kept in
    the results cache until published content changes (shared with visitors who searched the same). The
    search reads the language's locale from the active language: it is activated for the time of the count."""
    with translation.override(language_code):
        return run_search(query, language_code, available_types(), None, 1)[1]


FEW_RESULTS = 2  # a search finding this many results or fewer looks for a corrected query


def did_you_mean(query, language_code, total):
    """The query with its typos corrected from the site's words (search/suggest.py) when that finds more than
    the `total` results of the query, else None; kept until published content changes."""

    def build():
        corrected = suggest.suggestion(query, language_code, lambda: base_queryset(language_code))
        return corrected if corrected and results_count(corrected, language_code) > total else None

    key = f"search:did-you-mean:{language_code}:{content_version.digest(query, total)}"
    return content_version.cached_results(key, build)


POPULAR_DAYS = 30
POPULAR_CANDIDATES = 20


def popular_queries(language_code, exclude=None, limit=5):
    """What to suggest after a search that found nothing: the queries searched most over the last
    POPULAR_DAYS days that find something in this language now (at most `limit`, never `exclude`)."""
    from wagtail.contrib.search_promotions.models import Query

    def build():
        since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
        candidates = Query.get_most_popular(date_since=since).order_by("-_hits", "query_string")
        found = []
        for query_string in candidates.values_list("query_string", flat=True)[:POPULAR_CANDIDATES]:
            if results_count(query_string, language_code):
                found.append(query_string)
                if len(found) > limit:
                    break
        return found

    suggestions = content_version.cached_results(f"search:popular:{language_code}:{limit}", build)
    excluded = normalise_query_string(exclude or "")
    return [query_string for query_string in suggestions if query_string != excluded][:limit]


@require_GET
def search(request):
    query = clean_query(request.GET.get("q", ""))
    page_number = clean_page_number(request.GET.get("page", 1))
    types = available_types()
    type_key = selected_type(request.GET.get("type"), types)
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
        counts, total, page_obj, rows, fallback, notice = run_search(
            query, language_code, types, type_key, page_number
        )
        if page_number == 1 and not counted_at_edge(request):
            record_query(query, language_code, total)
        shown_query = query
        corrected = did_you_mean(query, language_code, total) if total <= FEW_RESULTS else None
        if corrected and not total:
            # Nothing found: the visitor sees what the corrected query finds, and is told so.
            shown_query = corrected
            counts, total, page_obj, rows, fallback, notice = run_search(
                corrected, language_code, types, type_key, page_number
            )
            context.update(corrected_from=query, search_query=corrected)
        else:
            context["did_you_mean"] = corrected
        promotions = (
            promoted_results(shown_query, language_code, [m for _k, _l, ms in types for m in ms])
            if page_obj.number == 1
            else []
        )
        context.update(
            type_counts=counts,
            total=total,
            selected_count=selected_count(counts, type_key),
            promotions=[
                {
                    "url": p.page.get_url(request=request),
                    "title": p.page.title,
                    "description": p.description or p.specific_page.get_meta_description() or "",
                }
                for p in promotions
            ],
            results=results_html(request, rows, types, type_key, shown_query, fallback) if rows else "",
            page_obj=link_pages(page_obj, _with_query(request.GET, shown_query)),
            notice=notice,
        )
        if not rows and not promotions:
            context["forgives"] = forgiveness(backend_for_language(language_code))
            context["suggestions"] = popular_queries(language_code, exclude=query)
    response = TemplateResponse(request, "search/search.html", context)
    if context["notice"]:
        # A fallback answer (engine down) must not outlive the outage: nginx does not keep it.
        response["Cache-Control"] = "private, max-age=0"
    return response


def _with_query(params, query):
    """The request's parameters with `q` set to the query whose results are shown."""
    params = params.copy()
    params["q"] = query
    return params


# Set by nginx on search requests, which it logs for `manage.py count_edge_searches` (deploy/nginx.conf);
# believed only from TRUSTED_PROXIES (bdt_site.middleware.TrustedProxyMiddleware drops it from anyone else).
EDGE_COUNTS_HEADER = "HTTP_X_EDGE_COUNTS_SEARCHES"


def counted_at_edge(request):
    """True when this search is counted from nginx's log (search/edge_log.py), so the view must not count it."""
    return request.META.get(EDGE_COUNTS_HEADER) == "1"


@require_GET
def autocomplete(request):
    """JSON suggestions for the search box: {"query": ..., "results": [{"title", "url", "type"}]}."""
    query = clean_query(request.GET.get("q", ""))
    payload = {"query": query, "results": []}
    if len(engine_query(query)) >= 2:
        language_code = translation.get_language()
        types = available_types()
        models = [m for _key, _label, ms in types for m in ms]
        queryset = base_queryset(language_code).type(*models)
        backend = backend_for_language(language_code)
        try:
            pages = list(queryset.autocomplete(engine_query(query), backend=backend)[:AUTOCOMPLETE_LIMIT])
        except Exception as error:
            if backend == "default":
                raise
            log_engine_failure(error, backend, query)
            pages = list(queryset.autocomplete(engine_query(query), backend="default")[:AUTOCOMPLETE_LIMIT])
        pages = specific_pages(pages, models)
        payload["results"] = [
            {"title": page.title, "url": page.get_url(request=request), "type": str(type_of(page, types)[1])}
            for page in pages
        ]
    response = JsonResponse(payload)
    response["Cache-Control"] = "no-store"
    return response
