"""Events: the SQL queries of the event page and the listings do not grow with the amount of content.

Django keeps no pages and the results cache is off in test settings, so every request below does its real
work. Each test renders a page
with little content, then with much more (speakers, organisers, audiences, exhibitors, directory people,
more events on the page), and asserts the same number of queries: a per-item query fails it.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import override

from events.factories import events_index, make_event
from events.models import EventKind, EventPageExhibitor, EventPageSpeaker
from home.factories import TargetGroupFactory, translate
from home.models import Organisation, Region, TargetGroup
from tests.html import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def related(content):
    """What events link to, in every language: the organisations, and target groups beyond the vocabularies'
    (among them "parents")."""
    from home.factories import in_languages, translate

    content.organisations()
    for slug, names in {
        "parents": {"en": "Parents", "fr": "Parents", "nl": "Ouders", "de": "Eltern"},
        "teachers-educators": {"en": "Teachers", "fr": "Enseignants", "nl": "Leerkrachten", "de": "Lehrkräfte"},
        "career-changers": {"en": "Career changers", "fr": "En reconversion", "nl": "Zij-instromers",
                            "de": "Quereinsteigerinnen"},
    }.items():  # fmt: skip
        translate(TargetGroupFactory(slug=slug, name=names["en"]), in_languages(**names))
    return content


def enrich(event, *, speakers, organisers, audiences, exhibitors, people=()):
    """Give `event` the given numbers of related items, then publish it."""
    locale = event.locale
    orgs = list(Organisation.objects.filter(locale=locale)[: max(organisers, exhibitors)])
    assert len(orgs) >= max(organisers, exhibitors)
    event.speakers = [
        EventPageSpeaker(name=f"Speaker {n}", role="panellist", gender="woman", sort_order=n)
        for n in range(speakers)
    ] + [
        EventPageSpeaker(person=person, role="panellist", gender="woman", sort_order=100 + n)
        for n, person in enumerate(people)
    ]
    event.exhibitors = [
        EventPageExhibitor(organisation=org, stand=f"B{n}", sort_order=n)
        for n, org in enumerate(orgs[:exhibitors])
    ]
    event.organisers = orgs[:organisers]
    groups = sorted(TargetGroup.objects.filter(locale=locale), key=lambda term: term.slug != "parents")
    event.audiences = groups[:audiences]
    event.region = Region.objects.get(locale=locale, slug="brussels")
    event.save_revision().publish()
    return event


@pytest.mark.parametrize("language", ["en", "fr"])
def test_event_page_queries_do_not_grow_with_speakers_organisers_audiences_and_exhibitors(
    client, related, language
):
    index = events_index(language)
    english_people = related.role_models("en")[:4]
    translate(english_people[0])  # linked in the page's language
    small = make_event(index, title="Small job day", kind=EventKind.JOB_DAY)
    enrich(small, speakers=1, organisers=1, audiences=1, exhibitors=1, people=english_people[:1])
    large = make_event(index, title="Large job day", kind=EventKind.JOB_DAY)
    enrich(large, speakers=8, organisers=4, audiences=4, exhibitors=6, people=english_people)

    few, small_page = count_queries(client, small.url)
    many, large_page = count_queries(client, large.url)

    assert len(small_page.select("#speakers-heading + p + ul li")) == 2
    assert len(large_page.select("#speakers-heading + p + ul li")) == 12
    assert len(large_page.select("#exhibitors-heading + ul li")) == 6
    # directory people are linked in the page's language
    with override(language):
        expected = english_people[0].localized.url
    assert large_page.select_one(f'#speakers-heading + p + ul a[href="{expected}"]')
    assert many == few


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "webinar"},
        {"when": "past", "region": "brussels"},
        {"when": "upcoming", "language": "nl", "audience": "parents"},
    ],
)
@pytest.mark.usefixtures("related")
def test_listing_queries_do_not_grow_with_the_number_of_events(client, params):
    """4 events, then 12: the same queries."""
    index = events_index("en")
    past = params.get("when") == "past"

    def add_events(count, prefix):
        for number in range(count):
            days = -(30 + number) if past else 30 + number
            event = make_event(
                index,
                title=f"{prefix} {number:02d}",
                kind=EventKind(params.get("kind", "panel")),
                start=timezone.now() + timedelta(days=days),
                languages=["nl", "fr"],
            )
            enrich(event, speakers=3, organisers=2, audiences=3, exhibitors=0)

    add_events(4, "Aaa first")
    few, small_page = count_queries(client, index.url, params)
    add_events(8, "Aaa more")
    many, large_page = count_queries(client, index.url, params)

    assert len(small_page.select(".event-card")) == 4 and len(large_page.select(".event-card")) == 10
    assert large_page.select(".event-card .meta")
    assert many == few
