"""A partner sees her own pages in the admin, never another partner's drafts; moderators see everything."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.factories import events_index, make_event
from events.moderation import workflow_for

pytestmark = pytest.mark.django_db

OWN = "Own draft of partner one"
OTHER = "Confidential draft of partner two"


@pytest.fixture
def people(django_user_model):
    def user(name, group):
        account = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        account.groups.add(Group.objects.get(name=group))
        return account

    return {
        "one": user("partner-one", "Partners"),
        "two": user("partner-two", "Partners"),
        "moderator": user("moderator-m", "Moderators"),
    }


@pytest.fixture
def drafts(people):
    """Each partner has a draft under the English events index, edited (site history, recent edits) and
    submitted to moderation (dashboard); partner two's is the most recently edited event page."""
    index = events_index("en")
    workflow = workflow_for(index)
    pages = {}
    for key, title in (("one", OWN), ("two", OTHER)):
        partner = people[key]
        page = make_event(index, title=title, owner=partner, publish=False)
        page.save_revision(user=partner, log_action=True)
        workflow.start(page, partner)
        pages[key] = page
    return index, pages


def admin_pages(client, index):
    """What the admin shows of the events index's pages, by place."""
    return {
        "explorer": client.get(reverse("wagtailadmin_explore", args=[index.pk])),
        "explorer search": client.get(reverse("wagtailadmin_explore", args=[index.pk]), {"q": "draft"}),
        "admin search": client.get(reverse("wagtailadmin_pages:search"), {"q": "draft"}),
        "sidebar explorer": sidebar_explorer(client, index),
        "chooser": client.get(reverse("wagtailadmin_choose_page_child", args=[index.pk])),
        "chooser search": client.get(reverse("wagtailadmin_choose_page_search"), {"q": "draft"}),
        "site history": client.get(reverse("wagtailadmin_reports:site_history")),
        "page types usage": client.get(reverse("wagtailadmin_reports:page_types_usage")),
        "dashboard": client.get(reverse("wagtailadmin_home")),
    }


class Answer:
    """The sidebar explorer's pages of the index, every page of its API answers, as one response."""

    def __init__(self, status_code, content):
        self.status_code, self.content = status_code, content.encode()

    def get(self, _name, default=""):
        return default


def sidebar_explorer(client, index):
    items, offset = [], 0
    while True:
        response = client.get(
            "/admin/api/main/pages/", {"child_of": index.pk, "for_explorer": 1, "offset": offset}
        )
        if response.status_code != 200:
            return Answer(response.status_code, response.content.decode())
        data = response.json()
        items += data["items"]
        offset += len(data["items"])
        if not data["items"] or offset >= data["meta"]["total_count"]:
            return Answer(200, json.dumps(items, ensure_ascii=False))


def text(response):
    body = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        data = json.loads(body)
        if "html" in data:  # the choosers answer with JSON around their HTML
            return data["html"]
    return body


def test_a_partner_sees_her_own_drafts_but_not_another_partners(client, people, drafts):
    index, _pages = drafts
    client.force_login(people["one"])
    for place, response in admin_pages(client, index).items():
        assert response.status_code == 200, (place, text(response)[:300])
        assert OTHER not in text(response), place
    for place, response in admin_pages(client, index).items():
        if place != "page types usage":  # names only the most recently edited page she may see
            assert OWN in text(response), place


def test_a_partner_cannot_open_another_partners_draft_by_its_address(client, people, drafts):
    _index, pages = drafts
    client.force_login(people["one"])
    other = pages["two"]
    for url in [
        reverse("wagtailadmin_pages:edit", args=[other.pk]),
        reverse("wagtailadmin_pages:history", args=[other.pk]),
        f"/admin/api/main/pages/{other.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code != 200 or OTHER not in text(response), url


def test_a_moderator_still_sees_both(client, people, drafts):
    index, _pages = drafts
    client.force_login(people["moderator"])
    pages = admin_pages(client, index)
    for place, response in pages.items():
        assert response.status_code == 200, (place, text(response)[:300])
    for place in [
        "explorer",
        "explorer search",
        "admin search",
        "sidebar explorer",
        "chooser",
        "site history",
    ]:
        assert OWN in text(pages[place]) and OTHER in text(pages[place]), place
    assert OTHER in text(pages["page types usage"])  # the most recently edited event page
    assert OWN in text(pages["dashboard"]) and OTHER in text(pages["dashboard"])  # both await her review


def test_partner_two_is_limited_the_same_way(client, people, drafts):
    index, _pages = drafts
    client.force_login(people["two"])
    for place, response in admin_pages(client, index).items():
        assert OWN not in text(response), place
