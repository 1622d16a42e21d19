"""The read API for partners (/api/v2/, home/api.py): what it shows of trainings, initiatives, events, experts
and the charter's signatories, its filters, the public-only rule and its cost."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventPage, EventPageSpeaker
from home.factories import publish
from testimonials.experts import pause
from testimonials.models import TestimonialPage
from tests.test_charter import COMMITMENT_KEYS, charter, demo_commitments, listed_signatory, png  # noqa: F401
from tests.test_public_only import restrict
from trainings.factories import TrainingPageFactory, TrainingPageSessionFactory
from trainings.models import (
    InitiativePageLink,
    InitiativePageOutcome,
    InitiativePageTimelineEntry,
    TrainingCatalogPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vocabularies")]

PAGES = "/api/v2/pages/"


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def items(client, url=PAGES, **params):
    return get(client, url, limit=50, **params)["items"]


def by_title(found):
    return {item["title"]: item for item in found}


def slugs(terms):
    return sorted(term["slug"] for term in terms)


def ids(terms):
    return sorted(term["id"] for term in terms)


def bad_request(client, url=PAGES, **params):
    response = client.get(url, params)
    assert response.status_code == 400, (response.status_code, response.content[:300])
    return response.json()["message"]


# -- what a partner gets, per type ------------------------------------------------------------------------
def test_a_training_comes_with_its_sessions_place_facets_price_and_provider(localhost_client, content):
    trainings = {page.title: page for page in content.trainings("en", providers=["becode"])}
    web = trainings["Web basics"]
    web.registration_url = "https://becode.example.org/register"
    web.venue = "Rue de la Loi 1, Brussels"
    web.save_revision().publish()
    TrainingPageSessionFactory(
        page=web,
        start_date=datetime.date(2027, 3, 1),
        end_date=datetime.date(2027, 3, 5),
        location="Antwerp",
    )
    found = by_title(items(localhost_client, type="trainings.TrainingPage", locale="en"))
    item = found["Web basics"]
    assert item["meta"]["html_url"].endswith(web.url)
    assert {"start_date": "2027-03-01", "end_date": "2027-03-05", "location": "Antwerp"} in item["sessions"]
    assert len(item["sessions"]) == 2
    assert item["region"]["slug"] == "flanders" and item["region"]["name"] == "Flanders"
    assert item["venue"] == "Rue de la Loi 1, Brussels"
    assert item["format"]["slug"] == "on-site" and item["level"]["slug"] == "basic"
    assert slugs(item["competence_areas"]) == ["programming-web"]
    assert slugs(item["target_groups"]) == ["women-jobseekers"]
    assert [language["id"] for language in item["languages"]] == ["nl", "fr"]
    assert [facility["id"] for facility in item["facilities"]] == ["wheelchair"]
    assert item["is_free"] is True and item["price"] is None and item["women_only"] is True
    assert item["registration_url"] == "https://becode.example.org/register"
    assert item["provider"]["name"] == "BeCode" and item["provider"]["slug"] == "becode"
    paid = found["Coding club"]
    assert paid["is_free"] is False and float(paid["price"]) == 250
    # the detail shows the same fields
    detail = get(localhost_client, f"{PAGES}{web.pk}/")
    assert detail["sessions"] == item["sessions"] and detail["provider"] == item["provider"]


def test_an_event_comes_with_dates_place_organisers_and_speakers_but_never_their_gender(
    localhost_client, content
):
    becode, agoria = content.organisation("becode"), content.organisation("agoria")
    role_models = {page.title: page for page in content.role_models("en")}
    amina, claire = role_models["Amina"], role_models["Claire"]
    restrict(claire, "password")  # her directory page is private: the event names her, links nowhere
    event = next(page for page in content.events("en") if page.kind == "panel" and not page.is_past())
    event.venue_name = "Mundo-B"
    event.address = "Rue d'Edimbourg 26, 1050 Ixelles"
    event.online_url = "https://stream.example.org/panel"
    event.registration_url = "https://tickets.example.org/panel"
    event.organiser_name = "Digital Wallonia"
    event.organisers.set([becode, agoria])
    event.save_revision().publish()
    for number, (person, name, role, gender) in enumerate(
        [
            (amina, "", "moderator", "woman"),
            (claire, "", "panellist", "woman"),
            (None, "Marc Dupont", "panellist", "man"),
        ]
    ):
        EventPageSpeaker.objects.create(
            page=event,
            person=person,
            name=name,
            role=role,
            gender=gender,
            affiliation=f"Affiliation {number}",
            sort_order=number,
        )
    response = localhost_client.get(PAGES, {"type": "events.EventPage", "locale": "en", "limit": 50})
    assert response.status_code == 200
    assert "gender" not in response.content.decode() and "woman" not in response.content.decode()
    assert claire.url not in response.content.decode()
    item = by_title(response.json()["items"])[event.title]
    assert item["kind"] == {"id": "panel", "name": "Panel or conference"}
    assert item["start"] and datetime.datetime.fromisoformat(item["start"]) == event.start
    assert datetime.datetime.fromisoformat(item["end"]) == event.end
    assert item["venue_name"] == "Mundo-B" and item["address"].startswith("Rue d'Edimbourg")
    assert item["online_url"] == "https://stream.example.org/panel"
    assert item["registration_url"] == "https://tickets.example.org/panel"
    assert item["region"]["slug"] == "brussels"
    assert sorted(org["name"] for org in item["organisers"]) == ["Agoria", "BeCode"]
    assert item["organiser_name"] == "Digital Wallonia"
    assert [language["id"] for language in item["languages"]] == ["fr"]
    assert item["speakers"] == [
        {
            "name": "Amina",
            "role": {"id": "moderator", "name": "Moderator"},
            "affiliation": "Affiliation 0",
            "profile": {"id": amina.pk, "title": "Amina", "html_url": amina.full_url},
        },
        {
            "name": "Claire",
            "role": {"id": "panellist", "name": "Panellist"},
            "affiliation": "Affiliation 1",
            "profile": None,
        },
        {
            "name": "Marc Dupont",
            "role": {"id": "panellist", "name": "Panellist"},
            "affiliation": "Affiliation 2",
            "profile": None,
        },
    ]
    # one woman panellist besides the moderator, two women of three: balanced at the default 40 %
    assert item["panel_balance"]["id"] == "balanced"


def test_an_initiative_comes_with_its_classification_organisations_timeline_outcomes_and_links(
    localhost_client, content
):
    initiative = content.initiatives("en", organisations=["becode", "agoria"])[0]
    InitiativePageTimelineEntry.objects.create(
        page=initiative, year=2024, status="implementation", description="Pilot", locale=initiative.locale
    )
    InitiativePageOutcome.objects.create(
        page=initiative, figure="1,200", label="women trained", locale=initiative.locale
    )
    InitiativePageLink.objects.create(
        page=initiative, title="Report", url="https://example.org/report", locale=initiative.locale
    )
    item = get(localhost_client, f"{PAGES}{initiative.pk}/")
    assert item["kind"] == {"id": "programme", "name": "Programme"}
    assert item["funding_type"]["id"] == "public"
    assert slugs(item["regions"]) == ["brussels", "flanders"]
    assert slugs(item["target_groups"]) == ["women-jobseekers"]
    assert slugs(item["strategic_objectives"]) == ["skills"]
    assert [org["slug"] for org in item["organisations"]] == ["becode", "agoria"]
    assert item["identifier"].startswith("BDT-I-")
    assert item["timeline"] == [
        {"year": 2024, "description": "Pilot", "status": {"id": "implementation", "name": "Implementation"}}
    ]
    assert item["outcomes"] == [{"figure": "1,200", "label": "women trained"}]
    assert item["links"] == [{"title": "Report", "url": "https://example.org/report"}]
    listed = by_title(items(localhost_client, type="trainings.InitiativePage", kind="programme"))
    assert listed[initiative.title]["organisations"] == item["organisations"]


# -- filters ----------------------------------------------------------------------------------------------
def titles(client, url=PAGES, **params):
    return sorted(item["title"] for item in items(client, url, **params))


def test_training_filters_by_facet_slug_or_id_and_by_session_date_combine(
    localhost_client, content, vocabularies
):
    content.trainings("en", providers=["becode"])
    content.trainings("fr")
    english = {"type": "trainings.TrainingPage", "locale": "en"}
    assert titles(localhost_client, **english, area="cybersecurity") == [
        "Cybersecurity for all",
        "Web security",
    ]
    cybersecurity_fr = vocabularies["cybersecurity"]["fr"].pk  # an id in another language means the same
    assert titles(localhost_client, **english, area=cybersecurity_fr) == titles(
        localhost_client, **english, area="cybersecurity"
    )
    # several values: OR; several facets: AND
    assert titles(localhost_client, **english, region="brussels,wallonia") == [
        "Coding club",
        "Cybersecurity for all",
        "Safe online",
    ]
    assert titles(localhost_client, **english, region=["brussels", "wallonia"], language="de") == [
        "Safe online"
    ]
    assert titles(localhost_client, **english, free="true", women_only="true", level="basic") == [
        "Cybersecurity for all",
        "Safe online",
        "Web basics",
    ]
    # a session starting in the range: from today + 5 days (inclusive) to today + 21 days (exclusive)
    today = timezone.localdate()
    window = {"start_after": (today + datetime.timedelta(days=5)).isoformat()}
    window["start_before"] = (today + datetime.timedelta(days=21)).isoformat()
    assert titles(localhost_client, **english, **window) == ["Coding club", "Web basics", "Web security"]
    assert titles(localhost_client, **english, **window, format="on-site", facility="hearing-loop") == [
        "Web security"
    ]
    # the same filters in French, with the French terms' ids
    french = {"type": "trainings.TrainingPage", "locale": "fr"}
    flanders_fr = vocabularies["flanders"]["fr"].pk
    assert titles(localhost_client, **french, region=flanders_fr, **window) == ["Web basics", "Web security"]


def test_event_filters_by_start_date_kind_region_and_audience(localhost_client, content):
    content.events("en")
    start = {page.title: page.start for page in EventPage.objects.filter(locale__language_code="en")}
    english = {"type": "events.EventPage", "locale": "en"}
    today = timezone.localdate()
    after = (today + datetime.timedelta(days=4)).isoformat()
    upcoming = titles(localhost_client, **english, start_after=after)
    assert upcoming == sorted(
        title for title, moment in start.items() if timezone.localtime(moment).date().isoformat() >= after
    )
    assert len(upcoming) == 3  # in 5, 10 and 20 days
    assert len(titles(localhost_client, **english, start_after=after, kind="workshop")) == 2
    assert (
        len(titles(localhost_client, **english, start_after=after, kind="workshop", region="flanders")) == 1
    )
    before = (today - datetime.timedelta(days=1)).isoformat()
    assert len(titles(localhost_client, **english, start_before=before)) == 4  # the past ones
    assert len(titles(localhost_client, **english, start_before=before, audience="teenage-girls")) == 2
    assert len(titles(localhost_client, **english, when="upcoming")) == 4


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"type": "events.EventPage", "start_after": "2026-13-01"}, ["start_after", "YYYY-MM-DD"]),
        ({"type": "events.EventPage", "start_before": "tomorrow"}, ["start_before", "YYYY-MM-DD"]),
        ({"type": "trainings.TrainingPage", "start_after": "1 Dec"}, ["start_after"]),
        ({"type": "events.EventPage", "region": "atlantis"}, ["unknown region", "brussels"]),
        ({"type": "events.EventPage", "region": "99999"}, ["unknown region id"]),
        ({"type": "events.EventPage", "kind": "party"}, ["unknown kind", "workshop"]),
        ({"type": "trainings.TrainingPage", "area": "brussels"}, ["unknown area"]),
        ({"type": "trainings.TrainingPage", "language": "xx"}, ["unknown language"]),
        ({"type": "trainings.TrainingPage", "free": "maybe"}, ["free", "true or false"]),
        ({"type": "trainings.TrainingPage", "colour": "red"}, ["colour"]),
        ({"type": "events.EventPage", "start": "soon"}, ["start"]),
        ({"type": "trainings.TrainingPage", "competence_areas": "web"}, ["competence_areas"]),
        ({"type": "trainings.TrainingPage", "price": "cheap"}, ["price"]),
        ({"region": "brussels"}, ["region"]),  # facets belong to a type
        ({"locale": "xx"}, ["unknown locale", "nl"]),
        ({"type": "nothing.Here"}, ["type"]),
    ],
)
def test_a_bad_filter_value_is_a_400_that_says_what_is_wrong(localhost_client, content, params, words):
    message = bad_request(localhost_client, **params)
    assert all(word in message for word in words), message


def test_dutch_pages_name_their_terms_and_organisations_in_dutch(localhost_client, content, vocabularies):
    content.trainings("nl", providers=["women-in-tech"])
    content.events("nl")
    # a Dutch training still linked to the English organisation and region shows them in Dutch
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="nl")
    mixed = publish(
        TrainingPageFactory(
            parent=catalogue,
            title="Gemengd",
            region=vocabularies["wallonia"]["en"],
            provider=content.organisation("women-in-tech", "en"),
        )
    )
    found = by_title(items(localhost_client, type="trainings.TrainingPage", locale="nl", region="wallonia"))
    assert found["Gemengd"]["region"]["name"] == vocabularies["wallonia"]["nl"].name != "Wallonia"
    assert found["Gemengd"]["provider"]["name"] == "Vrouwen in tech België"
    assert mixed.pk in {item["id"] for item in found.values()}
    web = found["Safe online"]
    assert web["meta"]["locale"] == "nl"
    assert [area["name"] for area in web["competence_areas"]] == [vocabularies["safety"]["nl"].name]
    assert {language["name"] for language in web["languages"]} == {"Duits", "Nederlands"}
    events = items(localhost_client, type="events.EventPage", locale="nl", kind="workshop")
    assert {event["kind"]["name"] for event in events} == {"Workshop"}
    assert {event["region"]["name"] for event in events} >= {"Vlaanderen"}


# -- only public pages ------------------------------------------------------------------------------------
def test_a_restricted_or_draft_training_is_in_no_result_count_or_detail(localhost_client, content):
    trainings = {page.title: page for page in content.trainings("en")}
    params = {"type": "trainings.TrainingPage", "locale": "en", "area": "cybersecurity"}
    before = get(localhost_client, PAGES, **params)["meta"]["total_count"]
    assert before == 2
    restricted, draft = trainings["Web security"], trainings["Cybersecurity for all"]
    restrict(restricted, "login")
    draft.unpublish()
    for query in (params, {**params, "start_after": "2000-01-01"}, {"type": "trainings.TrainingPage"}):
        answer = get(localhost_client, PAGES, limit=50, **query)
        listed = {item["id"] for item in answer["items"]}
        assert not listed & {restricted.pk, draft.pk}
    assert get(localhost_client, PAGES, **params)["meta"]["total_count"] == 0
    for page in (restricted, draft):
        assert localhost_client.get(f"{PAGES}{page.pk}/", follow=True).status_code == 404


def test_a_public_alias_does_not_name_its_private_original(localhost_client, general_pages):
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="en")
    original = StandardPage(title="Members only", slug="members-only", body=[])
    home.add_child(instance=original)
    original = publish(original)
    alias = original.create_alias(parent=home, update_slug="members-alias")
    restrict(original, "password")  # after the alias is made (Wagtail copies the restrictions to a new alias)
    response = localhost_client.get(f"{PAGES}{alias.pk}/", follow=True)
    assert response.status_code == 200
    raw = response.content.decode()
    assert json.loads(raw)["meta"]["alias_of"] is None
    assert f'"id": {original.pk},' not in raw and "/members-only/" not in raw


def test_experts_are_the_directory_s_public_role_models_without_any_address(localhost_client, content):
    role_models = {page.title: page for page in content.role_models("en")}
    TestimonialPage.objects.update(contact_email="her.own.address@example.org")
    directory = localhost_client.get(role_models["Amina"].get_parent().url + "experts/").content.decode()

    def listed_here():
        """The experts of this test the API lists (the session's `experts` may be there too)."""
        return [
            title
            for title in titles(localhost_client, "/api/v2/experts/", locale="en")
            if title in role_models
        ]

    listed = listed_here()
    # open to speaking or to media, as the directory lists them (Eva is open to neither)
    assert listed == ["Amina", "Claire", "Ines", "Lotte", "Nadia", "Sarah"]
    assert all(name in directory for name in listed)
    pause(role_models["Lotte"])  # a paused profile leaves the directory and the API
    restrict(role_models["Nadia"], "group")
    assert listed_here() == ["Amina", "Claire", "Ines", "Sarah"]
    raw = localhost_client.get("/api/v2/experts/", {"limit": 50, "fields": "*"}).content.decode()
    assert "@" not in raw and "contact_email" not in raw
    assert "Lotte" not in raw and "Nadia" not in raw
    detail = localhost_client.get(f"/api/v2/experts/{role_models['Amina'].pk}/").content.decode()
    assert "@" not in detail
    amina = json.loads(detail)
    assert amina["job_title"] == "Data analyst" and amina["sector"]["id"] == "software"
    assert amina["region"]["slug"] == "brussels" and slugs(amina["competence_areas"]) == [
        "cybersecurity",
        "programming-web",
    ]
    assert [language["id"] for language in amina["languages"]] == ["fr", "en"]
    assert amina["open_to_speaking"] is True and amina["open_to_media"] is False
    for gone in (role_models["Lotte"], role_models["Nadia"], role_models["Eva"]):
        assert localhost_client.get(f"/api/v2/experts/{gone.pk}/", follow=True).status_code == 404
    # the directory's facets, and no way to look an address up
    assert titles(localhost_client, "/api/v2/experts/", expertise="safety", language="fr") == [
        "Claire",
        "Ines",
    ]
    assert "contact_email" in bad_request(
        localhost_client, "/api/v2/experts/", contact_email="her.own.address@example.org"
    )
    assert "contact_email" in bad_request(
        localhost_client, type="testimonials.TestimonialPage", contact_email="x@example.org"
    )


def test_an_expert_s_portrait_is_a_public_rendition_with_its_text_alternative(
    localhost_client, content, portrait
):
    amina = next(page for page in content.role_models("en") if page.title == "Amina")
    amina.portrait = portrait
    amina.portrait_alt_text = "Amina smiling at her desk"
    amina.save_revision().publish()
    item = by_title(items(localhost_client, "/api/v2/experts/"))["Amina"]
    assert item["portrait"]["alt"] == "Amina smiling at her desk"
    assert item["portrait"]["width"] == 320 and item["portrait"]["url"].startswith("http://localhost/")


# -- the charter's signatories ----------------------------------------------------------------------------
def test_signatories_are_the_listed_ones_without_contact_person_or_address(
    localhost_client,
    charter,  # noqa: F811 - the fixture of tests/test_charter.py
    content,
):
    from home.models import Signatory

    organisation = content.organisation("women-in-tech")
    listed = listed_signatory(charter, 1, organisation)
    listed.region = content.term("brussels", "en")
    listed.sector = "civil_society"
    listed.logo.save("logo.png", ContentFile(png(120, 60)), save=False)
    listed.logo_alt = "Women in Tech Belgium"
    listed.save()
    listed_signatory(charter, 2)
    for number, status in enumerate(["unconfirmed", "to_review", "rejected", "withdrawn"], start=3):
        Signatory.objects.filter(pk=listed_signatory(charter, number).pk).update(status=status)
    response = localhost_client.get("/api/v2/signatories/", {"locale": "nl"})
    raw = response.content.decode()
    assert response.status_code == 200
    assert "@" not in raw and "Contact" not in raw and "contact" not in raw
    answer = response.json()
    assert answer["meta"]["total_count"] == 2
    assert [item["organisation_name"] for item in answer["items"]] == ["Organisation 1", "Organisation 2"]
    first = answer["items"][0]
    titles_nl = demo_commitments()
    assert first["commitments"] == [{"id": key, "name": titles_nl[key]["nl"]} for key in COMMITMENT_KEYS]
    assert first["sector"]["id"] == "civil_society"
    assert first["region"] == {
        "id": content.term("brussels", "nl").pk,
        "slug": "brussels",
        "name": content.term("brussels", "nl").name,
    }
    assert first["organisation"]["name"] == "Vrouwen in tech België"
    assert first["statement"] == "Statement 1"
    assert first["logo"]["alt"] == "Women in Tech Belgium" and first["logo"]["width"] == 120
    assert first["logo"]["url"] == "http://localhost" + listed.logo.url
    assert answer["items"][1]["logo"] is None
    assert first["signed_on"] == timezone.localdate().isoformat()
    # the charter listing's facets
    assert [
        item["organisation_name"]
        for item in items(localhost_client, "/api/v2/signatories/", region="brussels")
    ] == ["Organisation 1"]
    assert (
        items(localhost_client, "/api/v2/signatories/", sector="private")[0]["organisation_name"]
        == "Organisation 2"
    )
    assert "unknown sector" in bad_request(localhost_client, "/api/v2/signatories/", sector="army")
    assert "email" in bad_request(localhost_client, "/api/v2/signatories/", email="contact1@example.org")
    assert "unknown locale" in bad_request(localhost_client, "/api/v2/signatories/", locale="es")
    hidden = Signatory.objects.exclude(status="approved").values_list("pk", flat=True)
    for pk in hidden:
        assert localhost_client.get(f"/api/v2/signatories/{pk}/", follow=True).status_code == 404
    # what the public charter page lists, and nothing once no charter page is public
    page = localhost_client.get(charter["en"].url).content.decode()
    assert "Organisation 1" in page and "Organisation 3" not in page
    for translation in charter.values():
        translation.unpublish()
    assert get(localhost_client, "/api/v2/signatories/")["meta"]["total_count"] == 0


# -- cost -------------------------------------------------------------------------------------------------
def api_queries(client, url, **params):
    """Queries of the second request (the first warms the caches) and its answer."""
    assert client.get(url, params).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response.json()


def add_events(content, number):
    from events.factories import EventPageFactory
    from events.models import EventIndexPage

    index = EventIndexPage.objects.get(locale__language_code="en")
    people = list(TestimonialPage.objects.filter(locale__language_code="en"))
    organisers = [content.organisation("becode"), content.organisation("women-in-tech", "fr")]
    for position in range(number):
        event = content.add(
            EventPageFactory,
            index,
            {"organisers": organisers, "audiences": [content.term("teenage-girls", "en")]},
            region=content.term("brussels", "en"),
            languages=["fr"],
        )
        EventPageSpeaker.objects.create(page=event, person=people[position % len(people)], role="panellist")
        EventPageSpeaker.objects.create(page=event, name="Someone", role="moderator", gender="man")


@pytest.mark.parametrize("kind", ["trainings", "events", "experts"])
def test_a_page_of_results_costs_the_same_queries_for_5_or_50_items(
    localhost_client, content, django_assert_max_num_queries, kind
):
    content.role_models("en")
    url, params = PAGES, {"locale": "en", "limit": 50, "fields": "*"}
    if kind == "trainings":
        params["type"] = "trainings.TrainingPage"
        grow = lambda number: content.seed_trainings(number)  # noqa: E731
    elif kind == "events":
        params["type"] = "events.EventPage"
        grow = lambda number: add_events(content, number)  # noqa: E731
    else:
        url = "/api/v2/experts/"
        grow = lambda number: content.role_models("en")  # noqa: E731  (six experts more each time)
    grow(5)
    few, answer = api_queries(localhost_client, url, **params)
    assert len(answer["items"]) >= 5
    while get(localhost_client, url, **params)["meta"]["total_count"] < 50:
        grow(45 if kind != "experts" else 6)
    many, answer = api_queries(localhost_client, url, **params)
    assert len(answer["items"]) == 50
    assert many == few, (few, many)
    with django_assert_max_num_queries(few):
        assert localhost_client.get(url, params).status_code == 200


def test_a_search_combines_with_the_facets_and_dates(localhost_client, content):
    content.trainings("en")
    english = {"type": "trainings.TrainingPage", "locale": "en", "search": "web"}
    assert titles(localhost_client, **english) == ["Web basics", "Web development bootcamp", "Web security"]
    assert titles(localhost_client, **english, free="1", region="flanders") == ["Web basics", "Web security"]
    later = (timezone.localdate() + datetime.timedelta(days=15)).isoformat()
    assert titles(localhost_client, **english, start_after=later) == ["Web basics"]


HOSTILE = [
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "-1",
    "99999999999999999999",
    "1e309",
    "A" * 5000,
    "%00",
    ",",
]


@pytest.mark.parametrize("payload", HOSTILE, ids=lambda payload: payload[:12])
def test_every_parameter_of_every_endpoint_survives_hostile_values(localhost_client, content, payload):
    from bdt_site.api import PagesAPIViewSet
    from home.api import SignatoriesAPIViewSet
    from testimonials.api import ExpertsAPIViewSet

    content.one_of_each(["en"])
    targets = [
        (PAGES, {"type": api.model._meta.label}, PagesAPIViewSet, api.model) for api in PagesAPIViewSet.apis
    ]
    targets += [
        ("/api/v2/experts/", {}, ExpertsAPIViewSet, TestimonialPage),
        ("/api/v2/signatories/", {}, SignatoriesAPIViewSet, SignatoriesAPIViewSet.model),
    ]
    for url, base, viewset, model in targets:
        names = set(viewset.parameters_of(model)) | set(
            viewset.get_available_fields(model, db_fields_only=True)
        )
        names |= {"locale", "fields", "order", "limit", "offset"}
        for name in sorted(names):
            response = localhost_client.get(url, {**base, name: payload})
            assert response.status_code in (200, 400, 404), (url, name, response.status_code)
            if response.status_code == 400:
                assert response.json()["message"]
