"""Partner submissions (form, moderation, e-mails, abuse protection) and the Partners permission matrix."""

import smtplib
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from events.factories import events_index, make_event
from events.models import EventPage, EventSubmission
from tests.html import soup
from tests.mail import FAILING_EMAIL_BACKEND

pytestmark = pytest.mark.django_db


def submit_url(code="de"):
    return events_index(code).url + "submit/"


def form_data(**overrides):
    start = timezone.localtime() + timedelta(days=20)
    data = {
        "organisation": "Frauen in der Technik VoG",
        "contact_name": "Anna Schmitz",
        "contact_email": "anna@example.org",
        "title": "Programmieren für Einsteigerinnen",
        "kind": "workshop",
        "start": start.strftime("%Y-%m-%dT10:00"),
        "end": start.strftime("%Y-%m-%dT12:00"),
        "venue_name": "Jugendzentrum Eupen",
        "address": "Hauptstraße 1, 4700 Eupen",
        "online_url": "",
        "region": "ostbelgien",
        "languages": ["de"],
        "audiences": ["teenage-girls"],
        "topics": ["programming-web"],
        "summary": "Ein Nachmittag zum Ausprobieren.",
        "registration_url": "",
        "consent": "on",
        "website_url": "",
        "speakers-TOTAL_FORMS": "5",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "8",
    }
    for number in range(5):
        data[f"speakers-{number}-name"] = ""
        data[f"speakers-{number}-role"] = "panellist"
        data[f"speakers-{number}-gender"] = ""
    data.update(overrides)
    return data


def with_speakers(data, speakers):
    for number, (name, role, gender) in enumerate(speakers):
        data[f"speakers-{number}-name"] = name
        data[f"speakers-{number}-role"] = role
        data[f"speakers-{number}-gender"] = gender
    return data


UNBALANCED = [
    ("Moderatorin Eva", "moderator", "woman"),
    ("Herr Eins", "panellist", "man"),
    ("Herr Zwei", "panellist", "man"),
    ("Herr Drei", "panellist", "man"),
    ("Herr Vier", "panellist", "man"),
]


def test_form_is_translated_in_all_four_languages(client):
    for code, heading, label in [
        ("en", "Submit your event", "Organisation"),
        ("fr", "Proposez votre événement", "Organisation"),
        ("nl", "Dien uw evenement in", "Organisatie"),
        ("de", "Veranstaltung einreichen", "Organisation"),
    ]:
        response = client.get(submit_url(code))
        assert response.status_code == 200
        page = soup(response)
        assert page.h1.text == heading
        assert page.select_one('label[for="id_organisation"]').text.startswith(label)
        for control in page.select("form input:not([type=hidden]), form select, form textarea"):
            assert page.select_one(f'label[for="{control["id"]}"]') or control.find_parent("label"), control


@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_german_submission_lands_as_a_draft_in_moderation_and_is_acknowledged(client):
    response = client.post(
        submit_url("de"), with_speakers(form_data(), [("Julia Weber", "keynote", "woman")])
    )
    assert response.status_code == 200
    submission = EventSubmission.objects.get(contact_email="anna@example.org")
    assert submission.reference in soup(response).select_one(".notice").text
    assert "Ihre Referenznummer" in response.content.decode()

    page = EventPage.objects.get(pk=submission.page_id)
    assert not page.live and page.has_unpublished_changes
    assert page.locale.language_code == "de"
    assert page.get_parent().specific == events_index("de")
    assert page.title == "Programmieren für Einsteigerinnen"
    assert page.start == timezone.make_aware(
        timezone.datetime.strptime(form_data()["start"], "%Y-%m-%dT%H:%M")
    )
    assert [s.name for s in page.speakers.all()] == ["Julia Weber"]
    assert list(page.audiences.values_list("slug", flat=True)) == ["teenage-girls"]
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert submission.delivery_status == "sent"

    to_moderators, to_partner = mail.outbox
    assert to_moderators.to == ["editors@localhost"] and submission.reference in to_moderators.subject
    assert to_partner.to == ["anna@example.org"]
    assert to_partner.subject.startswith("Wir haben Ihre Veranstaltung erhalten")
    assert (
        submission.reference in to_partner.body and "Liebe" in to_partner.body or "Hallo" in to_partner.body
    )

    # Not visible to the public while in moderation.
    assert client.get(events_index("de").url).content.decode().count("Programmieren für Einsteigerinnen") == 0


@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_moderator_approves_and_publishes_but_a_partner_cannot(client, django_user_model):
    client.post(submit_url("de"), form_data(title="Zu moderieren"))
    page = EventPage.objects.get(title="Zu moderieren")

    partner = django_user_model.objects.create_user("partner-a", "a@example.org", "pw")
    partner.groups.add(Group.objects.get(name="Partners"))
    assert not page.permissions_for_user(partner).can_publish()
    client.force_login(partner)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {"title": page.title, "action-publish": "1"}
    )
    page.refresh_from_db()
    assert not page.live

    moderator = django_user_model.objects.create_user("moderator-m", "m@example.org", "pw", is_staff=False)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    assert task_state is not None
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )
    assert response.status_code in {200, 302}
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_smtp_outage_keeps_the_submission_and_shows_it_to_editors(client, monkeypatch, django_user_model):
    def broken_send(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailMessage, "send", broken_send)
    response = client.post(submit_url("de"), form_data(title="Trotz Ausfall"))
    assert response.status_code == 200
    submission = EventSubmission.objects.get(event_title="Trotz Ausfall")
    assert submission.reference in response.content.decode()
    assert submission.delivery_status == "failed"
    assert "Connection unexpectedly closed" in submission.delivery_error
    assert EventPage.objects.filter(pk=submission.page_id, live=False).exists()

    editor = django_user_model.objects.create_user("editor-e", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    listing = client.get("/admin/event-submissions/?delivery_status=failed")
    assert listing.status_code == 200
    assert submission.reference in listing.content.decode()
    assert "Sending failed" in listing.content.decode()


def test_honeypot_rejects_spam_and_stores_nothing(client):
    response = client.post(submit_url("fr"), form_data(website_url="http://spam.example"))
    assert response.status_code == 400
    assert not EventSubmission.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_address(client):
    statuses = [client.post(submit_url("nl"), {"title": "x"}).status_code for _ in range(6)]
    assert statuses[:5] == [400] * 5
    assert statuses[5] == 429


def test_invalid_input_keeps_what_was_typed_with_translated_messages(client):
    data = form_data(title="<b>Fett</b>", contact_email="keine-adresse", summary="x" * 401, consent="")
    del data["region"]
    response = client.post(submit_url("de"), data)
    assert response.status_code == 400
    page = soup(response)
    errors = page.select(".errorlist li")
    text = " ".join(e.text for e in errors)
    assert "ohne HTML" in text
    assert "gültige E-Mail" in text
    assert "Datenschutzerklärung" in text
    assert "Pflichtfeld" in text or "erforderlich" in text
    assert page.select_one("#id_title")["value"] == "<b>Fett</b>"
    assert page.select_one("#id_organisation")["value"] == "Frauen in der Technik VoG"
    assert not EventSubmission.objects.exists()


def test_end_before_start_and_past_dates_are_refused_in_french(client):
    data = form_data(start="2020-01-01T10:00", end="2019-12-31T10:00")
    response = client.post(submit_url("fr"), data)
    assert response.status_code == 400
    text = soup(response).text
    assert "La fin doit être après le début." in text
    assert "L'événement doit commencer dans le futur." in text


@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_unbalanced_panel_is_flagged_with_suggestions_before_anything_is_stored(client, monkeypatch):
    from testimonials import directory

    class Person:
        def __init__(self, title, url):
            self.title, self.url = title, url

        def get_url(self, request=None):
            return self.url

    calls = []

    def fake_suggest(competence_area_slugs, language_codes, limit=5):
        calls.append((competence_area_slugs, language_codes, limit))
        return [
            Person("Dr. Leila Haddad", "/de/vorbilder/leila-haddad/"),
            Person("Marie Dupont", "/de/vorbilder/marie/"),
        ]

    monkeypatch.setattr(directory, "suggest_speakers", fake_suggest)
    data = with_speakers(form_data(kind="panel", title="Podium ohne Frauen"), UNBALANCED)
    response = client.post(submit_url("de"), data)
    assert response.status_code == 200
    page = soup(response)
    warning = page.select_one(".panel-warning")
    assert "No-Women-No-Panel" in warning.text
    assert "1 von 5 Sprecher*innen ist eine Frau" in warning.text
    links = {a.text: a["href"] for a in warning.select(".speaker-suggestions a")}
    assert links == {
        "Dr. Leila Haddad": "/de/vorbilder/leila-haddad/",
        "Marie Dupont": "/de/vorbilder/marie/",
    }
    assert calls == [(["programming-web"], ["de"], 5)]
    assert (
        not EventSubmission.objects.exists()
        and not EventPage.objects.filter(title="Podium ohne Frauen").exists()
    )
    assert page.select_one("#id_speakers-1-name")["value"] == "Herr Eins"

    data["confirm_imbalance"] = "on"
    response = client.post(submit_url("de"), data)
    submission = EventSubmission.objects.get(event_title="Podium ohne Frauen")
    assert submission.panel_rule_waived
    assert "No Women No Panel" in mail.outbox[0].body


@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_adding_a_woman_panellist_passes_the_rule(client):
    speakers = [*UNBALANCED[:4], ("Frau Fünf", "panellist", "woman")]
    response = client.post(
        submit_url("de"), with_speakers(form_data(kind="panel", title="Gemischtes Podium"), speakers)
    )
    assert response.status_code == 200
    submission = EventSubmission.objects.get(event_title="Gemischtes Podium")
    assert not submission.panel_rule_waived


def test_suggestions_that_fail_are_logged_and_leave_the_form_working(monkeypatch, caplog):
    from events.views import suggest_women_speakers
    from testimonials import directory

    def broken(*args, **kwargs):
        raise RuntimeError("directory down")

    monkeypatch.setattr(directory, "suggest_speakers", broken)
    assert suggest_women_speakers(["data-ai"], ["fr"]) == []
    assert "Speaker suggestions failed" in caplog.text


# -- Partners group ---------------------------------------------------------------------------------------
@pytest.fixture
def partners(django_user_model):
    group = Group.objects.get(name="Partners")
    users = []
    for name in ["partner-one", "partner-two"]:
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(group)
        users.append(user)
    return users


def test_a_new_events_index_gets_partners_and_moderation_on_a_site_without_demo_content(django_user_model):
    from wagtail.models import GroupPagePermission, Workflow

    from events.models import EventIndexPage
    from events.moderation import WORKFLOW_NAME
    from home.models import HomePage

    Group.objects.filter(name="Partners").delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    home = HomePage.objects.get(locale__language_code="nl")
    index = home.add_child(instance=EventIndexPage(title="Agenda", slug="agenda-nieuw"))

    partners = Group.objects.get(name="Partners")
    assert GroupPagePermission.objects.filter(group=partners, page=index).exists()
    assert index.get_workflow().name == WORKFLOW_NAME
    partner = django_user_model.objects.create_user("partner-new", "new@example.org", "pw")
    partner.groups.add(partners)
    assert index.permissions_for_user(partner).can_add_subpage()
    assert not home.permissions_for_user(partner).can_add_subpage()


def test_anonymous_visitors_cannot_reach_the_admin(client):
    index = events_index("en")
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[index.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_partner_can_add_under_the_events_index_and_edit_only_her_own_drafts(client, partners):
    one, two = partners
    index = events_index("en")
    make_event(index, title="Published by the editors")
    client.force_login(one)
    assert (
        client.get(reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])).status_code
        == 200
    )
    home = index.get_parent()
    assert (
        client.get(reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])).status_code
        != 200
    )

    own = make_event(index, title="Draft of partner one", owner=one, publish=False)
    other = make_event(index, title="Draft of partner two", owner=two, publish=False)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code != 200
    published = index.upcoming_events().first()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[published.pk])).status_code != 200

    permissions = own.permissions_for_user(one)
    assert permissions.can_edit() and not permissions.can_publish()
    assert not other.permissions_for_user(one).can_edit()


@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_partners_cannot_see_submissions_but_editors_and_moderators_can(client, partners, django_user_model):
    client.post(submit_url("en"), form_data(title="Secret submission", region="brussels"))
    client.force_login(partners[0])
    assert client.get("/admin/event-submissions/").status_code != 200
    for group in ["Editors", "Moderators"]:
        user = django_user_model.objects.create_user(f"{group}-user", f"{group}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        response = client.get("/admin/event-submissions/")
        assert response.status_code == 200 and "Secret submission" in response.content.decode()


@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_a_panel_that_only_meets_the_minimum_is_warned_in_french_and_stored_once_confirmed(client):
    speakers = [("Modérateur Marc", "moderator", "man"), ("Claire", "panellist", "woman"), *UNBALANCED[1:3]]
    data = with_speakers(form_data(kind="panel", title="Panel presque paritaire"), speakers)
    page = soup(client.post(submit_url("fr"), data))
    warning = page.select_one(".panel-warning").text
    assert "atteint le minimum No Women No Panel, mais il n'est pas paritaire" in warning
    assert "au moins 40\u202f% de femmes" in warning
    assert not EventSubmission.objects.filter(event_title="Panel presque paritaire").exists()
    data["confirm_imbalance"] = "on"
    client.post(submit_url("fr"), data)
    assert EventSubmission.objects.get(event_title="Panel presque paritaire").panel_rule_waived


@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_the_thank_you_page_tells_the_truth_about_the_confirmation_e_mail(client, settings):
    speakers = [*UNBALANCED[:3], ("Frau Vier", "panellist", "woman")]
    sent = client.post(
        submit_url("nl"), with_speakers(form_data(kind="panel", title="Bevestigd panel"), speakers)
    )
    assert "We hebben u een bevestiging per e-mail gestuurd." in sent.content.decode()
    settings.EMAIL_BACKEND = FAILING_EMAIL_BACKEND
    failed = client.post(
        submit_url("nl"), with_speakers(form_data(kind="panel", title="Onbevestigd"), speakers)
    )
    text = failed.content.decode()
    assert failed.status_code == 200 and "We konden u nu geen bevestiging per e-mail sturen" in text
    assert "We hebben u een bevestiging" not in text
    assert EventSubmission.objects.get(event_title="Onbevestigd").delivery_status == "failed"
