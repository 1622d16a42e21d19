"""The signatories of the 'Women in Digital' charter, declared for the listing engine (home.listing): the
approved ones, the same in every language, filterable by sector and region."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.listing import ChoiceFacet, Listing, TermFacet
from home.localization import active_locale_id, localized
from home.models import CharterCommitment, Region, Signatory, SignatorySector

# The catalogue whose organisation section shows an organisation's trainings, events and initiatives
# (trainings.organisation_sections; named, not imported: the catalogue's app builds on home).
CATALOGUE_MODEL = "trainings.TrainingCatalogPage"


class SignatoryListing(Listing):
    model = Signatory
    sorts = [("name", _("Name"))]
    form_label = _("Filter the signatories")
    clear_label = _("Clear all filters")
    count_text = ngettext_lazy(
        "%(counter)s organisation has signed", "%(counter)s organisations have signed", "counter"
    )
    empty_text = _("No signatory matches these filters.")
    page_label = _("Pagination of the signatories")

    facets = [
        ChoiceFacet("sector", _("Sector"), "sector", SignatorySector.choices),
        TermFacet("region", _("Region"), "region", Region),
    ]

    def base_queryset(self):
        return Signatory.listed()

    def order(self, queryset):
        return queryset.order_by("organisation_name", "pk")

    def prepare(self, queryset):
        return queryset.select_related("organisation")

    def decorate(self, items):
        """Each card's region and organisation in the active language, the titles of its commitments in
        this page's language and the link to its organisation's section of the catalogue (four queries
        at most, whatever the number of cards)."""
        titles = dict(
            CharterCommitment.objects.filter(page_id=self.index_page.pk).values_list("key", "title")
        )
        catalogue = apps.get_model(CATALOGUE_MODEL).for_locale(active_locale_id())
        organisations = localized([item.organisation for item in items if item.organisation])
        by_key = {organisation.translation_key: organisation for organisation in organisations}
        for item in items:
            item.region_term = localized(item, "region")
            item.commitment_titles = [titles[key] for key in item.commitments if key in titles]
            organisation = by_key.get(item.organisation.translation_key) if item.organisation else None
            item.organisation_url = (
                catalogue.url + catalogue.reverse_subpage("organisation", args=[organisation.slug])
                if organisation and catalogue
                else ""
            )
        return items
