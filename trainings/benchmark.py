"""Fast generation of realistic English trainings for performance work (`manage.py seed_benchmark`).

Pages are inserted in bulk: tree paths are computed the way treebeard does, Page rows are created with
bulk_create, the TrainingPage rows, sessions and many-to-many links follow in bulk, and the catalogue's
child count is updated once. Search indexing is deferred to one bulk pass at the end (optional).
"""

import random
import uuid
from datetime import timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home.benchmark import BATCH, finish, last_child_step, page_row
from home.languages import language_codes
from home.models import CompetenceArea, Format, Level, Organisation, Region, TargetGroup

from .models import Facility, TrainingCatalogPage, TrainingPage, TrainingPageSession

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
    """Create `n` published English trainings under `catalogue` (the English one by default)."""
    rng = random.Random(seed_value)
    if catalogue is None:
        catalogue = TrainingCatalogPage.objects.filter(locale__language_code="en").first()
        if catalogue is None:
            raise ValueError("No English training catalogue: load the demo content first.")
    english = catalogue.locale
    orgs = list(Organisation.objects.filter(locale=english))
    formats = list(Format.objects.filter(locale=english))
    levels = list(Level.objects.filter(locale=english))
    regions = list(Region.objects.filter(locale=english))
    areas = {t.slug: t for t in CompetenceArea.objects.filter(locale=english)}
    audiences = list(TargetGroup.objects.filter(locale=english))
    content_type = ContentType.objects.get_for_model(TrainingPage)
    now = timezone.now()
    today = timezone.localdate()
    created = []
    with transaction.atomic():
        catalogue = Page.objects.select_for_update().get(pk=catalogue.pk)
        step = last_child_step(catalogue)
        run = uuid.uuid4().hex[:6]
        for start in range(0, n, BATCH):
            count = min(BATCH, n - start)
            pages, details = [], []
            for offset in range(count):
                number = start + offset + 1
                step += 1
                topic, topic_areas = rng.choice(TOPICS)
                city = rng.choice(CITIES)
                title = f"{topic} in {city} ({run}-{number})"
                slug = f"benchmark-{run}-{number}"
                pages.append(
                    page_row(
                        catalogue,
                        step,
                        title=title,
                        slug=slug,
                        content_type=content_type,
                        locale=english,
                        published_at=now,
                    )
                )
                free = rng.random() < 0.6
                details.append(
                    {
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
                        "areas": [areas[slug] for slug in topic_areas if slug in areas],
                        "audiences": rng.sample(audiences, min(2, len(audiences))),
                        "sessions": [rng.randint(-60, 300) for _ in range(rng.randint(0, 3))],
                        "city": city,
                    }
                )
            pages = Page.objects.bulk_create(pages)
            trainings = []
            for page, data in zip(pages, details, strict=True):
                training = TrainingPage(page_ptr_id=page.pk)
                for name in (
                    "introduction", "description", "provider", "format", "level", "region", "women_only",
                    "languages", "facilities", "is_free", "price", "duration", "venue",
                ):  # fmt: skip
                    setattr(training, name, data[name])
                training.external_reference = ""
                training.registration_url = ""
                training.certification = ""
                trainings.append(training)
            fields = list(TrainingPage._meta.local_concrete_fields)
            TrainingPage._base_manager._insert(trainings, fields=fields)
            sessions, area_links, audience_links = [], [], []
            Areas = TrainingPage.competence_areas.through  # noqa: N806
            Audiences = TrainingPage.target_groups.through  # noqa: N806
            for page, data in zip(pages, details, strict=True):
                for position, days in enumerate(sorted(data["sessions"])):
                    sessions.append(
                        TrainingPageSession(
                            page_id=page.pk,
                            sort_order=position,
                            start_date=today + timedelta(days=days),
                            end_date=today + timedelta(days=days + 30),
                            location=data["venue"],
                        )
                    )
                area_links += [Areas(trainingpage_id=page.pk, competencearea_id=a.pk) for a in data["areas"]]
                audience_links += [
                    Audiences(trainingpage_id=page.pk, targetgroup_id=a.pk) for a in data["audiences"]
                ]
            TrainingPageSession.objects.bulk_create(sessions)
            Areas.objects.bulk_create(area_links)
            Audiences.objects.bulk_create(audience_links)
            created += [page.pk for page in pages]
        return finish(catalogue, created, TrainingPage.objects.select_related("provider"), index)
