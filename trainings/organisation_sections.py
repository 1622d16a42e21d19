"""The organisation section of the catalogue: /<lang>/<catalogue>/organisations/<organisation-slug>/.

Sections are collected from `SECTIONS`, a list of functions `section(request, organisation)` returning
either None or a dict {"title": ..., "template": ..., "items": [...]}, optionally with "page_obj" (from
home.listing.paginate, with its own GET parameter for the page number) when the section is paginated. Other apps append
theirs, e.g. the events app in its AppConfig.ready():

    from trainings.organisation_sections import register
    register(events_section)

The trainings and initiatives sections show PER_PAGE items each, with their own page parameter, so the page
stays small and its query count bounded whatever the organisation offers.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.listing import paginate
from home.localization import active_language, active_locale_id
from home.models import Organisation
from home.visibility import public_pages

SECTIONS = []
PER_PAGE = 24


def register(section):
    if section not in SECTIONS:
        SECTIONS.append(section)
    return section


def _locale_pages(model):
    locale_id = active_locale_id()
    queryset = public_pages(model.objects.all())
    if locale_id is None:
        return queryset.filter(locale__language_code=active_language())
    return queryset.filter(locale_id=locale_id)


def paginated_section(request, title, template, queryset, page_param, decorate):
    """A section showing one page of `queryset` (ordered), decorated for its cards: two queries + decorate."""
    label = _("Pagination: %(section)s") % {"section": title}
    page_obj = paginate(request, queryset, PER_PAGE, param=page_param, label=label)
    page_obj.object_list = decorate(list(page_obj.object_list))
    return {"title": title, "template": template, "items": page_obj.object_list, "page_obj": page_obj}


@register
def trainings_section(request, organisation):
    from .listing import decorate_trainings
    from .models import TrainingPage

    queryset = (
        _locale_pages(TrainingPage)
        .filter(provider__slug=organisation.slug)
        .select_related("provider")
        .order_by("title", "pk")
    )
    return paginated_section(
        request,
        _("Trainings"),
        "trainings/includes/training_cards.html",
        queryset,
        "trainings-page",
        decorate_trainings,
    )


@register
def initiatives_section(request, organisation):
    from .listing import decorate_initiatives
    from .models import InitiativePage, InitiativePageOrganisation

    involved = InitiativePageOrganisation.objects.filter(organisation__slug=organisation.slug)
    queryset = _locale_pages(InitiativePage).filter(pk__in=involved.values("page_id")).order_by("title", "pk")
    return paginated_section(
        request,
        _("Initiatives"),
        "trainings/includes/initiative_cards.html",
        queryset,
        "initiatives-page",
        decorate_initiatives,
    )


def organisation_view(catalogue, request, organisation_slug):
    locale_id = active_locale_id()
    candidates = Organisation.objects.filter(slug=organisation_slug)
    organisation = next((org for org in candidates if org.locale_id == locale_id), None) or next(
        iter(candidates), None
    )
    if organisation is None:
        raise Http404(_("No such organisation."))
    sections = [section for func in SECTIONS if (section := func(request, organisation))]
    return TemplateResponse(
        request,
        "trainings/organisation_page.html",
        {"page": catalogue, "self": catalogue, "organisation": organisation, "sections": sections},
    )
