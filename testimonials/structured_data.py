"""schema.org metadata of role models."""

from home.localization import localized
from home.structured_data import rendition_or_none

DETAIL_PORTRAIT = "fill-480x480"


def person_json_ld(page, request, employer):
    """schema.org Person of a role model, as a dict (the page serialises it with home.structured_data.json_ld);
    `employer`: hers in the active language, as the page shows it."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": page.title,
        "jobTitle": page.job_title,
        "url": page.get_full_url(request),
        "description": page.get_meta_description(),
        "knowsLanguage": list(page.languages or []),
        "knowsAbout": [term.name for term in localized(page, "competence_areas")]
        + [tag.name for tag in page.expertise_tag_list()],
    }
    if employer:
        data["worksFor"] = {"@type": "Organization", "name": employer.name}
        if employer.website:
            data["worksFor"]["url"] = employer.website
    region = localized(page, "region")
    if region:
        data["workLocation"] = {"@type": "Place", "name": region.name}
    rendition = rendition_or_none(page.portrait if page.portrait_id else None, DETAIL_PORTRAIT)
    if rendition is not None:
        root = request.build_absolute_uri("/")[:-1] if request else ""
        data["image"] = rendition.url if rendition.url.startswith("http") else root + rendition.url
    return data
