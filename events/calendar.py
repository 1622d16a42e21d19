"""iCalendar (RFC 5545) export: one file per event and a feed of the upcoming events of a language."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vUri

PRODID = "-//Be Digital Together//Events//EN"


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add_component(Timezone.from_tzid(settings.TIME_ZONE))
    return calendar


def _vevent(page, request, stamp):
    zone = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", f"{page.translation_key}-{page.locale.language_code}@bedigitaltogether.be")
    event.add("dtstamp", stamp)
    event.add("dtstart", page.start.astimezone(zone))
    event.add("dtend", page.end.astimezone(zone))
    event.add("summary", page.title)
    if page.introduction:
        event.add("description", page.introduction)
    location = ", ".join(part for part in [page.venue_name, page.address.replace("\n", ", ")] if part)
    if location or page.online_url:
        event.add("location", location or page.online_url)
    url = page.get_full_url(request)
    if url:
        event.add("url", vUri(url))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(UTC))
    return event


def _response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_response(request, page):
    calendar = _calendar(page.title)
    calendar.add_component(_vevent(page, request, datetime.now(UTC)))
    return _response(calendar, f"{page.slug[:60] or 'event'}.ics")


def feed_response(request, index):
    stamp = datetime.now(UTC)
    calendar = _calendar(index.title)
    for page in index.upcoming_events(timezone.now())[:200]:
        calendar.add_component(_vevent(page, request, stamp))
    return _response(calendar, f"events-{index.locale.language_code}.ics")
