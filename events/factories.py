"""Factories for tests and the benchmark seeder: the events index, events (with speakers) and event
submissions. Pages take the locale of their `parent`: `EventPageFactory(parent=index, title="Job day")`;
`make_event()` creates one through the editor's path (a published revision) with its speakers."""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from events.models import EventIndexPage, EventKind, EventPage, EventPageSpeaker, EventSubmission
from home.factories import IndexPageFactory, LivePageFactory

BRUSSELS = ZoneInfo("Europe/Brussels")


def local(year, month, day, hour=0, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


def events_index(language_code="en"):
    return EventIndexPage.objects.get(locale__language_code=language_code)


class EventIndexPageFactory(IndexPageFactory):
    title = "Events"
    slug = "events"
    introduction = "Job days, debates, workshops and webinars across Belgium."
    submission_introduction = "Organising an event for women and girls in digital? Tell us about it."

    class Meta:
        model = EventIndexPage


class EventPageFactory(LivePageFactory):
    """An event in three days, two hours long."""

    title = factory.Sequence(lambda n: f"Event {n:04d}")
    slug = factory.LazyAttribute(lambda event: f"{slugify(event.title) or 'event'}-{uuid.uuid4().hex[:6]}")
    kind = EventKind.PANEL
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))

    class Meta:
        model = EventPage


class EventSubmissionFactory(DjangoModelFactory):
    language = "en"
    organisation = "Interface3"
    contact_name = "Nadia Benali"
    contact_email = "nadia@example.org"
    event_title = factory.Sequence(lambda n: f"Submitted event {n:04d}")

    class Meta:
        model = EventSubmission


def make_event(index=None, *, title="Test event", speakers=(), publish=True, owner=None, **fields):
    """Create an event page under `index` (the English events index by default) as an editor does: saved with a
    revision, published unless `publish` is false; `speakers` are (name, role, gender) tuples."""
    index = index or events_index()
    page = EventPageFactory.build(title=title, locale=index.locale, owner=owner, live=publish, **fields)
    page.speakers = [
        EventPageSpeaker(name=name, role=role, gender=gender, sort_order=order)
        for order, (name, role, gender) in enumerate(speakers)
    ]
    index.add_child(instance=page)
    revision = page.save_revision(user=owner)
    if publish:
        revision.publish()
    return EventPage.objects.get(pk=page.pk)


MEN_AND_A_WOMAN_MODERATOR = [
    ("Moderator Woman", "moderator", "woman"),
    ("Man One", "panellist", "man"),
    ("Man Two", "panellist", "man"),
    ("Man Three", "panellist", "man"),
    ("Man Four", "keynote", "man"),
]
