"""The organisation section of the catalogue: /<lang>/<catalogue>/organisations/<organisation-slug>/.

Sections are collected from `SECTIONS`, a list of functions `section(request, organisation)` returning
either None or a dict {"title": ..., "template": ..., "items": [...]}. Other apps append theirs, e.g. the
events app in its AppConfig.ready():

    from trainings.organisation_sections import register
    register(events_section)
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.models import Organisation

SECTIONS = []


def register(section):
    if section not in SECTIONS:
        SECTIONS.append(section)
    return section


def _locale_pages(model, organisation, **lookup):
    return model.objects.live().filter(locale=Locale.get_active(), **lookup).order_by("title")


@register
def trainings_section(request, organisation):
    from .listing import decorate_trainings
    from .models import TrainingPage

    items = _locale_pages(TrainingPage, organisation, provider__slug=organisation.slug).select_related(
        "provider", "level", "format", "region"
    )
    return {
        "title": _("Trainings"),
        "template": "trainings/includes/training_cards.html",
        "items": decorate_trainings(list(items)),
    }


@register
def initiatives_section(request, organisation):
    from .listing import decorate_initiatives
    from .models import InitiativePage

    items = _locale_pages(InitiativePage, organisation).filter(
        pk__in=InitiativePage.objects.filter(organisations__organisation__slug=organisation.slug).values("pk")
    )
    return {
        "title": _("Initiatives"),
        "template": "trainings/includes/initiative_cards.html",
        "items": decorate_initiatives(list(items)),
    }


def organisation_view(catalogue, request, organisation_slug):
    locale = Locale.get_active()
    candidates = Organisation.objects.filter(slug=organisation_slug).select_related("locale", "logo")
    organisation = next((org for org in candidates if org.locale_id == locale.pk), None) or next(
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
