"""Fast generation of realistic English events for performance work (`manage.py seed_benchmark --events N`).

Pages are inserted in bulk, the way trainings.benchmark does it: tree paths are computed as treebeard
does, Page rows are created with bulk_create, then the EventPage rows, speakers, exhibitors and
many-to-many links follow in bulk, and the index's child count is updated once. Search indexing is one
bulk pass at the end (optional).
"""

import random
import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home.benchmark import BATCH, finish, last_child_step, page_row
from home.models import CompetenceArea, Organisation, Region, TargetGroup

from .models import (
    EventIndexPage,
    EventKind,
    EventPage,
    EventPageExhibitor,
    EventPageSpeaker,
    Gender,
    SpeakerRole,
)

BRUSSELS = ZoneInfo("Europe/Brussels")

TITLES = {
    EventKind.JOB_DAY: ["Girls & Women in Digital job day", "Digital careers fair", "Tech recruitment day"],
    EventKind.PANEL: [
        "Women leading the digital transition",
        "Who builds our algorithms?",
        "Cybersecurity needs more women",
        "From classroom to code",
    ],
    EventKind.WORKSHOP: [
        "Online banking made safe",
        "Build your first website",
        "Spreadsheets for beginners",
        "Protect your smartphone",
    ],
    EventKind.INFO_SESSION: [
        "Retrain for a digital job",
        "Coding school open day",
        "Funding your digital training",
    ],
    EventKind.WEBINAR: ["Data literacy in one hour", "AI explained simply", "Returning to work in IT"],
}
KIND_WEIGHTS = {
    EventKind.JOB_DAY: 1,
    EventKind.PANEL: 3,
    EventKind.WORKSHOP: 3,
    EventKind.INFO_SESSION: 2,
    EventKind.WEBINAR: 2,
}
TOPIC_SLUGS = {
    EventKind.JOB_DAY: ["programming-web", "data-ai"],
    EventKind.PANEL: ["data-ai", "cybersecurity", "communication-collaboration"],
    EventKind.WORKSHOP: ["safety", "digital-content-creation", "information-data-literacy"],
    EventKind.INFO_SESSION: ["programming-web", "problem-solving"],
    EventKind.WEBINAR: ["data-ai", "information-data-literacy"],
}
CITIES = ["Brussels", "Ghent", "Antwerp", "Leuven", "Liège", "Namur", "Charleroi", "Eupen", "Mons", "Bruges"]
FIRST_NAMES = {
    Gender.WOMAN: [
        "Amira",
        "Sofie",
        "Nathalie",
        "Lena",
        "Fatima",
        "Claire",
        "Ines",
        "Julie",
        "Aylin",
        "Marie",
    ],
    Gender.MAN: ["Thomas", "Karim", "Pieter", "Lucas", "Jonas", "Marc", "Youssef", "David"],
    Gender.NON_BINARY: ["Sam", "Alex", "Robin"],
    Gender.NOT_STATED: ["Kim", "Charlie"],
}
SURNAMES = ["Peeters", "Janssens", "Dubois", "Lambert", "El Amrani", "Maes", "Schmitz", "Claes", "Renard"]
AFFILIATIONS = [
    "Developer, BeCode",
    "Data scientist, a Brussels bank",
    "Security engineer, a telecom operator",
    "Teacher, Interface3",
    "Founder, a software start-up",
    "Researcher, a Flemish university",
    "HR manager, a public employer",
]
LANGUAGE_SETS = [["en"], ["fr"], ["nl"], ["de"], ["fr", "nl"], ["en", "fr"], ["en", "nl"], ["fr", "de"]]
PROGRAMME = [
    ("09:00:00", "10:00:00", "Welcome and coffee"),
    ("10:00:00", "11:00:00", "Keynote: careers in digital"),
    ("11:00:00", "13:00:00", "Meet the employers"),
    ("14:00:00", "15:30:00", "CV check and mock interviews"),
]


def _speakers(rng, kind):
    if kind not in (EventKind.PANEL, EventKind.WEBINAR, EventKind.JOB_DAY):
        return []
    count = rng.randint(3, 5) if kind == EventKind.PANEL else rng.randint(1, 2)
    women_share = rng.choice([0.2, 0.5, 0.7])  # some panels fail the No Women No Panel rule
    people = []
    for position in range(count):
        gender = (
            Gender.WOMAN
            if rng.random() < women_share
            else rng.choice([Gender.MAN, Gender.MAN, Gender.NON_BINARY, Gender.NOT_STATED])
        )
        role = (
            SpeakerRole.MODERATOR
            if position == 0 and kind == EventKind.PANEL
            else SpeakerRole.KEYNOTE
            if kind != EventKind.PANEL
            else SpeakerRole.PANELLIST
        )
        name = f"{rng.choice(FIRST_NAMES[gender])} {rng.choice(SURNAMES)}"
        people.append((name, rng.choice(AFFILIATIONS), role, gender))
    return people


def seed(n, parent=None, index=True, seed_value=7):
    """Create `n` published English events under `parent` (the English events index by default)."""
    rng = random.Random(seed_value)
    if parent is None:
        parent = EventIndexPage.objects.filter(locale__language_code="en").first()
        if parent is None:
            raise ValueError("No English events index: load the demo content first.")
    english = parent.locale
    orgs = list(Organisation.objects.filter(locale=english))
    regions = list(Region.objects.filter(locale=english))
    audiences = list(TargetGroup.objects.filter(locale=english))
    areas = {t.slug: t for t in CompetenceArea.objects.filter(locale=english)}
    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now()
    today = timezone.localdate()
    kinds = list(KIND_WEIGHTS)
    weights = [KIND_WEIGHTS[k] for k in kinds]
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
                kind = rng.choices(kinds, weights)[0]
                city = rng.choice(CITIES)
                name = rng.choice(TITLES[kind])
                title = f"{name} in {city} ({run}-{number})"
                slug = f"benchmark-event-{run}-{number}"
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
                day = today + timedelta(days=rng.randint(-365, 365))
                hour = rng.choice([9, 10, 13, 14, 18])
                start = datetime.combine(day, time(hour, rng.choice([0, 30])), tzinfo=BRUSSELS)
                hours = 7 if kind == EventKind.JOB_DAY else rng.choice([1, 2, 3])
                online = kind == EventKind.WEBINAR or rng.random() < 0.15
                details.append(
                    {
                        "kind": kind,
                        "city": city,
                        "name": name,
                        "start": start,
                        "end": start + timedelta(hours=hours),
                        "online": online,
                        "region": None if kind == EventKind.WEBINAR else rng.choice(regions),
                        "languages": rng.choice(LANGUAGE_SETS),
                        "organisers": rng.sample(orgs, min(len(orgs), rng.randint(1, 2))),
                        "audiences": rng.sample(audiences, min(len(audiences), rng.randint(1, 3))),
                        "topics": [areas[s] for s in TOPIC_SLUGS[kind] if s in areas],
                        "speakers": _speakers(rng, kind),
                        "exhibitors": rng.sample(orgs, min(len(orgs), rng.randint(3, 8)))
                        if kind == EventKind.JOB_DAY
                        else [],
                    }
                )
            pages = Page.objects.bulk_create(pages)
            events = []
            for page, data in zip(pages, details, strict=True):
                kind, city = data["kind"], data["city"]
                event = EventPage(
                    page_ptr_id=page.pk,
                    introduction=f"{data['name']}: a {kind.label.lower()} in {city} for women and girls "
                    "who want to find their place in digital.",
                    kind=kind,
                    start=data["start"],
                    end=data["end"],
                    venue_name="" if kind == EventKind.WEBINAR else f"Community centre of {city}",
                    address="" if kind == EventKind.WEBINAR else f"Main street 1\n{city}, Belgium",
                    region=data["region"],
                    online_url="https://meet.example.org/" + page.slug if data["online"] else "",
                    organiser_name="",
                    languages=data["languages"],
                    registration_url="https://www.example.org/register/" + page.slug,
                    capacity_note=f"{rng.choice([20, 40, 80, 150])} places, free, registration required",
                    body=[
                        {
                            "type": "paragraph",
                            "value": f"<p>Join us in {city} to meet women who work in digital and "
                            "find out which trainings and jobs suit you.</p>",
                            "id": str(uuid.uuid4()),
                        }
                    ],
                    programme=[
                        {
                            "type": "item",
                            "value": {
                                "start_time": start_time,
                                "end_time": end_time,
                                "title": slot,
                                "room": "Main hall",
                                "speakers": "",
                            },
                            "id": str(uuid.uuid4()),
                        }
                        for start_time, end_time, slot in PROGRAMME
                    ]
                    if kind == EventKind.JOB_DAY
                    else [],
                )
                events.append(event)
            fields = list(EventPage._meta.local_concrete_fields)
            EventPage._base_manager._insert(events, fields=fields)
            speakers, exhibitors, organiser_links, audience_links, topic_links = [], [], [], [], []
            Organisers = EventPage.organisers.through  # noqa: N806
            Audiences = EventPage.audiences.through  # noqa: N806
            Topics = EventPage.topics.through  # noqa: N806
            for page, data in zip(pages, details, strict=True):
                speakers += [
                    EventPageSpeaker(
                        page_id=page.pk,
                        sort_order=order,
                        name=name,
                        affiliation=aff,
                        role=role,
                        gender=gender,
                    )
                    for order, (name, aff, role, gender) in enumerate(data["speakers"])
                ]
                exhibitors += [
                    EventPageExhibitor(
                        page_id=page.pk, sort_order=order, organisation=org, stand=f"A{order + 1}"
                    )
                    for order, org in enumerate(data["exhibitors"])
                ]
                organiser_links += [
                    Organisers(eventpage_id=page.pk, organisation_id=o.pk) for o in data["organisers"]
                ]
                audience_links += [
                    Audiences(eventpage_id=page.pk, targetgroup_id=a.pk) for a in data["audiences"]
                ]
                topic_links += [Topics(eventpage_id=page.pk, competencearea_id=a.pk) for a in data["topics"]]
            EventPageSpeaker.objects.bulk_create(speakers)
            EventPageExhibitor.objects.bulk_create(exhibitors)
            Organisers.objects.bulk_create(organiser_links)
            Audiences.objects.bulk_create(audience_links)
            Topics.objects.bulk_create(topic_links)
            created += [page.pk for page in pages]
        return finish(parent, created, EventPage.objects.all(), index)
