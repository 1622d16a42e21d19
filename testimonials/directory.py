"""The directory of women experts and speakers, and its public API for other apps.

`suggest_speakers()` is the contract the events app relies on to suggest women speakers for a panel.
"""

from django.db.models import Case, Count, IntegerField, Q, Value, When
from wagtail.models import Locale

from home.languages import language_codes as site_language_codes
from home.models.taxonomies import CompetenceArea, localized_terms
from home.visibility import public_pages

from .models import TestimonialPage


def search_experts(queryset, query="", expertise="", language="", region=""):
    """Narrow a queryset of role models by text and by validated expertise/language/region values.

    Text search is a plain, case-insensitive match on name, job, introduction, pull quote, expertise tags
    and the *active-language* names of her competence areas, so it behaves the same on SQLite and
    PostgreSQL, whatever search backend is configured.
    """
    if expertise:
        queryset = queryset.filter(
            Q(pk__in=TestimonialPage.objects.filter(competence_areas__slug=expertise).values("pk"))
            | Q(pk__in=TestimonialPage.objects.filter(tagged_items__tag__slug=expertise).values("pk"))
        )
    if language in site_language_codes():
        queryset = queryset.filter(languages__overlap=[language])
    if region:
        queryset = queryset.filter(region__slug=region)
    if query:
        term_slugs = [
            term.slug
            for term in localized_terms(CompetenceArea).values()
            if query.casefold() in term.name.casefold()
        ]
        text = (
            Q(title__icontains=query)
            | Q(job_title__icontains=query)
            | Q(introduction__icontains=query)
            | Q(pull_quote__icontains=query)
        )
        matching = TestimonialPage.objects.filter(
            Q(tagged_items__tag__name__icontains=query) | Q(competence_areas__slug__in=term_slugs)
        ).values("pk")
        queryset = queryset.filter(text | Q(pk__in=matching))
    return queryset


def suggest_speakers(
    competence_area_slugs: list[str], language_codes: list[str], limit: int = 5
) -> list[TestimonialPage]:
    """Live role models of the active locale, open to speaking or media, who match any of the competence
    areas (or expertise tags with those slugs) and speak any of the languages; best matches first.

    A fixed number of queries whatever the number of role models (one for the ranking, plus prefetches).
    """
    slugs = [slug for slug in competence_area_slugs or [] if slug]
    codes = [code for code in language_codes or [] if code in site_language_codes()]
    if not slugs or not codes or limit <= 0:
        return []
    locale = Locale.get_active()
    candidates = (
        public_pages(TestimonialPage.objects.filter(locale=locale))
        .filter(Q(open_to_speaking=True) | Q(open_to_media=True))
        .filter(languages__overlap=codes)
    )
    matching = TestimonialPage.objects.filter(
        Q(competence_areas__slug__in=slugs) | Q(tagged_items__tag__slug__in=slugs)
    ).values("pk")
    candidates = candidates.filter(pk__in=matching)
    language_score = sum(
        (
            Case(
                When(languages__overlap=[code], then=Value(1)), default=Value(0), output_field=IntegerField()
            )
            for code in codes
        ),
        Value(0),
    )
    ranked = (
        candidates.annotate(
            area_score=Count("competence_areas", filter=Q(competence_areas__slug__in=slugs), distinct=True),
            speaking_score=Case(
                When(open_to_speaking=True, then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
        )
        .annotate(language_score=language_score)
        .order_by("-area_score", "-language_score", "-speaking_score", "title", "pk")
        .select_related("employer", "region", "portrait")
    )
    return list(ranked[:limit])
