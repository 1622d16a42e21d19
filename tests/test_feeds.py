"""The events' Atom feed as feed readers and the W3C validator read it (RFC 4287)."""

import re
import uuid
from xml.etree import ElementTree

import pytest

from events.factories import events_index, make_event
from tests.feed_validator import feed_problems

ATOM = "{http://www.w3.org/2005/Atom}"
UUID_URN = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

pytestmark = pytest.mark.django_db


def test_every_entry_has_an_author_and_a_stable_uuid_of_its_own(client):
    index = events_index("nl")
    panel = make_event(index, title="Debat: loopbanen in cyberbeveiliging")
    make_event(index, title="Jobdag meisjes en vrouwen in digitaal")
    feed = ElementTree.fromstring(client.get(index.url + "feed/").content)

    # An entry without an author of its own takes the feed's (RFC 4287 4.1.1: one of them is required).
    author = feed.find(f"{ATOM}author")
    assert author is not None and author.find(f"{ATOM}name").text == "Be Digital Together"
    assert author.find(f"{ATOM}uri").text == "http://testserver/nl/"
    ids = [entry.find(f"{ATOM}id").text for entry in feed.iter(f"{ATOM}entry")]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert all(UUID_URN.match(entry_id) for entry_id in ids), ids
    # The same event in the same language keeps its id when it is edited or moved.
    assert uuid.uuid5(panel.translation_key, "nl").urn in ids
    again = ElementTree.fromstring(client.get(index.url + "feed/").content)
    assert [entry.find(f"{ATOM}id").text for entry in again.iter(f"{ATOM}entry")] == ids


@pytest.mark.parametrize("code", ["fr", "nl", "de", "en"])
def test_the_w3c_feed_validator_finds_nothing_to_report_in_any_language(client, code):
    index = events_index(code)
    make_event(index, title="Débat : « Femmes & IA » <en ligne>")
    make_event(index, title="Jobdag meisjes en vrouwen in digitaal")
    url = index.url + "feed/"
    response = client.get(url)
    assert response.status_code == 200
    assert feed_problems(response.content, "http://testserver" + url) == []


def test_the_w3c_feed_validator_reports_a_feed_without_author():
    """The validator is the real one: the feed this site served before issue 13 (no atom:author) fails."""
    feed = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Events</title>'
        b'<link href="http://testserver/en/events/" rel="alternate"/><id>http://testserver/en/events/</id>'
        b"<updated>2026-11-30T10:00:00+00:00</updated><entry><title>Panel</title>"
        b'<link href="http://testserver/en/events/panel/" rel="alternate"/>'
        b"<updated>2026-11-30T10:00:00+00:00</updated><id>http://testserver/en/events/panel/</id>"
        b"<summary>1 December</summary></entry></feed>"
    )
    problems = feed_problems(feed, "http://testserver/en/events/feed/")
    assert any("author" in problem.lower() for problem in problems), problems
