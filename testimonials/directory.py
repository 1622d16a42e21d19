"""The public API of the directory of women experts and speakers for other apps (the directory page itself
is testimonials.listing.ExpertDirectory).

`suggest_speakers()` is the contract the events app relies on to suggest women speakers for a panel.
"""

from django.db.models import Case, Count, IntegerField, Q, Value, When
from wagtail.models import Locale

from home.languages import language_codes as site_language_codes
from home.visibility import public_pages

from .models import TestimonialPage


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
