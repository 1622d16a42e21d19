"""schema.org data of events as search engines read it for their event results (Google's Event rich result:
name, dates, a Place with a PostalAddress or a VirtualLocation, image, offers, organizer, performer)."""

import json
from datetime import timedelta

import pytest
import wagtail_factories
from django.utils import timezone

from events.factories import events_index, make_event
from home.factories import RegionFactory, translate
from tests.html import soup

pytestmark = pytest.mark.django_db


def json_ld(client, page):
    return json.loads(soup(client.get(page.url)).find("script", type="application/ld+json").string)


def test_an_event_in_dutch_gives_its_image_postal_address_and_offer(client):
    photo = wagtail_factories.ImageFactory(title="Jobbeurs")
    liege = RegionFactory(slug="liege", name="Liège")
    translate(liege, {"Liège": {"nl": "Luik", "fr": "Liège", "de": "Lüttich"}})
    event = make_event(
        events_index("nl"),
        title="Jobdag meisjes en vrouwen in digitaal",
        venue_name="Palais des Congrès",
        address="Esplanade de l'Europe 2\n4020 Luik",
        region=liege,
        registration_url="https://example.org/inschrijven",
        body=json.dumps(
            [
                {"type": "paragraph", "value": "<p>Ontmoet werkgevers.</p>"},
                {
                    "type": "image",
                    "value": {"image": {"image": photo.pk, "alt_text": "Stands", "decorative": False}},
                },
            ]
        ),
    )
    data = json_ld(client, event)
    assert data["image"] and all(url.startswith("http://testserver/") for url in data["image"])
    assert data["location"] == {
        "@type": "Place",
        "name": "Palais des Congrès",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Esplanade de l'Europe 2, 4020 Luik",
            "addressRegion": "Luik",
            "addressCountry": "BE",
        },
    }
    assert data["offers"] == {
        "@type": "Offer",
        "url": "https://example.org/inschrijven",
        "availability": "https://schema.org/InStock",
    }


def test_a_past_event_offers_no_registration_and_an_online_one_has_no_address(client):
    now = timezone.now()
    past = make_event(
        events_index("de"),
        title="Digitaler Jobtag",
        venue_name="Halle",
        registration_url="https://example.org/anmelden",
        start=now - timedelta(days=10),
        end=now - timedelta(days=10) + timedelta(hours=3),
    )
    assert "offers" not in json_ld(client, past)
    webinar = make_event(events_index("fr"), title="Webinaire IA", online_url="https://example.org/live")
    data = json_ld(client, webinar)
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert "image" not in data


def test_an_event_whose_photo_file_is_missing_still_shows_without_an_image_in_its_data(client):
    photo = wagtail_factories.ImageFactory(title="Verloren foto")
    photo.file.storage.delete(photo.file.name)  # the original is gone (a restored backup without media…)
    event = make_event(
        events_index("nl"),
        title="Jobbeurs zonder foto",
        venue_name="Zaal",
        body=json.dumps(
            [
                {
                    "type": "image",
                    "value": {"image": {"image": photo.pk, "alt_text": "Foto", "decorative": False}},
                }
            ]
        ),
    )
    response = client.get(event.url)
    assert response.status_code == 200
    assert "image" not in json_ld(client, event)
