"""Faceted listings of trainings and initiatives: the one place where their querysets are built.

Every GET parameter is checked against the values it may take; unknown values are ignored.

The number of SQL queries is fixed, whatever the number of trainings:
- text search (only with `q`): one search on the visitor's language backend (the database backend runs one
  query; a search engine runs none), keeping the best SEARCH_LIMIT ids;
- facet counts and the total: ONE statement (`FacetCounter`). A common table expression reads the listed
  pages once, with one 0/1 column per selected facet ("matches it") and per flag; each facet is then counted
  by one GROUP BY branch over it, restricted to the rows that match the *other* selected facets, and the
  branches are joined with UNION ALL. Vocabulary facets group by term id (mapped to slugs from a cache;
  many-to-many ones through their link table: a training linked to two language versions of one term, which
  editors should not do, would count twice there), choice sets group by the stored string, decoded here;
- the result page: one query for the ids of the page (sorted on narrow rows; by relevance, the matching ids
  of the search), one for its cards, then at most one query per kind of linked snippet (organisations in
  the active language).

The search ids, the facet counts and the ids of each result page are plain data kept in the cache until
published content changes (`bdt_site.content_version.cached_results`, keyed by listing, language, date and
the validated parameters): a repeated view of the same filters reads them back and only fetches its cards.
"""

import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bdt_site import content_version
from home.fields import choice_pairs
from home.languages import language_choices
from home.localization import (
    active_language,
    locales_by_id,
    localized,
    term_ids_by_slug,
    terms_by_id,
)
from home.models import CompetenceArea, Format, Level, Region, StrategicObjective, TargetGroup
from home.models.taxonomies import localized_terms
from home.visibility import public_pages
from search.query import backend_for_language, clean_query, engine_query

from .models import (
    Facility,
    FundingType,
    InitiativeKind,
    InitiativePage,
    InitiativePageOrganisation,
    TrainingPage,
    TrainingPageSession,
)

logger = logging.getLogger(__name__)

SEARCH_LIMIT = 1000
NOTHING = Q(pk__isnull=True)  # matches no row


@dataclass
class Facet:
    name: str  # the GET parameter
    label: Any
    # "term" (vocabulary foreign key), "terms" (vocabulary many-to-many), "choice" (choice field),
    # "set" (ChoiceSetField), "flag" (boolean field), "upcoming" (a session from today on)
    kind: str
    field: str = ""  # model field (the many-to-many relation for "terms")
    model: Any = None  # vocabulary model for "term" and "terms"
    choices: Any = None  # for "choice" and "set": a TextChoices class or a callable (see choice_pairs)

    @property
    def is_flag(self):
        return self.kind in ("flag", "upcoming")

    def options(self):
        if self.kind in ("term", "terms"):
            return [(term.slug, term.name) for term in localized_terms(self.model).values()]
        if self.is_flag:
            return [("1", self.label)]
        return choice_pairs(self.choices)

    def allowed(self):
        return {value for value, _label in self.options()}

    def q(self, value, page_model, today):
        """The condition 'has this value' for filter()."""
        if self.kind == "flag":
            return Q(**{self.field: True})
        if self.kind == "upcoming":
            return Q(pk__in=TrainingPageSession.objects.filter(start_date__gte=today).values("page_id"))
        if self.kind == "set":
            return Q(**{f"{self.field}__contains": f",{value},"})
        if self.kind == "choice":
            return Q(**{self.field: value})
        ids = term_ids_by_slug(self.model).get(value)
        if not ids:
            return NOTHING
        if self.kind == "term":
            return Q(**{f"{self.field}_id__in": ids})
        relation = page_model._meta.get_field(self.field)
        links = relation.remote_field.through.objects.filter(
            **{f"{relation.m2m_reverse_field_name()}_id__in": ids}
        )
        return Q(pk__in=links.values(f"{relation.m2m_field_name()}_id"))

    def sql(self, value, counter):
        """The same condition as q(), in SQL on a row `s` of FacetCounter's inner query."""
        qn = connection.ops.quote_name
        if self.kind == "flag":
            return f"s.{counter.alias(self)}", []
        if self.kind == "upcoming":
            sessions = TrainingPageSession._meta
            return (
                f"s.c_pk IN (SELECT {qn(sessions.get_field('page').column)} FROM {qn(sessions.db_table)}"
                f" WHERE {qn(sessions.get_field('start_date').column)} >= %s)",
                [connection.ops.adapt_datefield_value(counter.today)],
            )
        if self.kind == "set":
            escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            return f"s.{counter.alias(self)} LIKE %s ESCAPE '\\'", [f"%,{escaped},%"]
        if self.kind == "choice":
            return f"s.{counter.alias(self)} = %s", [value]
        ids = term_ids_by_slug(self.model).get(value) or [None]
        placeholders = ", ".join(["%s"] * len(ids))
        if self.kind == "term":
            return f"s.{counter.alias(self)} IN ({placeholders})", ids
        link_table, page_column, term_column = counter.links(self)
        return (
            f"s.c_pk IN (SELECT {page_column} FROM {link_table} WHERE {term_column} IN ({placeholders}))",
            ids,
        )


@dataclass
class FacetState:
    facet: Facet
    selected: str
    options: list = field(default_factory=list)  # [(value, label, count, is_selected)]

    @property
    def name(self):
        return self.facet.name

    @property
    def label(self):
        return self.facet.label

    @property
    def is_flag(self):
        return self.facet.is_flag

    @property
    def count(self):
        return self.options[0][2] if self.options else 0


class Listing:
    """Parse the request, filter, count, sort and paginate (lazily: the CSV export only filters)."""

    def __init__(self, request, index_page, model, facets, sorts, default_sort, per_page=12):
        self.request = request
        self.index_page = index_page
        self.model = model
        self.facets = facets
        self.sorts = sorts
        self.per_page = per_page
        self.today = timezone.localdate()
        self.language = active_language()
        self.search_backend = ""  # set by the text search
        params = request.GET
        self.query = clean_query(params.get("q", ""))
        self.selected = {}
        for facet in facets:
            value = params.get(facet.name, "")
            if value and value in facet.allowed():
                self.selected[facet.name] = value
        allowed_sorts = {key for key, _label in self.available_sorts()}
        sort = params.get("sort", "")
        if sort not in allowed_sorts:
            sort = "relevance" if self.query else default_sort
        self.sort = sort

    # -- parameters -----------------------------------------------------------------------------------
    def available_sorts(self):
        return [(key, label) for key, label in self.sorts if key != "relevance" or self.query]

    @property
    def is_filtered(self):
        return bool(self.selected or self.query)

    def querystring(self, **changes):
        params = QueryDict(mutable=True)
        if self.query:
            params["q"] = self.query
        params.update(self.selected)
        if self.sort and self.sort != ("relevance" if self.query else self.sorts[0][0]):
            params["sort"] = self.sort
        for key, value in changes.items():
            params.pop(key, None)
            if value:
                params[key] = value
        return params.urlencode()

    def cache_key(self, *parts):
        """Key of data computed for this listing and its validated parameters (content_version.cached_results)."""
        state = content_version.digest(
            self.query, *sorted(self.selected.items()), self.search_backend, self.today.isoformat(), *parts
        )
        return f"listing:{self.model._meta.label_lower}:{self.index_page.pk}:{self.language}:{state}"

    # -- querysets ------------------------------------------------------------------------------------
    def base_queryset(self):
        return public_pages(self.model.objects.child_of(self.index_page))

    @cached_property
    def search_ids(self):
        """Ids of the pages matching the text query, best first, from the visitor's language backend (the
        database backend when the engine fails; that answer is kept apart, so it ends with the outage)."""
        words = engine_query(self.query) if self.query else ""
        if not words:
            return []
        backend = backend_for_language(self.language)
        try:
            return self._search(words, backend)
        except Exception:
            if backend == "default":
                raise
            logger.exception("Search backend %r failed for %r; using the database backend", backend, words)
            return self._search(words, "default")

    def _search(self, words, backend):
        self.search_backend = backend

        def build():
            results = self.base_queryset().only("pk").search(words, backend=backend, operator="and")
            return [result.pk for result in results[:SEARCH_LIMIT]]

        return content_version.cached_results(self.cache_key("search"), build)

    def scope(self):
        """What the facets count: the live pages of this listing, narrowed by the text query."""
        queryset = self.base_queryset()
        if self.query:
            queryset = queryset.filter(pk__in=self.search_ids)
        return queryset

    def condition(self, exclude=None):
        """The selected facets (but `exclude`) as one Q."""
        combined = Q()
        for facet in self.facets:
            if facet.name != exclude and facet.name in self.selected:
                combined &= facet.q(self.selected[facet.name], self.model, self.today)
        return combined

    def filtered(self):
        return self.scope().filter(self.condition())

    # -- counts ---------------------------------------------------------------------------------------
    @cached_property
    def counts(self):
        """{"total": n, facet name: {value: n}}, in one statement."""
        self.search_ids  # noqa: B018 - the search decides the backend, which is part of the key
        return content_version.cached_results(self.cache_key("counts"), FacetCounter(self).run)

    @cached_property
    def facet_states(self):
        states = []
        for facet in self.facets:
            selected = self.selected.get(facet.name, "")
            counts = self.counts[facet.name]
            options = [
                (value, label, counts.get(value, 0), value == selected) for value, label in facet.options()
            ]
            states.append(FacetState(facet, selected, options))
        return states

    @property
    def count(self):
        return self.page_obj.paginator.count

    # -- results --------------------------------------------------------------------------------------
    @cached_property
    def page_obj(self):
        """The requested page; its cards are read by id, so the sort runs on narrow rows."""
        number = self.request.GET.get("page")
        if self.sort == "relevance":
            paginator = Paginator(
                content_version.cached_results(self.cache_key("ranked"), self.ranked_ids), self.per_page
            )
        else:
            paginator = Paginator(SortedIds(self, self.counts["total"]), self.per_page)
        page_obj = paginator.get_page(number)
        ids = list(page_obj.object_list)
        cards = list(self.prepare(self.model.objects.filter(pk__in=ids))) if ids else []
        by_pk = {item.pk: item for item in self.decorate(cards)}
        page_obj.object_list = [by_pk[pk] for pk in ids if pk in by_pk]
        return page_obj

    def ranked_ids(self):
        """The search's ids, best first, that match the selected facets."""
        matching = set(self.filtered().values_list("pk", flat=True)) if self.search_ids else set()
        return [pk for pk in self.search_ids if pk in matching]

    @property
    def items(self):
        return self.page_obj.object_list

    def prepare(self, queryset):
        """Annotations and joins the result cards need."""
        return queryset

    def order(self, queryset):
        return self.prepare(queryset).order_by("title", "pk")

    def decorate(self, items):
        return items


class SortedIds:
    """The ids of a sorted listing as a sequence for Paginator: its length is the total counted with the
    facets (no COUNT query) and a page of it is one query on narrow rows, kept until content changes."""

    def __init__(self, listing, total):
        self.listing = listing
        self.total = total

    def __len__(self):
        return self.total

    def __getitem__(self, window):
        listing = self.listing

        def build():
            return list(listing.order(listing.filtered()).values_list("pk", flat=True)[window])

        return content_version.cached_results(
            listing.cache_key("ids", listing.sort, window.start, window.stop), build
        )


class FacetCounter:
    """Counts the total and every facet value of a listing in one SQL statement (see the module docstring).

    Conditions are written in SQL here (Facet.sql) rather than with the ORM: compiling dozens of conditional
    aggregates through the ORM took longer than running them."""

    def __init__(self, listing):
        self.listing = listing
        self.model = listing.model
        self.today = listing.today
        self.facets = listing.facets
        self.selected = [facet for facet in self.facets if facet.name in listing.selected]
        self.position = {facet.name: position for position, facet in enumerate(self.facets)}

    def alias(self, facet):
        return f"c{self.position[facet.name]}"

    def matched(self, facet):
        """The 0/1 column telling whether a row has the selected value of `facet` (or the flag)."""
        return f"{'v' if facet.is_flag else 'm'}{self.position[facet.name]}"

    def links(self, facet):
        """(link table, page column, term column) of a many-to-many facet, quoted."""
        qn = connection.ops.quote_name
        relation = self.model._meta.get_field(facet.field)
        through = relation.remote_field.through._meta
        return (
            qn(through.db_table),
            qn(through.get_field(relation.m2m_field_name()).column),
            qn(through.get_field(relation.m2m_reverse_field_name()).column),
        )

    def inner(self):
        """The listed pages, one row each: c_pk and the column of every facet stored on the page."""
        columns = {"c_pk": F("pk")}
        for facet in self.facets:
            if facet.kind in ("term", "choice", "set", "flag"):
                columns[self.alias(facet)] = F(facet.field)
        queryset = self.listing.scope().order_by().annotate(**columns).values_list(*columns)
        return queryset.query.sql_with_params()

    def statement(self):
        inner_sql, inner_params = self.inner()
        columns, params = [], []  # the extra columns come before the inner query in the SQL text
        for facet in self.facets:
            if facet.is_flag:
                condition, condition_params = facet.sql("1", self)
            elif facet in self.selected:
                condition, condition_params = facet.sql(self.listing.selected[facet.name], self)
            else:
                continue
            columns.append(f", CASE WHEN {condition} THEN 1 ELSE 0 END AS {self.matched(facet)}")
            params += condition_params
        rows = f"SELECT s.*{''.join(columns)} FROM ({inner_sql}) s"
        params += inner_params
        if len(self.selected) >= 2:
            # a row that misses two selected facets counts nowhere
            missed = " + ".join(f"(1 - x.{self.matched(facet)})" for facet in self.selected)
            rows = f"SELECT * FROM ({rows}) x WHERE {missed} <= 1"

        def others(facet):
            conditions = [f"r.{self.matched(other)} = 1" for other in self.selected if other is not facet]
            return " AND ".join(conditions) or "1 = 1"

        branches = [f"SELECT -1, '', COUNT(*) FROM r WHERE {others(None)}"]
        for facet in self.facets:
            position, where = self.position[facet.name], others(facet)
            if facet.is_flag:
                branches.append(
                    f"SELECT {position}, '1', COUNT(*) FROM r WHERE {where} AND r.{self.matched(facet)} = 1"
                )
            elif facet.kind == "terms":
                link_table, page_column, term_column = self.links(facet)
                branches.append(
                    f"SELECT {position}, CAST(l.{term_column} AS TEXT), COUNT(*) FROM r"
                    f" INNER JOIN {link_table} l ON l.{page_column} = r.c_pk WHERE {where} GROUP BY l.{term_column}"
                )
            else:
                column = f"r.{self.alias(facet)}"
                key = f"CAST({column} AS TEXT)" if facet.kind == "term" else column
                branches.append(f"SELECT {position}, {key}, COUNT(*) FROM r WHERE {where} GROUP BY {column}")
        return f"WITH r AS ({rows}) " + " UNION ALL ".join(branches), params

    def run(self):
        counts = {"total": 0, **{facet.name: {} for facet in self.facets}}
        if self.listing.query and not self.listing.search_ids:
            return counts
        sql, params = self.statement()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        slugs = {}
        for position, key, number in rows:
            if position == -1:
                counts["total"] = number
                continue
            facet = self.facets[position]
            if facet.kind in ("term", "terms"):
                if facet.name not in slugs:
                    slugs[facet.name] = {
                        str(pk): slug for slug, ids in term_ids_by_slug(facet.model).items() for pk in ids
                    }
                values = [slugs[facet.name].get(str(key))]
            elif facet.kind == "set":
                values = [code for code in str(key or "").split(",") if code]
            else:
                values = [key]
            for value in values:
                if value is not None:
                    counts[facet.name][value] = counts[facet.name].get(value, 0) + number
        return counts


# -- trainings ----------------------------------------------------------------------------------------
def training_facets():
    return [
        Facet("area", _("Competence area"), "terms", "competence_areas", CompetenceArea),
        Facet("level", _("Level"), "term", "level", Level),
        Facet("format", _("Format"), "term", "format", Format),
        Facet("audience", _("Target group"), "terms", "target_groups", TargetGroup),
        Facet("region", _("Region"), "term", "region", Region),
        Facet("language", _("Language of instruction"), "set", "languages", choices=language_choices),
        Facet("facility", _("Accessibility and inclusion"), "set", "facilities", choices=Facility),
        Facet("women_only", _("Women only"), "flag", "women_only"),
        Facet("free", _("Free of charge"), "flag", "is_free"),
        Facet("upcoming", _("With a session from today on"), "upcoming"),
    ]


TRAINING_SORTS = [
    ("soonest", _("Soonest session")),
    ("newest", _("Newest")),
    ("relevance", _("Relevance")),
]


def next_session(today):
    """The first session from `today` on, as a correlated subquery (an index probe per training)."""
    sessions = TrainingPageSession.objects.filter(page=OuterRef("pk"), start_date__gte=today)
    return Subquery(sessions.order_by("start_date").values("start_date")[:1])


class TrainingListing(Listing):
    def prepare(self, queryset):
        return queryset.select_related("provider").annotate(next_session=next_session(self.today))

    def order(self, queryset):
        queryset = self.prepare(queryset)
        if self.sort == "newest":
            return queryset.order_by("-first_published_at", "-pk")
        return queryset.order_by(F("next_session").asc(nulls_last=True), "title", "pk")

    def decorate(self, items):
        return decorate_trainings(items)


def decorate_trainings(items):
    """Attach the active-language provider and terms to each training (no query for the terms and the
    locales, at most one for the providers)."""
    items = list(items)
    providers = localized(item.provider for item in items)
    provider_by_key = {org.translation_key: org for org in providers}
    levels, formats, regions = terms_by_id(Level), terms_by_id(Format), terms_by_id(Region)
    locales = locales_by_id()
    for item in items:
        if item.locale_id in locales:
            item.locale = locales[item.locale_id]
        item.provider_localized = (
            provider_by_key.get(item.provider.translation_key) if item.provider_id else None
        )
        item.level_localized = levels.get(item.level_id) or item.level
        item.format_localized = formats.get(item.format_id) or item.format
        item.region_localized = regions.get(item.region_id) or item.region
    return items


def training_listing(index_page, request):
    return TrainingListing(
        request, index_page, TrainingPage, training_facets(), TRAINING_SORTS, "soonest", index_page.per_page
    )


# -- initiatives --------------------------------------------------------------------------------------
INITIATIVE_SORTS = [
    ("title", _("Title")),
    ("newest", _("Newest")),
    ("relevance", _("Relevance")),
]


class InitiativeListing(Listing):
    def order(self, queryset):
        if self.sort == "newest":
            return queryset.order_by("-first_published_at", "-pk")
        return queryset.order_by("title", "pk")

    def decorate(self, items):
        return decorate_initiatives(items)


def decorate_initiatives(items):
    """Attach the active-language organisations and kind label to each initiative (two queries at most)."""
    items = list(items)
    if not items:
        return items
    links = InitiativePageOrganisation.objects.filter(page__in=[item.pk for item in items]).select_related(
        "organisation"
    )
    by_page = {}
    for link in links:
        by_page.setdefault(link.page_id, []).append(link.organisation)
    organisations = localized(org for orgs in by_page.values() for org in orgs)
    by_key = {org.translation_key: org for org in organisations}
    kinds = dict(InitiativeKind.choices)
    locales = locales_by_id()
    for item in items:
        if item.locale_id in locales:
            item.locale = locales[item.locale_id]
        item.organisations_localized = [by_key.get(o.translation_key, o) for o in by_page.get(item.pk, [])]
        item.kind_label = kinds.get(item.kind, item.kind)
    return items


def initiative_facets():
    return [
        Facet("kind", _("Kind"), "choice", "kind", choices=InitiativeKind),
        Facet("audience", _("Target group"), "terms", "target_groups", TargetGroup),
        Facet("region", _("Region"), "terms", "regions", Region),
        Facet("objective", _("Strategic objective"), "terms", "strategic_objectives", StrategicObjective),
        Facet("funding", _("Funding"), "choice", "funding_type", choices=FundingType),
    ]


def initiative_listing(index_page, request):
    return InitiativeListing(
        request,
        index_page,
        InitiativePage,
        initiative_facets(),
        INITIATIVE_SORTS,
        "title",
        index_page.per_page,
    )
