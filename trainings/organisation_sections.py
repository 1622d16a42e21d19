"""The organisation section of the catalogue: /<lang>/<catalogue>/organisations/<organisation-slug>/.

The page shows the `SECTIONS` in turn: `Section` subclasses, listings (home.listing) without facets of the
public pages that involve the organisation, in the active language and, for those that exist only in other
languages, in theirs (home.listing's one policy; their cards say their language), by title, PER_PAGE a page with their own page
parameter, so the page stays small and its query count bounded whatever the organisation offers. Other
apps append theirs, e.g. in their AppConfig.ready():

    from trainings.organisation_sections import register
    register(EventsSection)
"""

from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.listing import Listing, in_locale_with_content_only_in_other_languages
from home.localization import active_locale_id
from home.models import Organisation

from .listing import decorate_initiatives, decorate_trainings
from .models import InitiativePage, InitiativePageOrganisation, TrainingPage

SECTIONS = []
PER_PAGE = 24


def register(section):
    if section not in SECTIONS:
        SECTIONS.append(section)
    return section


class Section(Listing):
    """declare: model, title, template (of the cards, given `items`), page_param, involves()."""

    def __init__(self, request, catalogue, organisation):
        self.organisation = organisation
        super().__init__(request, catalogue, PER_PAGE)
        self.page_label = gettext("Pagination: %(section)s") % {"section": self.title}

    def involves(self):
        """The Q of the pages that involve self.organisation."""
        raise NotImplementedError

    def base_queryset(self):
        return in_locale_with_content_only_in_other_languages(self.model, active_locale_id(), self.involves())

    def key_parts(self):
        return ("organisation", self.organisation.slug)

    def link_params(self):
        return self.request.GET  # the other sections keep their page

    def context(self):
        return {
            "title": self.title,
            "template": self.template,
            "items": self.items,
            "page_obj": self.page_obj,
        }


@register
class TrainingsSection(Section):
    model = TrainingPage
    title = _("Trainings")
    template = "trainings/includes/training_cards.html"
    page_param = "trainings-page"

    def involves(self):
        return Q(provider__slug=self.organisation.slug)

    def prepare(self, queryset):
        return queryset.select_related("provider")

    def decorate(self, items):
        return decorate_trainings(items)


@register
class InitiativesSection(Section):
    model = InitiativePage
    title = _("Initiatives")
    template = "trainings/includes/initiative_cards.html"
    page_param = "initiatives-page"

    def involves(self):
        involved = InitiativePageOrganisation.objects.filter(organisation__slug=self.organisation.slug)
        return Q(pk__in=involved.values("page_id"))

    def decorate(self, items):
        return decorate_initiatives(items)


def organisation_view(catalogue, request, organisation_slug):
    locale_id = active_locale_id()
    candidates = Organisation.objects.filter(slug=organisation_slug)
    organisation = next((org for org in candidates if org.locale_id == locale_id), None) or next(
        iter(candidates), None
    )
    if organisation is None:
        raise Http404(gettext("No such organisation."))
    sections = [section(request, catalogue, organisation).context() for section in SECTIONS]
    return TemplateResponse(
        request,
        "trainings/organisation_page.html",
        {"page": catalogue, "self": catalogue, "organisation": organisation, "sections": sections},
    )
