"""The training catalogue and the initiatives repository, declared for the listing engine (home.listing):
their facets, sort orders and cards."""

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.languages import language_choices
from home.listing import ChoiceFacet, FlagFacet, ListFacet, Listing, TermFacet, TermsFacet
from home.localization import locales_by_id, localized, terms_by_id
from home.models import CompetenceArea, Format, Level, Region, StrategicObjective, TargetGroup

from .models import (
    Facility,
    FundingType,
    InitiativeKind,
    InitiativePage,
    InitiativePageOrganisation,
    TrainingPage,
    TrainingPageSession,
)


def has_upcoming_session(listing):
    """A session from the listing's day on (probed per training: the listed rows are often far fewer than
    the sessions of the whole catalogue)."""
    return Q(Exists(TrainingPageSession.objects.filter(page=OuterRef("pk"), start_date__gte=listing.today)))


# -- trainings ----------------------------------------------------------------------------------------
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
    model = TrainingPage
    index_model = "trainings.TrainingCatalogPage"
    sorts = TRAINING_SORTS
    search = "index"
    indexed = True
    count_text = ngettext_lazy("%(counter)s training found", "%(counter)s trainings found", "counter")
    empty_text = _("No trainings match these filters.")

    facets = [
        TermsFacet("area", _("Competence area"), "competence_areas", CompetenceArea),
        TermFacet("level", _("Level"), "level", Level),
        TermFacet("format", _("Format"), "format", Format),
        TermsFacet("audience", _("Target group"), "target_groups", TargetGroup),
        TermFacet("region", _("Region"), "region", Region),
        ListFacet("language", _("Language of instruction"), "languages", language_choices),
        ListFacet("facility", _("Accessibility and inclusion"), "facilities", Facility.choices),
        FlagFacet("women_only", _("Women only"), "women_only"),
        FlagFacet("free", _("Free of charge"), "is_free"),
        FlagFacet("upcoming", _("With a session from today on"), condition=has_upcoming_session),
    ]

    def prepare(self, queryset):
        return queryset.select_related("provider").annotate(next_session=next_session(self.today))

    def order(self, queryset):
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
    return TrainingListing(request, index_page)


# -- initiatives --------------------------------------------------------------------------------------
INITIATIVE_SORTS = [
    ("title", _("Title")),
    ("newest", _("Newest")),
    ("relevance", _("Relevance")),
]


class InitiativeListing(Listing):
    model = InitiativePage
    index_model = "trainings.InitiativeIndexPage"
    sorts = INITIATIVE_SORTS
    search = "index"
    indexed = True
    count_text = ngettext_lazy("%(counter)s initiative found", "%(counter)s initiatives found", "counter")
    empty_text = _("No initiatives match these filters.")

    facets = [
        ChoiceFacet("kind", _("Kind"), "kind", InitiativeKind.choices),
        TermsFacet("audience", _("Target group"), "target_groups", TargetGroup),
        TermsFacet("region", _("Region"), "regions", Region),
        TermsFacet("objective", _("Strategic objective"), "strategic_objectives", StrategicObjective),
        ChoiceFacet("funding", _("Funding"), "funding_type", FundingType.choices),
    ]

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


def initiative_listing(index_page, request):
    return InitiativeListing(request, index_page)
