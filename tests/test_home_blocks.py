"""The blocks a home page leads with: a preview of a section (next events with the next job day first, role
models, trainings), a training finder and key figures; public pages only, in the page's language, at a
fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.factories import EventPageFactory
from events.models import EventIndexPage, EventKind
from home.factories import publish
from testimonials.factories import TestimonialPageFactory as RoleModelFactory
from testimonials.models import TestimonialIndexPage as RoleModelIndex
from tests.conftest import add_page
from tests.html import count_queries, soup

pytestmark = pytest.mark.django_db


def with_body(home, *blocks):
    home.body = list(blocks)
    return publish(home)


def events_preview(count=3):
    return (
        "section_preview",
        {"heading": "Next events", "section": "events", "count": count, "link_text": "All"},
    )


def event(index, title, days, kind=EventKind.PANEL):
    return add_page(
        EventPageFactory, index, title=title, kind=kind, start=timezone.now() + timedelta(days=days)
    )


def test_next_events_lead_with_the_next_job_day_then_the_soonest_public_events(client, home_pages):
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event(index, "Atelier", 2)
    event(index, "Panel", 4)
    event(index, "Job day", 20, kind=EventKind.JOB_DAY)
    event(index, "Webinaire", 6)
    event(index, "Passé", -3)
    draft = event(index, "Brouillon", 1)
    draft.unpublish()
    home = with_body(home_pages["fr"], events_preview())

    section = soup(client.get(home.url)).select_one(".section-preview--events")

    assert section.select_one("h2").text == "Next events"
    assert [card.text for card in section.select(".event-card h3")] == ["Job day", "Atelier", "Panel"]
    assert section.select_one("a.button")["href"] == index.url


def test_a_preview_of_an_empty_section_shows_nothing(client, home_pages):
    home = with_body(home_pages["en"], events_preview())

    assert soup(client.get(home.url)).select_one(".section-preview") is None


def test_role_models_preview_shows_public_role_models_with_their_cards(client, home_pages):
    index = RoleModelIndex.objects.get(locale__language_code="nl")
    for number in range(4):
        add_page(RoleModelFactory, index, title=f"Rolmodel {number}")
    home = with_body(
        home_pages["nl"],
        (
            "section_preview",
            {"heading": "Rolmodellen", "section": "role_models", "count": 3, "link_text": "Alle"},
        ),
    )

    cards = soup(client.get(home.url)).select(".section-preview--role_models .role-model-card")

    assert len(cards) == 3
    assert all(card.select_one("h3 a")["href"].startswith(index.url) for card in cards)  # under the h2


def test_the_preview_costs_the_same_queries_for_three_events_or_thirty(client, home_pages):
    index = EventIndexPage.objects.get(locale__language_code="en")
    for day in range(1, 4):
        event(index, f"Event {day}", day)
    home = with_body(home_pages["en"], events_preview())
    three, _page = count_queries(client, home.url)
    for day in range(4, 31):
        event(index, f"Event {day}", day)

    thirty, page = count_queries(client, home.url)

    assert len(page.select(".event-card")) == 3
    assert thirty == three


def test_the_training_finder_asks_three_questions_and_opens_the_filtered_catalogue(
    client, home_pages, vocabularies
):
    home = with_body(
        home_pages["de"],
        (
            "training_finder",
            {"heading": "Eine Schulung finden", "text": "", "button_text": "Schulungen anzeigen"},
        ),
    )

    form = soup(client.get(home.url)).select_one(".training-finder form")

    assert form["method"] == "get"
    assert form["action"] == "/de/" + form["action"].split("/de/")[1]
    labels = [label.text for label in form.select("label")]
    assert labels == ["Wer sind Sie?", "Wo?", "Welches Niveau?"]
    names = [select["name"] for select in form.select("select")]
    assert names == ["audience", "region", "level"]
    regions = [option.text for option in form.select("select[name=region] option")]
    assert regions[0] == "Egal"
    assert "Brüssel" in " ".join(regions)  # the German terms, each once
    assert len(regions) == len(set(regions))
    catalogue = client.get(form["action"], {"region": "brussels", "level": "", "audience": ""})
    assert catalogue.status_code == 200


def test_a_body_kept_for_visitors_never_hides_the_draft_an_editor_previews(client, home_pages):
    """Visitors get the page's body as it was rendered for the first of them (until content changes); an
    editor previewing a draft sees the draft's own body at once, and a publish reaches visitors at once."""
    home = with_body(home_pages["nl"], ("heading", {"text": "Welkom", "level": "h2"}))
    assert client.get(home.url).content.decode().count("Welkom") == 1
    home.body = [("heading", {"text": "Nieuw voorjaar", "level": "h2"})]
    home.save_revision()

    assert "Nieuw voorjaar" in home.make_preview_request().content.decode()
    assert "Nieuw voorjaar" not in client.get(home.url).content.decode()  # still the live one for visitors
    publish(home)
    published = client.get(home.url).content.decode()
    assert "Nieuw voorjaar" in published and "Welkom" not in published
