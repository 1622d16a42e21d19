"""Trainings and initiatives: SQL queries (their facet counts are checked with every listing's in
test_listing.py).

Django keeps no pages and the results cache is off in test settings, so every request does its real work; the first request of a URL
warms the caches (site, vocabularies, locales) and the second one is counted. "Page-specific" queries are
those beyond what a plain page at the same depth of the same language costs (site, locale, routing, view
restrictions, menus): the catalogue and the repository may make at most 9, a training or an initiative at
most 7. Pages are measured with little content and with much more, and must make the same number of
queries: a query per training, card, organisation, term or session fails these tests.
"""

from datetime import date

import pytest

from home.factories import CompetenceAreaFactory, TargetGroupFactory
from home.models import CompetenceArea, Organisation, StandardPage, TargetGroup
from tests import html
from tests.html import cards, result_count
from trainings.factories import TrainingPageFactory, TrainingPageSessionFactory
from trainings.models import (
    InitiativeIndexPage,
    InitiativePage,
    InitiativePageOrganisation,
    InitiativePageTimelineEntry,
    TrainingCatalogPage,
    TrainingPage,
    TrainingPageSession,
)

pytestmark = pytest.mark.django_db

LISTING_BUDGET = 9
DETAIL_BUDGET = 7
TOTAL_BUDGET = 15  # issue 7: any uncached page


def count_queries(client, url, params=None):
    """Queries of the second request and its HTML."""
    return html.count_queries(client, url, params, parse=html.text)


def chrome_queries(client, language, depth):
    """Queries of a plain page of `language` at `depth` (each level below the home page adds two: the child
    by slug, then its specific page)."""
    reference = StandardPage.objects.live().filter(locale__language_code=language, depth=3).first()
    assert reference is not None
    count, _html = count_queries(client, reference.url)
    return count + 2 * (depth - 3)


# -- catalogue and repository -------------------------------------------------------------------------

# Each gives a non-empty page with 60 trainings, most of them partly filled, so that a query per card shows
# up as soon as more trainings fill the page.
CATALOGUE_URLS = [
    "",
    "free=1&women_only=1&page=2",
    "area=programming-web&level=basic",
    "audience=women-jobseekers&language=en",
    "format=online&upcoming=1",
    "facility=childcare&sort=newest",
    "q=web&region=brussels",
    "q=web&sort=soonest",
]


@pytest.mark.usefixtures("general_pages")
def test_catalogue_queries_do_not_grow_with_the_number_of_trainings(localhost_client, content):
    """60 trainings, then 180: the same queries."""
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="en")
    content.trainings("en", providers=["becode", "agoria"])
    content.seed_trainings(54)
    chrome = chrome_queries(localhost_client, "en", catalogue.depth)
    before = {}
    for params in CATALOGUE_URLS:
        before[params] = count_queries(localhost_client, f"{catalogue.url}?{params}")
        assert cards(before[params][1]) > 0, params  # a non-empty page of results
    assert result_count(before[""][1]) == 60

    content.seed_trainings(120)
    for params in CATALOGUE_URLS:
        queries, html = count_queries(localhost_client, f"{catalogue.url}?{params}")
        assert queries == before[params][0], params
        assert queries - chrome <= LISTING_BUDGET, params
        assert queries <= TOTAL_BUDGET, params
        if not params.startswith("q="):
            assert cards(html) >= cards(before[params][1]), params
    _queries, html = count_queries(localhost_client, catalogue.url)
    assert result_count(html) == 180 and cards(html) == catalogue.per_page


@pytest.mark.usefixtures("general_pages")
@pytest.mark.parametrize("language", ["en", "fr", "nl", "de"])
def test_catalogue_with_every_kind_of_facet_makes_at_most_9_page_queries(localhost_client, content, language):
    content.trainings(language, providers=["becode", "agoria"])
    content.seed_trainings(60, language)
    catalogue = TrainingCatalogPage.objects.get(locale__language_code=language)
    matching = content.add(  # one that every kind of facet below keeps
        TrainingPageFactory,
        catalogue,
        {"competence_areas": [content.term("programming-web", language)]},
        title="Digital skills for everyone",
        level=content.term("basic", language),
        languages=[language],
        is_free=True,
    )
    TrainingPageSessionFactory(page=matching)
    chrome = chrome_queries(localhost_client, language, catalogue.depth)
    every_kind = {
        "area": "programming-web",  # many-to-many
        "level": "basic",  # foreign key
        "language": language,  # choice set
        "free": "1",  # flag
        "upcoming": "1",  # sessions
    }
    for params in ({}, every_kind, {**every_kind, "q": "digital", "sort": "newest"}, {"q": "web"}):
        queries, html = count_queries(localhost_client, catalogue.url, params)
        assert queries - chrome <= LISTING_BUDGET, params
        assert queries <= TOTAL_BUDGET, params
        assert cards(html) > 0, params  # trainings shown, with their terms, providers and sessions


@pytest.mark.usefixtures("general_pages")
def test_initiatives_repository_queries_stay_within_budget(localhost_client, content):
    """5 initiatives, then 15 with more organisations each: the same queries, within the budget."""
    index = InitiativeIndexPage.objects.get(locale__language_code="nl")
    content.initiatives("nl", organisations=["becode"])
    chrome = chrome_queries(localhost_client, "nl", index.depth)
    searches = (
        {},
        {"audience": "women-jobseekers", "region": "brussels", "kind": "programme"},
        {"q": "digital"},
    )
    before = {}
    for params in searches:
        queries, html = count_queries(localhost_client, index.url, params)
        assert cards(html) > 0, params
        assert queries - chrome <= LISTING_BUDGET, params
        assert queries <= TOTAL_BUDGET, params
        before[str(params)] = queries
    content.initiatives("nl", organisations=["becode", "agoria"])
    content.initiatives("nl", organisations=["vdab"])
    for params in searches:
        queries, _html = count_queries(localhost_client, index.url, params)
        assert queries == before[str(params)], params
    # more organisations on the cards cost nothing more
    few, html = count_queries(localhost_client, index.url)
    assert cards(html) == index.per_page
    organisations = [content.organisation(slug, "nl") for slug in content.organisations()]
    for initiative in InitiativePage.objects.live().filter(locale__language_code="nl"):
        for position, organisation in enumerate(organisations):
            InitiativePageOrganisation.objects.get_or_create(
                page=initiative, organisation=organisation, defaults={"sort_order": 100 + position}
            )
    many, html = count_queries(localhost_client, index.url)
    assert many == few


# -- detail pages -------------------------------------------------------------------------------------


def _enrich_training(training, areas, audiences, sessions):
    # translations link to the English terms, as wagtail-localize keeps them synchronised
    training.competence_areas = list(CompetenceArea.objects.filter(locale__language_code="en")[:areas])
    training.target_groups = list(TargetGroup.objects.filter(locale__language_code="en")[:audiences])
    training.sessions = [
        TrainingPageSession(start_date=date(2030, 1 + n, 1), location=f"Room {n}") for n in range(sessions)
    ]
    training.save_revision().publish()
    return training


@pytest.mark.usefixtures("general_pages")
@pytest.mark.parametrize("language", ["en", "fr"])
def test_training_page_makes_at_most_7_page_queries_whatever_it_links_to(localhost_client, content, language):
    CompetenceAreaFactory.create_batch(3)
    TargetGroupFactory.create_batch(3)
    trainings = content.trainings(language, providers=["becode"])[:2]
    small = _enrich_training(trainings[0], areas=1, audiences=1, sessions=1)
    large = _enrich_training(trainings[1], areas=5, audiences=5, sessions=6)
    chrome = chrome_queries(localhost_client, language, small.depth)
    few, small_html = count_queries(localhost_client, small.url)
    many, large_html = count_queries(localhost_client, large.url)
    assert many == few
    assert few - chrome <= DETAIL_BUDGET
    assert large_html.count('<li><time datetime="2030-') == 6
    assert large_html.count('class="tag"') > small_html.count('class="tag"')


@pytest.mark.usefixtures("general_pages")
def test_initiative_page_makes_at_most_7_page_queries_whatever_it_links_to(localhost_client, content):
    initiatives = content.initiatives("fr")[:2]
    organisations = [
        content.organisation(slug) for slug in content.organisations()
    ]  # the last one's name is translated
    for initiative, count in zip(initiatives, (1, 6), strict=True):
        InitiativePageOrganisation.objects.filter(page=initiative).delete()
        for position, organisation in enumerate(organisations[:count]):
            InitiativePageOrganisation.objects.create(
                page=initiative, organisation=organisation, sort_order=position
            )
        InitiativePageTimelineEntry.objects.filter(page=initiative).delete()
        for year in range(count):
            InitiativePageTimelineEntry.objects.create(
                page=initiative, year=2015 + year, status="implementation"
            )
    chrome = chrome_queries(localhost_client, "fr", initiatives[0].depth)
    few, small_html = count_queries(localhost_client, initiatives[0].url)
    many, large_html = count_queries(localhost_client, initiatives[1].url)
    assert many == few
    assert few - chrome <= DETAIL_BUDGET
    # the organisations are shown in French, linked to their catalogue section
    french = Organisation.objects.get(
        locale__language_code="fr", translation_key=organisations[5].translation_key
    )
    assert french.name != organisations[5].name
    assert french.name in large_html and f"/organisations/{french.slug}/" in large_html


# -- organisation section -----------------------------------------------------------------------------


def test_organisation_section_is_paginated_with_bounded_queries(localhost_client, content):
    content.trainings("en", providers=["becode", "agoria"])
    url = "/en/trainings/organisations/becode/"
    before, html = count_queries(localhost_client, url)
    assert cards(html) == 3
    becode = content.organisation("becode")
    created = content.seed_trainings(60)
    TrainingPage.objects.filter(pk__in=created).update(provider=becode)
    after, html = count_queries(localhost_client, url)
    assert after == before
    assert html.count('class="card training-card"') == 24
    assert 'rel="next"' in html and "trainings-page=2" in html
    _queries, second = count_queries(localhost_client, url, {"trainings-page": "2"})
    assert 0 < second.count('class="card training-card"') <= 24
    for bad in ("0", "abc", "99999"):
        assert localhost_client.get(url, {"trainings-page": bad}).status_code == 200


def test_preview_shows_the_links_being_edited(content):
    """Detail pages read their links with one query, except in a preview, which shows the unsaved ones."""
    training = content.trainings("en")[0]
    unsaved = CompetenceArea.objects.filter(locale__language_code="en").exclude(
        pk__in=training.competence_areas.values("pk")
    )[0]
    training.competence_areas = [unsaved]
    training.sessions = [TrainingPageSession(start_date=date(2031, 5, 4), location="Preview room")]
    html = training.make_preview_request().content.decode()
    assert unsaved.name in html and "Preview room" in html
