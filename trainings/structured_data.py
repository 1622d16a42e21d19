"""schema.org metadata for search engines, serialised safely for a <script> element."""

from home.localization import localized
from home.structured_data import json_ld

_UNSET = object()


def course_json_ld(page, request=None, *, provider=_UNSET, sessions=None, course_format=None):
    """The page's Course; the detail view passes what it has already loaded (provider in the active
    language, sessions, format) so nothing is queried twice."""
    if provider is _UNSET:
        provider = localized(page, "provider")
    if sessions is None:
        sessions = list(page.sessions.all())
    slug = (course_format or page.format).slug
    mode = {"on-site": "Onsite", "online": "Online", "blended": "Blended"}.get(slug, "Onsite")
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": page.title,
        "description": page.introduction or page.title,
        "url": page.get_full_url(request),
        "inLanguage": list(page.languages),
        "isAccessibleForFree": bool(page.is_free),
    }
    if provider:
        data["provider"] = {"@type": "Organization", "name": provider.name}
        if provider.website:
            data["provider"]["sameAs"] = provider.website
    if page.certification:
        data["educationalCredentialAwarded"] = page.certification
    if not page.is_free and page.price is not None:
        data["offers"] = {
            "@type": "Offer",
            "price": str(page.price),
            "priceCurrency": "EUR",
            "category": "Paid",
        }
    instances = []
    for session in sessions:
        instance = {
            "@type": "CourseInstance",
            "courseMode": mode,
            "startDate": session.start_date.isoformat(),
        }
        if session.end_date:
            instance["endDate"] = session.end_date.isoformat()
        if session.location:
            instance["location"] = {"@type": "Place", "name": session.location}
        if page.duration:
            instance["courseWorkload"] = page.duration
        instances.append(instance)
    if not instances:
        instances.append({"@type": "CourseInstance", "courseMode": mode})
    data["hasCourseInstance"] = instances
    return json_ld(data)
