"""schema.org metadata of events."""

from django.utils import timezone


def event_json_ld(page, request, organisers):
    """schema.org Event of an event page, as a dict (the page serialises it with home.structured_data.json_ld);
    `organisers`: in the active language, as the page shows them."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.introduction,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "url": page.get_full_url(request),
        "inLanguage": page.languages or [page.locale.language_code],
    }
    places = []
    if page.venue_name or page.address:
        places.append({"@type": "Place", "name": page.venue_name, "address": page.address})
    if page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    data["eventAttendanceMode"] = (
        "https://schema.org/MixedEventAttendanceMode"
        if len(places) > 1
        else "https://schema.org/OnlineEventAttendanceMode"
        if page.online_url
        else "https://schema.org/OfflineEventAttendanceMode"
    )
    organisers = [{"@type": "Organization", "name": o.name} for o in organisers]
    if page.organiser_name:
        organisers.append({"@type": "Organization", "name": page.organiser_name})
    if organisers:
        data["organizer"] = organisers
    performers = [{"@type": "Person", "name": s.display_name} for s in page.speaker_list()]
    if performers:
        data["performer"] = performers
    if page.registration_url:
        data["offers"] = {"@type": "Offer", "url": page.registration_url}
    return data
