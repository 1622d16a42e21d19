"""Faceted listings of trainings and initiatives: the one place where their querysets are built.

Every GET parameter is checked against the values it may take; unknown values are ignored. Counts per
facet value are computed for the other active filters with one aggregate query per facet, so the number
of SQL queries does not grow with the number of trainings.

Text search runs Wagtail search (database backend by default) on the published pages of the catalogue
in the active locale; the matching ids (at most SEARCH_LIMIT, best first) then restrict the faceted
queryset, which works the same on SQLite, PostgreSQL and Elasticsearch.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, Min, OuterRef, Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import CompetenceArea, Format, Level, Region, StrategicObjective, TargetGroup
from home.models.taxonomies import localized_terms
from search.query import engine_query

from .models import (
    Facility,
    FundingType,
    InitiativeKind,
    InitiativePage,
    InitiativePageOrganisation,
    InstructionLanguage,
    TrainingPage,
    TrainingPageSession,
)
from .utils import localized_organisations

SEARCH_LIMIT = 1000
MAX_QUERY_LENGTH = 200


@dataclass
class Facet:
    name: str  # the GET parameter
    label: Any
    kind: str  # "term" (taxonomy slug), "choice" (model choice field), "set" (ChoiceSetField), "flag"
    lookup: str = ""
    model: Any = None  # taxonomy model for "term"
    choices: Any = None  # TextChoices for "choice" and "set"
    flag_q: Any = None  # callable(today) -> Q for "flag"
    many: bool = False  # the lookup crosses a many-to-many relation

    def options(self):
        if self.kind == "term":
            return [(term.slug, term.name) for term in localized_terms(self.model).values()]
        if self.kind == "flag":
            return [("1", self.label)]
        return list(self.choices.choices)

    def allowed(self):
        return {value for value, _label in self.options()}

    def q(self, value, page_model, today):
        if self.kind == "flag":
            return self.flag_q(today)
        if self.kind == "set":
            return Q(**{f"{self.lookup}__contains": f",{value},"})
        if self.many:
            return Q(pk__in=page_model.objects.filter(**{self.lookup: value}).values("pk"))
        return Q(**{self.lookup: value})

    def counts(self, queryset, today):
        if self.kind == "flag":
            return {"1": queryset.filter(self.flag_q(today)).count()}
        if self.kind == "set":
            values = [value for value, _label in self.options()]
            totals = queryset.aggregate(
                **{
                    f"c{index}": Count("pk", filter=Q(**{f"{self.lookup}__contains": f",{value},"}))
                    for index, value in enumerate(values)
                }
            )
            return {value: totals[f"c{index}"] for index, value in enumerate(values)}
        rows = queryset.order_by().values(self.lookup).annotate(n=Count("pk", distinct=True))
        return {row[self.lookup]: row["n"] for row in rows}


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
        return self.facet.kind == "flag"

    @property
    def count(self):
        return self.options[0][2] if self.options else 0


class Listing:
    """Parse the request, filter, count, sort and paginate."""

    def __init__(self, request, index_page, model, facets, sorts, default_sort, per_page=12):
        self.request = request
        self.index_page = index_page
        self.model = model
        self.facets = facets
        self.sorts = sorts
        self.per_page = per_page
        self.today = timezone.localdate()
        params = request.GET
        self.query = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
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
        self._search_ids = None
        self._build()

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

    # -- querysets ------------------------------------------------------------------------------------
    def base_queryset(self):
        return self.model.objects.live().child_of(self.index_page)

    def search_ids(self):
        if self._search_ids is None:
            self._search_ids = []
            words = engine_query(self.query) if self.query else ""
            if words:
                results = self.base_queryset().search(words, order_by_relevance=True)
                self._search_ids = [result.pk for result in results[:SEARCH_LIMIT]]
        return self._search_ids

    def filtered(self, exclude=None):
        queryset = self.base_queryset()
        if self.query:
            queryset = queryset.filter(pk__in=self.search_ids())
        for facet in self.facets:
            if facet.name != exclude and facet.name in self.selected:
                queryset = queryset.filter(facet.q(self.selected[facet.name], self.model, self.today))
        return queryset

    def _build(self):
        self.facet_states = []
        for facet in self.facets:
            counts = facet.counts(self.filtered(exclude=facet.name), self.today)
            selected = self.selected.get(facet.name, "")
            options = [
                (value, label, counts.get(value, 0), value == selected) for value, label in facet.options()
            ]
            self.facet_states.append(FacetState(facet, selected, options))
        results = self.filtered()
        if self.sort == "relevance":
            matching = set(results.values_list("pk", flat=True))
            ordered_ids = [pk for pk in self.search_ids() if pk in matching]
            self.paginator = Paginator(ordered_ids, self.per_page)
            self.page_obj = self.paginator.get_page(self.request.GET.get("page"))
            ids = list(self.page_obj.object_list)
            items = {item.pk: item for item in self.decorate(self.prepare(results.filter(pk__in=ids)))}
            self.page_obj.object_list = [items[pk] for pk in ids if pk in items]
        else:
            self.paginator = Paginator(self.order(results), self.per_page)
            self.page_obj = self.paginator.get_page(self.request.GET.get("page"))
            self.page_obj.object_list = list(self.decorate(self.page_obj.object_list))
        self.count = self.paginator.count
        self.items = self.page_obj.object_list

    def prepare(self, queryset):
        """Annotations and joins the result cards need."""
        return queryset

    def order(self, queryset):
        return self.prepare(queryset).order_by("title", "pk")

    def decorate(self, queryset):
        return list(queryset)


def _upcoming_q(today):
    return Q(Exists(TrainingPageSession.objects.filter(page=OuterRef("pk"), start_date__gte=today)))


def training_facets():
    return [
        Facet("area", _("Competence area"), "term", "competence_areas__slug", CompetenceArea, many=True),
        Facet("level", _("Level"), "term", "level__slug", Level),
        Facet("format", _("Format"), "term", "format__slug", Format),
        Facet("audience", _("Target group"), "term", "target_groups__slug", TargetGroup, many=True),
        Facet("region", _("Region"), "term", "region__slug", Region),
        Facet("language", _("Language of instruction"), "set", "languages", choices=InstructionLanguage),
        Facet("facility", _("Accessibility and inclusion"), "set", "facilities", choices=Facility),
        Facet("women_only", _("Women only"), "flag", flag_q=lambda today: Q(women_only=True)),
        Facet("free", _("Free of charge"), "flag", flag_q=lambda today: Q(is_free=True)),
        Facet("upcoming", _("With a session from today on"), "flag", flag_q=_upcoming_q),
    ]


TRAINING_SORTS = [
    ("soonest", _("Soonest session")),
    ("newest", _("Newest")),
    ("relevance", _("Relevance")),
]


class TrainingListing(Listing):
    def prepare(self, queryset):
        return queryset.select_related("provider", "level", "format", "region", "locale").annotate(
            next_session=Min("sessions__start_date", filter=Q(sessions__start_date__gte=self.today))
        )

    def order(self, queryset):
        queryset = self.prepare(queryset)
        if self.sort == "newest":
            return queryset.order_by("-first_published_at", "-pk")
        return queryset.order_by(F("next_session").asc(nulls_last=True), "title", "pk")

    def decorate(self, queryset):
        return decorate_trainings(list(queryset))


def decorate_trainings(items):
    """Attach the active-locale provider and terms to each training (a fixed number of queries)."""
    providers = localized_organisations(item.provider for item in items)
    provider_by_key = {org.translation_key: org for org in providers}
    levels, formats, regions = localized_terms(Level), localized_terms(Format), localized_terms(Region)
    for item in items:
        item.provider_localized = (
            provider_by_key.get(item.provider.translation_key) if item.provider else None
        )
        item.level_localized = levels.get(item.level.translation_key, item.level)
        item.format_localized = formats.get(item.format.translation_key, item.format)
        item.region_localized = regions.get(item.region.translation_key, item.region)
    return items


def training_listing(index_page, request):
    return TrainingListing(
        request, index_page, TrainingPage, training_facets(), TRAINING_SORTS, "soonest", index_page.per_page
    )


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

    def decorate(self, queryset):
        return decorate_initiatives(list(queryset))


def decorate_initiatives(items):
    """Attach the active-locale organisations and kind label to each initiative (fixed query count)."""

    links = InitiativePageOrganisation.objects.filter(page__in=[item.pk for item in items]).select_related(
        "organisation"
    )
    by_page = {}
    for link in links:
        by_page.setdefault(link.page_id, []).append(link.organisation)
    organisations = localized_organisations(org for orgs in by_page.values() for org in orgs)
    localized = {org.translation_key: org for org in organisations}
    kinds = dict(InitiativeKind.choices)
    for item in items:
        item.organisations_localized = [localized.get(o.translation_key, o) for o in by_page.get(item.pk, [])]
        item.kind_label = kinds.get(item.kind, item.kind)
    return items


def initiative_facets():
    return [
        Facet("kind", _("Kind"), "choice", "kind", choices=InitiativeKind),
        Facet("audience", _("Target group"), "term", "target_groups__slug", TargetGroup, many=True),
        Facet("region", _("Region"), "term", "regions__slug", Region, many=True),
        Facet(
            "objective",
            _("Strategic objective"),
            "term",
            "strategic_objectives__slug",
            StrategicObjective,
            many=True,
        ),
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
