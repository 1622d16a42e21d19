"""Realistic English trainings for performance work (`manage.py seed_benchmark --trainings N`), built by
`TrainingPageFactory` and inserted in bulk by `home.benchmark.seed_pages` with their sessions and links."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from home.benchmark import english_index, in_locale, links, seed_pages, terms
from home.factories import FormatFactory, LevelFactory, RegionFactory
from home.languages import language_codes
from home.models import CompetenceArea, Format, Level, Organisation, Region, TargetGroup

from .factories import TrainingPageFactory, TrainingPageSessionFactory
from .models import Facility, TrainingCatalogPage, TrainingPage

TOPICS = [
    ("Web development", ["programming-web", "digital-content-creation"]),
    ("Data analysis with Python", ["data-ai", "information-data-literacy"]),
    ("Cybersecurity basics", ["cybersecurity", "safety"]),
    ("Digital marketing", ["digital-marketing", "communication-collaboration"]),
    ("Cloud administration", ["cloud-infrastructure"]),
    ("Graphic design", ["digital-media-graphics", "digital-content-creation"]),
    ("Office tools", ["communication-collaboration"]),
    ("Online safety", ["safety"]),
    ("Problem solving with spreadsheets", ["problem-solving", "information-data-literacy"]),
]
CITIES = ["Brussels", "Ghent", "Antwerp", "Leuven", "Liège", "Namur", "Charleroi", "Eupen", "Mons", "Bruges"]


def seed(n, catalogue=None, index=True, seed_value=1):
    """Create `n` published English trainings under `catalogue` (the English one by default); their ids."""
    rng = random.Random(seed_value)
    catalogue = catalogue or english_index(TrainingCatalogPage)
    english = catalogue.locale
    orgs, audiences, all_areas = in_locale(english, Organisation, TargetGroup, CompetenceArea)
    areas = {t.slug: t for t in all_areas}
    formats = terms(Format, FormatFactory, english)
    levels = terms(Level, LevelFactory, english)
    regions = terms(Region, RegionFactory, english)
    today = timezone.localdate()

    def describe(number, run):
        topic, topic_areas = rng.choice(TOPICS)
        city = rng.choice(CITIES)
        free = rng.random() < 0.6
        fields = {
            "title": f"{topic} in {city} ({run}-{number})",
            "slug": f"benchmark-{run}-{number}",
            "introduction": f"A practical {topic.lower()} course in {city} for women who want to work in digital.",
            "description": f"<p>Hands-on {topic.lower()} training with coaches from the sector.</p>",
            "provider": rng.choice(orgs) if orgs else None,
            "format": rng.choice(formats),
            "level": rng.choice(levels),
            "region": rng.choice(regions),
            "women_only": rng.random() < 0.3,
            "languages": rng.sample(language_codes(), rng.randint(1, 2)),
            "facilities": rng.sample(Facility.values, rng.randint(0, 3)),
            "is_free": free,
            "price": None if free else Decimal(rng.randrange(20, 900)),
            "duration": f"{rng.randint(1, 26)} weeks",
            "venue": f"{city}, Belgium",
        }
        sessions = sorted(rng.randint(-60, 300) for _ in range(rng.randint(0, 3)))
        page_areas = [areas[slug] for slug in topic_areas if slug in areas]
        page_audiences = rng.sample(audiences, min(2, len(audiences)))

        def related(page_id):
            return [
                *(
                    TrainingPageSessionFactory.build(
                        page_id=page_id,
                        sort_order=position,
                        start_date=today + timedelta(days=days),
                        location=fields["venue"],
                    )
                    for position, days in enumerate(sessions)
                ),
                *links(TrainingPage, "competence_areas", page_id, page_areas),
                *links(TrainingPage, "target_groups", page_id, page_audiences),
            ]

        return fields, related

    indexed = TrainingPage.objects.select_related("provider")
    return seed_pages(TrainingPageFactory, catalogue, n, describe, index=index, index_queryset=indexed)
