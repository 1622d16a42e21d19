"""Helpers for tests: build event pages under an events index."""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.text import slugify

from events.models import EventIndexPage, EventPage, EventPageSpeaker

BRUSSELS = ZoneInfo("Europe/Brussels")


def local(year, month, day, hour=0, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


def events_index(language_code="en"):
    return EventIndexPage.objects.get(locale__language_code=language_code)


def make_event(index=None, *, title="Test event", speakers=(), publish=True, owner=None, **fields):
    """Create (and publish) an event page; `speakers` are (name, role, gender) tuples."""
    index = index or events_index()
    start = fields.pop("start", timezone.now() + timedelta(days=3))
    end = fields.pop("end", start + timedelta(hours=2))
    slug = fields.pop("slug", f"{slugify(title) or 'event'}-{uuid.uuid4().hex[:6]}")
    page = EventPage(title=title, slug=slug, start=start, end=end, locale=index.locale, owner=owner, **fields)
    page.speakers = [
        EventPageSpeaker(name=name, role=role, gender=gender, sort_order=order)
        for order, (name, role, gender) in enumerate(speakers)
    ]
    if not publish:
        page.live = False
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
