"""Events: pages, time zones, No Women No Panel balance, listings, calendars and feeds."""

import json
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Site

from events.factories import MEN_AND_A_WOMAN_MODERATOR, EventPageFactory, events_index, local, make_event
from events.models import BalanceLevel, EventKind, EventSettings, compute_balance
from home.factories import RegionFactory, TargetGroupFactory
from tests.html import soup

pytestmark = pytest.mark.django_db


def set_balanced_share(value):
    settings = EventSettings.for_site(Site.objects.get(is_default_site=True))
    settings.balanced_share_of_women = value
    settings.save()


# -- time zones ---------------------------------------------------------------------------------------
def test_start_across_the_daylight_saving_change_is_stored_in_utc_and_shown_in_local_time(client):
    index = events_index("de")
    before = make_event(
        index, title="Vor der Zeitumstellung", start=local(2026, 10, 24, 10), end=local(2026, 10, 24, 12)
    )
    after = make_event(
        index, title="Nach der Zeitumstellung", start=local(2026, 10, 25, 10), end=local(2026, 10, 25, 12)
    )

    before.refresh_from_db()
    after.refresh_from_db()
    assert before.start.astimezone(UTC) == datetime(2026, 10, 24, 8, 0, tzinfo=UTC)  # CEST, UTC+2
    assert after.start.astimezone(UTC) == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)  # CET, UTC+1

    page = soup(client.get(after.url))
    shown = page.select_one(".event-facts time")
    assert "25. Oktober 2026" in shown.text and "10:00" in shown.text
    assert shown["datetime"] == "2026-10-25T10:00:00+01:00"
    assert "10:00" in soup(client.get(before.url)).select_one(".event-facts time").text


def test_ics_opens_at_the_right_local_time(client):
    event = make_event(title="DST workshop", start=local(2026, 10, 25, 10), end=local(2026, 10, 25, 12, 30))
    response = client.get(event.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["UID"] and vevent["DTSTAMP"]
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    start = vevent.decoded("DTSTART")
    assert (start.hour, start.minute) == (10, 0)
    assert start.astimezone(UTC) == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
    assert vevent.decoded("DTEND").astimezone(UTC) == datetime(2026, 10, 25, 11, 30, tzinfo=UTC)
    assert str(vevent["SUMMARY"]) == "DST workshop"
    assert "BEGIN:VTIMEZONE" in response.content.decode()


def test_ics_feed_per_locale_lists_only_upcoming_events_of_that_language(client):
    index = events_index("fr")
    make_event(index, title="Atelier : l'IA expliquée simplement")
    make_event(index, title="Job Day numérique de Namur", start=timezone.now() - timedelta(days=30))
    make_event(events_index("en"), title="Workshop: AI explained simply")
    response = client.get(index.url + "ics/")
    calendar = Calendar.from_ical(response.content)
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    upcoming = set(index.upcoming_events().values_list("title", flat=True))
    assert summaries == upcoming and summaries
    assert "Atelier : l'IA expliquée simplement" in summaries
    assert "Job Day numérique de Namur" not in summaries  # past
    assert "Workshop: AI explained simply" not in summaries  # English
    assert len({str(event["UID"]) for event in calendar.walk("VEVENT")}) == len(summaries)


def test_pages_link_their_calendar_and_feed_with_rel_alternate(client):
    index = events_index("nl")
    make_event(index, title="Workshop veilig online bankieren")
    page = soup(client.get(index.url))
    assert page.select_one('link[rel=alternate][type="text/calendar"]')["href"] == index.url + "ics/"
    assert page.select_one('link[rel=alternate][type="application/atom+xml"]')["href"] == index.url + "feed/"
    event = index.upcoming_events().first()
    event_page = soup(client.get(event.url))
    assert event_page.select_one('link[rel=alternate][type="text/calendar"]')["href"] == event.url + "ics/"


def test_atom_feed_in_german(client):
    index = events_index("de")
    make_event(index, title="Frauen und KI: Wer baut die Algorithmen?")
    make_event(index, title="Digitaler Jobtag in Lüttich", start=timezone.now() - timedelta(days=30))
    response = client.get(index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(response.content)
    entry_titles = [entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")]
    assert "Frauen und KI: Wer baut die Algorithmen?" in entry_titles
    assert "Digitaler Jobtag in Lüttich" not in entry_titles
    assert "Veranstaltungen" in feed.find(f"{atom}title").text


def test_schema_org_event_data(client):
    event = make_event(
        events_index("fr"),
        title="Femmes et IA : qui construit les algorithmes ?",
        venue_name="BeCentral",
        address="Cantersteen 10\n1000 Bruxelles",
        speakers=[
            ("Amina El Idrissi", "moderator", "woman"),
            ("Claire Dubois", "panellist", "woman"),
            ("Karim Haddad", "panellist", "man"),
            ("Sam Peeters", "panellist", "non_binary"),
        ],
    )
    page = soup(client.get(event.url))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["name"] == "Femmes et IA : qui construit les algorithmes ?"
    assert data["startDate"].endswith(("+01:00", "+02:00"))
    assert data["location"]["@type"] == "Place"
    assert len(data["performer"]) == 4


def test_schema_org_json_cannot_close_the_script_tag(client):
    event = make_event(title="</script><script>alert(1)</script>")
    html = client.get(event.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert "\\u003c/script\\u003e" in html


# -- No Women No Panel ----------------------------------------------------------------------------------
def test_four_men_and_a_woman_moderator_earn_no_badge(client):
    event = make_event(title="Unbalanced panel", kind=EventKind.PANEL, speakers=MEN_AND_A_WOMAN_MODERATOR)
    page = soup(client.get(event.url))
    assert "No Women No Panel" not in page.select_one(".page-header").text
    assert page.select_one(".panel-balance").text.strip() == "1 of 5 speakers is a woman"


def test_balanced_panel_earns_the_badge_and_shows_the_balance_in_french(client):
    event = make_event(
        events_index("fr"),
        title="Femmes et IA : qui construit les algorithmes ?",
        kind=EventKind.PANEL,
        speakers=[
            ("Amina El Idrissi", "moderator", "woman"),
            ("Claire Dubois", "panellist", "woman"),
            ("Julia Weber", "panellist", "woman"),
            ("Karim Haddad", "panellist", "man"),
        ],
    )
    page = soup(client.get(event.url))
    assert "No Women No Panel" in page.select_one(".page-header").text
    assert page.select_one(".panel-balance").text.strip() == "3 intervenants sur 4 sont des femmes"


def test_three_levels_fails_minimum_and_gender_balanced_from_the_sites_share():
    quarter = [
        {"role": "moderator", "gender": "man"},
        {"role": "panellist", "gender": "woman"},
        {"role": "panellist", "gender": "man"},
        {"role": "panellist", "gender": "man"},
    ]
    assert compute_balance(quarter, 40).level == BalanceLevel.MINIMUM  # one woman of four: the minimum only
    assert compute_balance(quarter, 25).level == BalanceLevel.BALANCED
    only_moderator = [{"role": "moderator", "gender": "woman"}, {"role": "panellist", "gender": "man"}]
    assert compute_balance(only_moderator, 0).level == BalanceLevel.FAILS
    assert compute_balance([], 40).level == BalanceLevel.FAILS


def test_a_panel_of_four_with_one_woman_meets_the_minimum_and_is_not_called_balanced(client):
    event = make_event(
        events_index("nl"),
        title="Kwart panel",
        kind=EventKind.PANEL,
        speakers=[
            ("A", "moderator", "man"),
            ("B", "panellist", "woman"),
            ("C", "panellist", "man"),
            ("D", "panellist", "man"),
        ],
    )
    header = soup(client.get(event.url)).select_one(".page-header").text
    assert "No Women No Panel: minimum gehaald" in header and "genderevenwichtig" not in header
    set_balanced_share(25)
    header = soup(client.get(event.url)).select_one(".page-header").text
    assert "No Women No Panel: genderevenwichtig" in header


def test_panel_balance_report_lists_the_worst_panel_first(client, django_user_model):
    make_event(
        title="Careers in cybersecurity: a debate", kind=EventKind.PANEL, speakers=MEN_AND_A_WOMAN_MODERATOR
    )
    make_event(
        title="Women in AI: who builds the algorithms?",
        kind=EventKind.PANEL,
        speakers=[
            ("Amina", "moderator", "woman"),
            ("Claire", "panellist", "woman"),
            ("Karim", "panellist", "man"),
        ],
    )
    worst = make_event(
        title="Worst panel of all",
        kind=EventKind.PANEL,
        start=timezone.now() + timedelta(days=2),
        speakers=MEN_AND_A_WOMAN_MODERATOR + [("Man Five", "panellist", "man")],
    )
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/reports/panel-balance/")
    assert response.status_code == 200
    rows = soup(response).select("tbody tr")
    assert worst.title in rows[0].text
    assert "Fails the rule" in rows[0].text
    verdicts = {title: row.text for row in rows for title in ("Careers", "Women in AI") if title in row.text}
    assert "Gender-balanced" in verdicts["Women in AI"]  # two women of three
    texts = [row.text for row in rows]
    failing = next(i for i, t in enumerate(texts) if "Careers in cybersecurity: a debate" in t)
    balanced = next(i for i, t in enumerate(texts) if "Women in AI: who builds the algorithms?" in t)
    assert failing < balanced


def test_report_is_closed_to_partners(client, django_user_model):
    partner = django_user_model.objects.create_user("partner-x", "p@example.org", "pw")
    partner.groups.add(Group.objects.get(name="Partners"))
    client.force_login(partner)
    assert client.get("/admin/reports/panel-balance/").status_code in {302, 403}


# -- listings -------------------------------------------------------------------------------------------
def titles(response):
    return [a.text for a in soup(response).select(".event-card h3 a")]


def test_listing_shows_upcoming_events_of_the_active_locale_by_default(client):
    index = events_index("nl")
    make_event(index, title="Workshop: bouw je eerste website", kind=EventKind.WORKSHOP)
    make_event(index, title="Digitale jobdag in Luik", start=timezone.now() - timedelta(days=30))
    make_event(events_index("en"), title="Workshop: build your first website", kind=EventKind.WORKSHOP)
    shown = titles(client.get(index.url))
    assert "Workshop: bouw je eerste website" in shown
    assert "Digitale jobdag in Luik" not in shown  # past
    # The English workshop has no Dutch version: it shows as well, marked as English, linking to itself.
    english = soup(client.get(index.url)).select('.event-card[lang="en"] h3 a')
    assert [a.text for a in english] == ["Workshop: build your first website"]
    assert english[0]["href"].startswith("/en/")
    dutch = [a.text for a in soup(client.get(index.url)).select(".event-card:not([lang]) h3 a")]
    assert dutch == list(index.upcoming_events().values_list("title", flat=True))[: len(dutch)]


def test_past_listing_in_german(client):
    make_event(
        events_index("de"), title="Digitaler Jobtag in Lüttich", start=timezone.now() - timedelta(days=30)
    )
    make_event(events_index("de"), title="Frauen und KI: Wer baut die Algorithmen?")
    shown = titles(client.get(events_index("de").url, {"when": "past"}))
    assert "Digitaler Jobtag in Lüttich" in shown
    assert "Frauen und KI: Wer baut die Algorithmen?" not in shown


WEB_WORKSHOP = "Atelier : créez votre premier site web"
BANKING_WORKSHOP = "Atelier : la banque en ligne en toute sécurité pour les demandeuses d'emploi"
DEBATE = "Carrières en cybersécurité : un débat"
JOB_DAY = "Job Day numérique de Liège"


def test_filters_by_kind_region_language_and_audience_in_french(client, content):
    def titles(response):
        return [a.text for a in soup(response).select(".event-card:not([lang]) h3 a")]

    index = events_index("fr")
    now = timezone.now()
    # (title, kind, days from now, region, languages, audiences)
    for title, kind, days, region, languages, audiences in (
        (WEB_WORKSHOP, EventKind.WORKSHOP, 5, "flanders", ["fr", "nl"], []),
        (BANKING_WORKSHOP, EventKind.WORKSHOP, 10, "brussels", ["fr", "de"], ["women-jobseekers"]),
        (DEBATE, EventKind.PANEL, 20, "flanders", ["fr"], ["teenage-girls"]),
        (JOB_DAY, EventKind.JOB_DAY, -20, "wallonia", ["fr"], ["women-jobseekers"]),
    ):
        content.add(
            EventPageFactory,
            index,
            {"audiences": [content.term(slug, "fr") for slug in audiences]},
            title=title,
            kind=kind,
            start=now + timedelta(days=days),
            region=content.term(region, "fr"),
            languages=languages,
        )
    content.events("en")  # other languages' events show too, marked: only the French ones are looked at
    url = index.url
    assert titles(client.get(url)) == [WEB_WORKSHOP, BANKING_WORKSHOP, DEBATE]
    assert titles(client.get(url, {"kind": "workshop"})) == [WEB_WORKSHOP, BANKING_WORKSHOP]
    assert titles(client.get(url, {"region": "flanders"})) == [WEB_WORKSHOP, DEBATE]
    assert titles(client.get(url, {"language": "de"})) == [BANKING_WORKSHOP]
    assert titles(client.get(url, {"audience": "women-jobseekers"})) == [BANKING_WORKSHOP]
    page = soup(client.get(url, {"region": "wallonia", "when": "past"}))
    assert [a.text for a in page.select(".event-card:not([lang]) h3 a")] == [JOB_DAY]
    assert page.select_one("input[name=region][value=wallonia]").has_attr("checked")
    assert page.select_one("fieldset legend").text == "Quand"


def test_invalid_filters_are_ignored_not_errors(client):
    url = events_index("de").url
    response = client.get(url, {"kind": "<script>", "region": "mars", "when": "someday", "page": "x"})
    assert response.status_code == 200
    assert "nicht erkannt" in soup(response).select_one(".notice").text
    assert titles(response) == titles(client.get(url))


def test_listing_query_count_does_not_grow_with_the_number_of_events(client):
    index = events_index("en")
    region = RegionFactory()  # a region of its own: the listing shows only this test's webinars
    url = f"{index.url}?kind=webinar&region={region.slug}"
    audience = TargetGroupFactory(slug="parents", name="Parents")

    def add_webinars(count, name):
        for number in range(count):
            event = make_event(
                index,
                title=f"{name} {number}",
                kind=EventKind.WEBINAR,
                region=region,
                speakers=[("Speaker", "panellist", "woman"), ("Other", "moderator", "man")],
            )
            event.audiences.add(audience)
            event.save_revision().publish()

    add_webinars(1, "Webinar")
    client.get(url)  # warm the caches (site, settings, vocabularies)
    with CaptureQueriesContext(connection) as small:
        few = titles(client.get(url))
    add_webinars(9, "Extra webinar")
    client.get(url)
    with CaptureQueriesContext(connection) as large:
        many = titles(client.get(url))
    assert len(many) == len(few) + 9
    assert len(large.captured_queries) == len(small.captured_queries)


def test_listing_is_paginated(client):
    index = events_index("en")
    for number in range(12):
        make_event(
            index,
            title=f"Paginated info session {number:02d}",
            kind=EventKind.INFO_SESSION,
            start=timezone.now() + timedelta(days=200 + number),
        )
    total = index.upcoming_events().filter(kind=EventKind.INFO_SESSION).count()
    assert 12 <= total <= 20
    first = soup(client.get(index.url, {"kind": "info_session"}))
    assert len(first.select(".event-card")) == 10
    second = client.get(index.url, {"kind": "info_session", "page": 2})
    assert len(titles(second)) == total - 10
    assert (
        'href="?kind=info_session&amp;page=2"' in first.decode()
        or "kind=info_session" in first.select_one(".pagination a")["href"]
    )


def test_event_page_shows_job_day_programme_and_exhibitors_in_dutch(client, content):
    from datetime import time

    from events.models import EventPageExhibitor

    programme = [
        ("item", {"start_time": time(9, 30), "title": "Onthaal en opening"}),
        ("item", {"start_time": time(10, 0), "title": "Rondetafel: vrouwen in tech", "room": "Zaal A"}),
        ("item", {"start_time": time(12, 0), "title": "Speeddates met werkgevers"}),
        ("item", {"start_time": time(16, 0), "end_time": time(17, 0), "title": "Netwerkdrink"}),
    ]
    event = make_event(
        events_index("nl"),
        title="Jobdag Girls & Women in Digital",
        kind=EventKind.JOB_DAY,
        programme=programme,
        audiences=[content.term("women-jobseekers", "nl")],
    )
    event.exhibitors = [
        EventPageExhibitor(
            organisation=content.organisation(slug, "nl"), stand=f"B{number}", sort_order=number
        )
        for number, slug in enumerate(["agoria", "vdab"])
    ]
    event.save_revision().publish()
    page = soup(client.get(event.url))
    assert page.h1.text == "Jobdag Girls & Women in Digital"
    assert len(page.find_all("h1")) == 1
    programme = page.select(".programme__item")
    assert len(programme) == 4 and "Onthaal en opening" in programme[0].text and "09:30" in programme[0].text
    exhibitors = page.select_one("#exhibitors-heading").find_parent("section")
    assert "Agoria" in exhibitors.text and "VDAB" in exhibitors.text
    assert "Voor wie" in page.text and "Werkzoekende vrouwen" in page.text


def test_events_index_is_in_the_menu_of_every_language(client):
    for code, label in [
        ("en", "Events"),
        ("fr", "Événements"),
        ("nl", "Evenementen"),
        ("de", "Veranstaltungen"),
    ]:
        response = client.get(f"/{code}/")
        assert label in [a.text.strip() for a in soup(response).select("header nav a")]


def test_user_model_is_untouched():
    assert get_user_model().objects.filter(username="partner-submissions", is_active=True).count() == 0
