"""Fast generation of realistic English role models for performance work
(`manage.py seed_benchmark --role-models N`).

Pages are inserted in bulk, the way trainings.benchmark does it: tree paths are computed as treebeard
does, Page rows are created with bulk_create, then the TestimonialPage rows, career steps, expertise tags
and many-to-many links follow in bulk, and the index's child count is updated once. Portraits reuse the
demo role models' images. Search indexing is one bulk pass at the end (optional).
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from home.benchmark import BATCH, finish, last_child_step, page_row
from home.languages import language_codes
from home.models import CompetenceArea, Organisation, Region, TargetGroup

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
    """Create `n` published English role models under `parent` (the English role-model index by default)."""
    rng = random.Random(seed_value)
    codes = language_codes()
    if parent is None:
        parent = TestimonialIndexPage.objects.filter(locale__language_code="en").first()
        if parent is None:
            raise ValueError("No English role-model index: load the demo content first.")
    english = parent.locale
    employers = list(Organisation.objects.filter(locale=english))
    regions = list(Region.objects.filter(locale=english))
    groups = list(TargetGroup.objects.filter(locale=english))
    areas = list(CompetenceArea.objects.filter(locale=english))
    portraits = list(
        TestimonialPage.objects.filter(locale=english)
        .exclude(portrait=None)
        .values_list("portrait_id", flat=True)
        .distinct()
    )
    tags = [
        Tag.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ")})[0] for slug in TAGS
    ]
    content_type = ContentType.objects.get_for_model(TestimonialPage)
    now = timezone.now()
    sectors = list(Sector)
    created = []
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        step = last_child_step(parent)
        run = uuid.uuid4().hex[:6]
        for batch_start in range(0, n, BATCH):
            count = min(BATCH, n - batch_start)
            pages, details = [], []
            for offset in range(count):
                number = batch_start + offset + 1
                step += 1
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
                title = f"{name} ({run}-{number})"
                slug = f"benchmark-role-model-{run}-{number}"
                pages.append(
                    page_row(
                        parent,
                        step,
                        title=title,
                        slug=slug,
                        content_type=content_type,
                        locale=english,
                        published_at=now,
                    )
                )
                sector = rng.choice(sectors)
                speaking, media = rng.random() < 0.5, rng.random() < 0.3
                details.append(
                    {
                        "name": name,
                        "sector": sector,
                        "job": rng.choice(JOBS[sector]),
                        "portrait": rng.choice(portraits) if portraits and rng.random() < 0.8 else None,
                        "employer": rng.choice(employers) if employers else None,
                        "region": rng.choice(regions) if regions else None,
                        "areas": rng.sample(areas, min(len(areas), rng.randint(1, 3))),
                        "groups": rng.sample(groups, min(len(groups), rng.randint(0, 2))),
                        "languages": sorted(rng.sample(codes, rng.randint(1, 3)), key=codes.index),
                        "mentoring": rng.random() < 0.5,
                        "speaking": speaking,
                        "media": media,
                        "tags": rng.sample(tags, rng.randint(0, 3)),
                        "steps": sorted(rng.sample(range(1995, 2025), rng.randint(1, 4))),
                    }
                )
            pages = Page.objects.bulk_create(pages)
            role_models = []
            for page, data in zip(pages, details, strict=True):
                role_models.append(
                    TestimonialPage(
                        page_ptr_id=page.pk,
                        introduction=f"{data['name']} works as {data['job'].lower()} and tells how she found "
                        "her way into a digital job.",
                        portrait_id=data["portrait"],
                        portrait_alt_text=f"Illustrated portrait of {data['name']}"
                        if data["portrait"]
                        else "",
                        job_title=data["job"],
                        employer=data["employer"],
                        sector=data["sector"],
                        region=data["region"],
                        pull_quote=rng.choice(QUOTES),
                        story=[
                            {
                                "type": "paragraph",
                                "value": f"<p>{data['name']} did not plan a career in digital. A training "
                                "and a mentor showed her the way.</p>",
                                "id": str(uuid.uuid4()),
                            }
                        ],
                        consent_date=datetime.date(2024, rng.randint(1, 12), rng.randint(1, 28)),
                        open_to_mentoring=data["mentoring"],
                        open_to_speaking=data["speaking"],
                        open_to_media=data["media"],
                        languages=data["languages"],
                        contact_email=f"{page.slug}@example.org" if data["speaking"] or data["media"] else "",
                    )
                )
            fields = list(TestimonialPage._meta.local_concrete_fields)
            TestimonialPage._base_manager._insert(role_models, fields=fields)
            steps, tag_links, area_links, group_links = [], [], [], []
            Areas = TestimonialPage.competence_areas.through  # noqa: N806
            Groups = TestimonialPage.target_groups.through  # noqa: N806
            for page, data in zip(pages, details, strict=True):
                steps += [
                    TestimonialPageCareerStep(
                        page_id=page.pk,
                        sort_order=order,
                        year=year,
                        role=data["job"] if order == len(data["steps"]) - 1 else rng.choice(PREVIOUS_ROLES),
                        organisation="",
                        locale=english,
                        translation_key=uuid.uuid4(),
                    )
                    for order, year in enumerate(data["steps"])
                ]
                tag_links += [TestimonialPageTag(content_object_id=page.pk, tag=tag) for tag in data["tags"]]
                area_links += [
                    Areas(testimonialpage_id=page.pk, competencearea_id=a.pk) for a in data["areas"]
                ]
                group_links += [
                    Groups(testimonialpage_id=page.pk, targetgroup_id=g.pk) for g in data["groups"]
                ]
            TestimonialPageCareerStep.objects.bulk_create(steps)
            TestimonialPageTag.objects.bulk_create(tag_links)
            Areas.objects.bulk_create(area_links)
            Groups.objects.bulk_create(group_links)
            created += [page.pk for page in pages]
        return finish(parent, created, TestimonialPage.objects.prefetch_related("expertise_tags"), index)
