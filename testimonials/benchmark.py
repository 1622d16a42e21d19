"""Realistic English role models for performance work (`manage.py seed_benchmark --role-models N`), built
by `TestimonialPageFactory` and inserted in bulk by `home.benchmark.seed_pages` with their career steps, tags
and links. Portraits reuse the demo role models' images."""

import datetime
import random
import uuid

from taggit.models import Tag

from home.benchmark import english_index, in_locale, links, seed_pages
from home.languages import language_codes
from home.models import CompetenceArea, Organisation, Region, TargetGroup

from .factories import TestimonialPageFactory
from .models import (
    Sector,
    TestimonialIndexPage,
    TestimonialPage,
    TestimonialPageCareerStep,
    TestimonialPageTag,
)

FIRST_NAMES = [
    "Amira", "Sofie", "Nathalie", "Lena", "Fatima", "Claire", "Ines", "Julie", "Aylin", "Marie", "Hanne",
    "Leila", "Elise", "Anke", "Salma", "Camille", "Eva", "Nora", "Yasmine", "Charlotte",
]  # fmt: skip
SURNAMES = [
    "Peeters", "Janssens", "Dubois", "Lambert", "El Amrani", "Maes", "Schmitz", "Claes", "Renard",
    "Mertens", "Willems", "Leclercq", "Kaya", "Goossens", "Diallo", "Hoffmann",
]  # fmt: skip
JOBS = {
    Sector.SOFTWARE: ["Full-stack developer", "Product owner", "Software architect"],
    Sector.TELECOM: ["Network engineer", "Cloud administrator"],
    Sector.FINANCE: ["Data scientist", "IT risk manager"],
    Sector.PUBLIC: ["Digital transformation officer", "Web accessibility expert"],
    Sector.HEALTH: ["Health data analyst", "Clinical systems engineer"],
    Sector.INDUSTRY: ["Automation engineer", "Supply-chain data analyst"],
    Sector.EDUCATION: ["Computer science teacher", "Researcher in artificial intelligence"],
    Sector.MEDIA: ["UX designer", "Digital journalist"],
    Sector.RETAIL: ["E-commerce manager", "Digital marketing specialist"],
    Sector.NON_PROFIT: ["Digital inclusion coach", "Community manager"],
}
PREVIOUS_ROLES = [
    "Secondary school teacher", "Accountant", "Nurse", "Helpdesk technician", "Coding bootcamp learner",
    "Student in applied computer science", "Shop manager", "Administrative assistant",
]  # fmt: skip
TAGS = ["python", "accessibility", "cloud", "machine-learning", "ux", "security", "agile", "open-data"]
QUOTES = [
    "I learned to code at forty, and it changed my life.",
    "Nobody asked me whether I was good at maths; they asked whether I was curious.",
    "Digital jobs need people who listen, not only people who type fast.",
    "My first bug fix felt like winning a race.",
    "There is room for every kind of woman in tech.",
]


def seed(n, parent=None, index=True, seed_value=11):
    """Create `n` published English role models under `parent` (the English role-model index by default);
    their ids."""
    rng = random.Random(seed_value)
    codes = language_codes()
    parent = parent or english_index(TestimonialIndexPage)
    english = parent.locale
    employers, regions, groups, areas = in_locale(english, Organisation, Region, TargetGroup, CompetenceArea)
    portraits = list(
        TestimonialPage.objects.filter(locale=english)
        .exclude(portrait=None)
        .values_list("portrait_id", flat=True)
        .distinct()
    )
    tags = [
        Tag.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ")})[0] for slug in TAGS
    ]
    sectors = list(Sector)

    def describe(number, run):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        slug = f"benchmark-role-model-{run}-{number}"
        sector = rng.choice(sectors)
        job = rng.choice(JOBS[sector])
        portrait = rng.choice(portraits) if portraits and rng.random() < 0.8 else None
        speaking, media = rng.random() < 0.5, rng.random() < 0.3
        fields = {
            "title": f"{name} ({run}-{number})",
            "slug": slug,
            "introduction": f"{name} works as {job.lower()} and tells how she found her way into a digital job.",
            "portrait_id": portrait,
            "portrait_alt_text": f"Illustrated portrait of {name}" if portrait else "",
            "job_title": job,
            "employer": rng.choice(employers) if employers else None,
            "sector": sector,
            "region": rng.choice(regions) if regions else None,
            "pull_quote": "",
            "story": [
                {
                    "type": "paragraph",
                    "value": f"<p>{name} did not plan a career in digital. A training and a mentor showed "
                    "her the way.</p>",
                    "id": str(uuid.uuid4()),
                }
            ],
            "consent_date": datetime.date(2024, rng.randint(1, 12), rng.randint(1, 28)),
            "open_to_mentoring": rng.random() < 0.5,
            "open_to_speaking": speaking,
            "open_to_media": media,
            "languages": sorted(rng.sample(codes, rng.randint(1, 3)), key=codes.index),
            "contact_email": f"{slug}@example.org" if speaking or media else "",
        }
        page_areas = rng.sample(areas, min(len(areas), rng.randint(1, 3)))
        page_groups = rng.sample(groups, min(len(groups), rng.randint(0, 2)))
        page_tags = rng.sample(tags, rng.randint(0, 3))
        years = sorted(rng.sample(range(1995, 2025), rng.randint(1, 4)))
        roles = [rng.choice(PREVIOUS_ROLES) for _year in years[:-1]] + [job]
        fields["pull_quote"] = rng.choice(QUOTES)

        def related(page_id):
            return [
                *(
                    TestimonialPageCareerStep(
                        page_id=page_id,
                        sort_order=order,
                        year=year,
                        role=role,
                        organisation="",
                        locale=english,
                        translation_key=uuid.uuid4(),
                    )
                    for order, (year, role) in enumerate(zip(years, roles, strict=True))
                ),
                *(TestimonialPageTag(content_object_id=page_id, tag=tag) for tag in page_tags),
                *links(TestimonialPage, "competence_areas", page_id, page_areas),
                *links(TestimonialPage, "target_groups", page_id, page_groups),
            ]

        return fields, related

    indexed = TestimonialPage.objects.prefetch_related("expertise_tags")
    return seed_pages(TestimonialPageFactory, parent, n, describe, index=index, index_queryset=indexed)
