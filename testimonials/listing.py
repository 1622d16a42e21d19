"""The role-model listing and the directory of women experts and speakers, declared for the listing engine
(home.listing): their facets, text search and cards."""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.images import get_image_model

from home.languages import language_choices
from home.listing import ChoiceFacet, ListFacet, Listing, TermFacet, TermsFacet
from home.models.taxonomies import CompetenceArea, Region, TargetGroup, localized_terms
from search import forgiving

from .models.pages import CARD_PORTRAIT, Sector, TestimonialPage, TestimonialPageTag


class RoleModelCards(Listing):
    """Role-model cards: employer, region and portrait rendition loaded with the page of results."""

    model = TestimonialPage

    def prepare(self, queryset):
        Image = get_image_model()
        return queryset.select_related("employer", "region").prefetch_related(
            Prefetch("portrait", queryset=Image.objects.prefetch_renditions(CARD_PORTRAIT))
        )


class RoleModelListing(RoleModelCards):
    index_model = "testimonials.TestimonialIndexPage"
    indexed = True
    form_label = _("Filter the role models")
    clear_label = _("Clear all filters")
    count_text = ngettext_lazy("%(counter)s role model", "%(counter)s role models", "counter")
    empty_text = _("No role models match these filters.")

    facets = [
        ChoiceFacet("sector", _("Sector"), "sector", Sector.choices),
        TermsFacet("competence", _("Competence area"), "competence_areas", CompetenceArea),
        TermFacet("region", _("Region"), "region", Region),
        TermsFacet("target", _("Target group"), "target_groups", TargetGroup),
    ]


def has_expertise_tag(slug):
    return Q(pk__in=TestimonialPage.objects.filter(tagged_items__tag__slug=slug).values("pk"))


class ExpertDirectory(RoleModelCards):
    """Role models open to speaking or media, found by words, expertise (area or tag), language, region."""

    index_model = "testimonials.TestimonialIndexPage"

    search = "text"  # the search backend's ids (search_ids) and the competence areas' names
    search_label = _("Search by name, job or expertise")
    query_max_length = 100
    form_label = _("Search the directory")
    submit_label = _("Search")
    clear_label = ""
    show_counts = False
    count_text = ngettext_lazy("%(counter)s expert", "%(counter)s experts", "counter")
    empty_text = _("No experts match this search.")

    facets = [
        TermsFacet("expertise", _("Expertise"), "competence_areas", CompetenceArea, also=has_expertise_tag),
        ListFacet("language", _("Language spoken"), "languages", language_choices),
        TermFacet("region", _("Region"), "region", Region),
    ]

    def base_queryset(self):
        return self.index_page.experts()

    def text_condition(self):
        """The experts the visitor's language search backend finds for the query (name, job, introduction,
        pull quote, story: stemmed, accents folded, a word's beginning — search/forgiving.py on SQLite), and
        those with an expertise tag, or a competence area whose name in the active language, matches the
        query's words the same way (read from the database: a tag added at publication is found at once)."""
        term_slugs = [
            term.slug
            for term in localized_terms(CompetenceArea).values()
            if forgiving.matches(self.query, term.name, self.language)
        ]
        tag_names = [
            name
            for name in TestimonialPageTag.objects.values_list("tag__name", flat=True).distinct()
            if forgiving.matches(self.query, name, self.language)
        ]
        condition = Q(pk__isnull=True)  # nothing; unlike an empty pk__in, the counts' SQL can compile it
        if self.search_ids:
            condition |= Q(pk__in=self.search_ids)
        if term_slugs:
            condition |= Q(competence_areas__slug__in=term_slugs)
        if tag_names:
            condition |= Q(
                pk__in=TestimonialPageTag.objects.filter(tag__name__in=tag_names).values("content_object")
            )
        return condition
