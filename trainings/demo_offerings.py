"""The trainings step of the demo loader: the catalogue's trainings, one page per offering of a course.

`trainings/demo/trainings.json` describes each course once (title, summary, description, level…) and each
offering in a table (course, provider, city, format, languages, price, sessions…); `pages` combines them
into the page specs of `home.demo.DemoLoader`. An offering's title is "<course> – <provider>, <city>" in each
language and its slug the slugified title; each session starts `starts_in_days` days after the day the demo
is loaded (negative: before) and lasts `days` days.
"""

from django.utils.text import slugify

from home.demo import LANGUAGES, Text
from home.models import Organisation


def pages(spec):
    """Page specs of the trainings in `spec` (the `$generate` entry of the data file)."""
    organisations = {org.slug: org for org in Organisation.objects.filter(locale__language_code="en")}
    specs = []
    for number, offering in enumerate(spec["offerings"], start=1):
        course = spec["courses"][offering["course"]]
        city = spec["cities"][offering["city"]]
        provider = organisations[offering["provider"]]
        title = Text(
            *(
                f"{course['title'].get(code)} – {provider.name}, {city['name'].get(code)}"
                for code in LANGUAGES
            )
        )
        price = offering["price"]
        specs.append(
            {
                "model": "trainings.TrainingPage",
                "slug": Text(*(slugify(title.get(code))[:80] for code in LANGUAGES)),
                "fields": {
                    "title": title,
                    "introduction": course["summary"],
                    "description": {"$paragraphs": [course["description"]]},
                    "provider": {"$snippet": "home.Organisation", "slug": provider.slug},
                    "format": {"$snippet": "home.Format", "slug": offering["format"]},
                    "level": {"$snippet": "home.Level", "slug": course["level"]},
                    "competence_areas": {
                        "$snippets": "home.CompetenceArea",
                        "slugs": course["competence_areas"],
                    },
                    "target_groups": {"$snippets": "home.TargetGroup", "slugs": offering["target_groups"]},
                    "women_only": offering["women_only"],
                    "languages": offering["languages"],
                    "region": {"$snippet": "home.Region", "slug": city["region"]},
                    "venue": city["venue"],
                    "is_free": price is None,
                    "price": None if price is None else {"$decimal": price},
                    "duration": course["duration"],
                    "certification": course["certification"],
                    "registration_url": provider.website,
                    "facilities": offering["facilities"],
                    "external_reference": f"demo-{number:03d}",
                    "sessions": {
                        "$rows": "trainings.TrainingPageSession",
                        "items": [
                            {
                                "start_date": {"$date": session["starts_in_days"]},
                                "end_date": {"$date": session["starts_in_days"] + session["days"]},
                                "location": city["venue"] or "Online",
                            }
                            for session in offering["sessions"]
                        ],
                    },
                },
            }
        )
    return specs
