"""schema.org metadata of events."""

from django.utils import timezone

from home.structured_data import rendition_or_none

# The image blocks' own rendition (home/blocks/image.html), made when the page is published.
IMAGE_SPEC = "width-800"


def event_json_ld(page, request, organisers, region=None):
    """schema.org Event of an event page, as a dict (the page serialises it with home.structured_data.json_ld):
    with the image of its first image block, its venue's postal address and, when it takes registrations, an
    offer; `organisers` and `region` in the active language, as the page shows them."""
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
    rendition = rendition_or_none(first_image(page.body), IMAGE_SPEC)
    if rendition is not None:
        data["image"] = [request.build_absolute_uri(rendition.url)]
    places = []
    if page.venue_name or page.address:
        address = {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(line.strip() for line in page.address.splitlines() if line.strip()),
            "addressCountry": "BE",
        }
        if region:
            address["addressRegion"] = region.name
        places.append(
            {"@type": "Place", "name": page.venue_name or address["streetAddress"], "address": address}
        )
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
    if page.registration_url and not page.is_past():
        data["offers"] = {
            "@type": "Offer",
            "url": page.registration_url,
            "availability": "https://schema.org/InStock",
        }
    return data


def first_image(stream):
    """The image of the first image block of a StreamField value, or None."""
    return next((child.value["image"] for child in stream if child.block_type == "image"), None)
