"""The events' Atom feed as feed readers and the W3C validator read it (RFC 4287)."""

import re
import uuid
from xml.etree import ElementTree

import pytest

from events.factories import events_index, make_event

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
