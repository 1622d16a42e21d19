"""What every page brings with it besides its content: the site's icon, and images that load when they should."""

import json

import pytest
import wagtail_factories

from home.factories import StandardPageFactory, publish
from tests.html import soup


@pytest.mark.django_db
def test_the_site_icon_is_there_for_browsers_and_crawlers_that_ask_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    page = client.get("/nl/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page


@pytest.mark.django_db
def test_the_first_image_of_a_page_loads_at_once_and_the_others_when_they_come_into_view(client, home_pages):
    photos = [wagtail_factories.ImageFactory(title=f"Photo {n}") for n in range(2)]

    def image_block(photo):
        return {
            "type": "image",
            "value": {"image": {"image": photo.pk, "alt_text": photo.title, "decorative": False}},
        }

    page = StandardPageFactory(
        parent=home_pages["fr"],
        title="Deux photos",
        slug="deux-photos",
        body=json.dumps(
            [
                {"type": "paragraph", "value": "<p>Introduction</p>"},
                image_block(photos[0]),
                image_block(photos[1]),
            ]
        ),
    )
    html = client.get(publish(page).url).content.decode()
    first, second = html.index('alt="Photo 0"'), html.index('alt="Photo 1"')
    first_tag = html[html.rindex("<img", 0, first) : html.index(">", first)]
    second_tag = html[html.rindex("<img", 0, second) : html.index(">", second)]
    assert 'fetchpriority="high"' in first_tag and "loading=" not in first_tag
    assert 'loading="lazy"' in second_tag


@pytest.mark.django_db
def test_english_pages_write_dates_as_belgium_does(client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from events.factories import events_index, make_event

    start = datetime(2026, 10, 25, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))
    event = make_event(
        events_index("en"), title="Careers in cybersecurity", start=start, end=start.replace(hour=12)
    )
    shown = soup(client.get(event.url)).select_one(".event-facts time").text
    assert shown == "25 October 2026, 10:00"


@pytest.mark.django_db
def test_every_page_is_titled_page_then_site_and_the_home_page_once(client, home_pages):
    home = soup(client.get("/de/")).title.text
    assert home.count("Be Digital Together") == 1
    page = publish(StandardPageFactory(parent=home_pages["fr"], title="À propos", slug="a-propos-titre"))
    assert soup(client.get(page.url)).title.text == "À propos — Be Digital Together"
    assert soup(client.get("/nl/evenementen/submit/")).title.text.endswith(" — Be Digital Together")
