"""Realistic English events for performance work (`manage.py seed_benchmark --events N`), built by
`EventPageFactory` and inserted in bulk by `home.benchmark.seed_pages` with their speakers, exhibitors and
links."""

import random
import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone

from home.benchmark import english_index, in_locale, links, seed_pages
from home.models import CompetenceArea, Organisation, Region, TargetGroup

from .factories import BRUSSELS, EventPageFactory
from .models import (
    EventIndexPage,
    EventKind,
    EventPage,
    EventPageExhibitor,
    EventPageSpeaker,
    Gender,
    SpeakerRole,
)

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
    """Create `n` published English events under `parent` (the English events index by default); their ids."""
    rng = random.Random(seed_value)
    parent = parent or english_index(EventIndexPage)
    orgs, regions, audiences, all_areas = in_locale(
        parent.locale, Organisation, Region, TargetGroup, CompetenceArea
    )
    areas = {t.slug: t for t in all_areas}
    today = timezone.localdate()
    kinds = list(KIND_WEIGHTS)
    weights = [KIND_WEIGHTS[k] for k in kinds]

    def describe(number, run):
        kind = rng.choices(kinds, weights)[0]
        city = rng.choice(CITIES)
        name = rng.choice(TITLES[kind])
        slug = f"benchmark-event-{run}-{number}"
        day = today + timedelta(days=rng.randint(-365, 365))
        hour = rng.choice([9, 10, 13, 14, 18])
        start = datetime.combine(day, time(hour, rng.choice([0, 30])), tzinfo=BRUSSELS)
        hours = 7 if kind == EventKind.JOB_DAY else rng.choice([1, 2, 3])
        online = kind == EventKind.WEBINAR or rng.random() < 0.15
        webinar = kind == EventKind.WEBINAR
        fields = {
            "title": f"{name} in {city} ({run}-{number})",
            "slug": slug,
            "introduction": f"{name}: a {kind.label.lower()} in {city} for women and girls who want to find "
            "their place in digital.",
            "kind": kind,
            "start": start,
            "end": start + timedelta(hours=hours),
            "venue_name": "" if webinar else f"Community centre of {city}",
            "address": "" if webinar else f"Main street 1\n{city}, Belgium",
            "region": None if webinar else rng.choice(regions) if regions else None,
            "online_url": "https://meet.example.org/" + slug if online else "",
            "languages": rng.choice(LANGUAGE_SETS),
            "registration_url": "https://www.example.org/register/" + slug,
            "capacity_note": f"{rng.choice([20, 40, 80, 150])} places, free, registration required",
            "body": [
                {
                    "type": "paragraph",
                    "value": f"<p>Join us in {city} to meet women who work in digital and find out which "
                    "trainings and jobs suit you.</p>",
                    "id": str(uuid.uuid4()),
                }
            ],
            "programme": [
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
        }
        organisers = rng.sample(orgs, min(len(orgs), rng.randint(1, 2)))
        page_audiences = rng.sample(audiences, min(len(audiences), rng.randint(1, 3)))
        topics = [areas[s] for s in TOPIC_SLUGS[kind] if s in areas]
        speakers = _speakers(rng, kind)
        exhibitors = rng.sample(orgs, min(len(orgs), rng.randint(3, 8))) if kind == EventKind.JOB_DAY else []

        def related(page_id):
            return [
                *(
                    EventPageSpeaker(
                        page_id=page_id,
                        locale=parent.locale,  # a translatable orderable: in its page's language
                        sort_order=order,
                        name=name,
                        affiliation=aff,
                        role=role,
                        gender=gender,
                    )
                    for order, (name, aff, role, gender) in enumerate(speakers)
                ),
                *(
                    EventPageExhibitor(
                        page_id=page_id, sort_order=order, organisation=org, stand=f"A{order + 1}"
                    )
                    for order, org in enumerate(exhibitors)
                ),
                *links(EventPage, "organisers", page_id, organisers),
                *links(EventPage, "audiences", page_id, page_audiences),
                *links(EventPage, "topics", page_id, topics),
            ]

        return fields, related

    return seed_pages(EventPageFactory, parent, n, describe, index=index)
