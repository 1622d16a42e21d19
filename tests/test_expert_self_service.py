"""Women experts keep control of their profile without a password (issue 16, point 3): from the link of any of
her e-mails, or a fresh one asked with her address, she changes her profile (a new revision in moderation),
pauses it, downloads her data as JSON and deletes her profile and data."""

import json
import logging
import time
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.signing import TimestampSigner, b62_encode
from django.test import Client
from django.urls import reverse
from django.utils.http import urlsafe_base64_decode
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.models import PageLogEntry, Revision, WorkflowState
from wagtail.search.models import IndexEntry

from testimonials import tokens
from testimonials.models import ContactRequest, ExpertDeletion, ExpertNotice, ExpertSignup, TestimonialPage
from tests.test_expert_signup import INDEX, confirm, link_in, path_of, png, signup_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vocabularies")]


def tampered(signed):
    """The signed value `signed` with one character of its signature changed: one in the middle, every bit of
    which counts (the last character of a base64 signature carries padding bits that a change may not touch)."""
    at = len(signed) - 10
    return signed[:at] + ("A" if signed[at] != "A" else "B") + signed[at + 1 :]


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator-y", "mod@example.org", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    return client


def approve(moderator, page):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert moderator.post(url).status_code in {200, 302}


def published_expert(moderator, code, **overrides):
    """An expert who signed up in `code`, confirmed and was approved: (sign-up, page, her self-service path
    from the "published" e-mail)."""
    files = {"portrait": png()} if overrides.pop("with_portrait", False) else {}
    response = Client().post(INDEX[code] + "experts/join/", {**signup_data(**overrides), **files})
    assert response.status_code == 302, unescape(response.content.decode())[-3000:]
    signup = ExpertSignup.objects.get(email=overrides.get("email", "lotte@example.org"))
    confirm(link_in(mail.outbox[0]))
    signup.refresh_from_db()
    page = signup.page.specific
    approve(moderator, page)
    page.refresh_from_db()
    assert page.live
    published = mail.outbox[-1]
    profile_path = next(path_of(word) for word in published.body.split() if "/experts/profile/" in word)
    mail.outbox.clear()
    return signup, page, profile_path


def test_her_changes_become_a_revision_in_moderation_and_the_site_shows_them_once_approved(moderator):
    signup, page, profile = published_expert(moderator, "de")
    assert profile.startswith("/de/vorbilder/experts/profile/")

    form = Client().get(profile)
    html = unescape(form.content.decode())
    assert form.status_code == 200
    assert "<h1>Ihr Expertinnenprofil</h1>" in html and 'value="Lotte Janssens"' in html
    assert "no-store" in form["Cache-Control"] and form["Referrer-Policy"] == "same-origin"

    data = signup_data(job_title="Leiterin Datenplattform", topics="KI, Datenschutz", action="save")
    del data["email"], data["consent"]
    response = Client().post(profile, data)
    assert response.status_code == 302 and response["Location"].endswith("?done=saved")

    page.refresh_from_db()
    assert page.live and page.job_title == "Data-ingenieur"  # the published version is unchanged
    assert page.get_latest_revision_as_object().job_title == "Leiterin Datenplattform"
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.current_task_state.revision == page.get_latest_revision()
    to_her = next(message for message in mail.outbox if message.to == [signup.email])
    assert to_her.subject == "Wir haben die Änderungen an Ihrem Profil erhalten"
    assert any(message.to == ["editors@localhost"] for message in mail.outbox)
    shown = unescape(Client().get(profile + "?done=saved").content.decode())
    assert "Ihre Änderungen wurden an unsere Redaktion gesendet" in shown

    mail.outbox.clear()
    approve(moderator, page)
    page.refresh_from_db()
    assert page.job_title == "Leiterin Datenplattform"
    assert sorted(tag.name for tag in page.expertise_tags.all()) == ["Datenschutz", "KI"]
    assert [message.subject for message in mail.outbox] == [
        "Ihr Profil ist im Verzeichnis der Expertinnen veröffentlicht"
    ]


def test_a_change_with_errors_is_refused_in_dutch_and_keeps_what_she_typed(moderator):
    _signup, page, profile = published_expert(moderator, "nl")
    data = signup_data(bio="Te kort", name="Lotte J.", action="save")
    response = Client().post(profile, data)
    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Schrijf iets meer (minstens 30 tekens)." in html or "minstens 30 tekens" in html
    assert 'value="Lotte J."' in html
    assert page.get_latest_revision_as_object().title == "Lotte Janssens"


def test_pausing_hides_her_profile_from_the_site_and_the_directory(moderator):
    _signup, page, profile = published_expert(moderator, "fr")
    assert "Lotte Janssens" in Client().get(INDEX["fr"] + "experts/").content.decode()

    response = Client().post(profile, {"action": "pause"})
    assert response.status_code == 302

    page.refresh_from_db()
    assert not page.live
    assert "Lotte Janssens" not in Client().get(INDEX["fr"] + "experts/").content.decode()
    assert Client().get(INDEX["fr"] + page.slug + "/").status_code == 404
    shown = unescape(Client().get(profile + "?done=paused").content.decode())
    assert "Votre profil est suspendu\u00a0: il n'apparaît plus sur le site ni dans l'annuaire." in shown
    assert "Remettre mon profil en ligne" in shown

    Client().post(profile, {"action": "resume"})  # back online once the moderators approve again
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    approve(moderator, page)
    page.refresh_from_db()
    assert page.live


def contact_her(page, code, message):
    response = Client().post(
        f"{INDEX[code]}experts/{page.pk}/contact/",
        {
            "name": "Sarah Martin",
            "email": "sarah@example.org",
            "organisation": "Tech Day",
            "purpose": "speaking",
            "message": message,
            "website_url": "",
        },
    )
    assert response.status_code == 302
    mail.outbox.clear()


def test_she_downloads_every_piece_of_data_the_site_holds_about_her(moderator):
    signup, page, profile = published_expert(moderator, "nl")
    contact_her(page, "nl", "Wil u spreken op onze techdag in Gent op 12 maart?")

    response = Client().get(profile + "data/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    (her_page,) = data["pages"]
    assert her_page["language"] == "nl" and her_page["published"]
    assert her_page["published_version"]["title"] == "Lotte Janssens"
    assert her_page["published_version"]["contact_email"] == "lotte@example.org"
    assert her_page["published_version"]["expertise_topics"] == ["AI", "machine learning", "open data"]
    assert data["revisions"] and all(
        revision["fields"]["title"] == "Lotte Janssens" for revision in data["revisions"]
    )
    assert data["revisions"][0]["fields"]["contact_email"] == "lotte@example.org"
    assert data["signup"]["email"] == "lotte@example.org"
    assert data["signup"]["consent_version"] == "2026-11" and data["signup"]["consented_at"]
    assert data["signup"]["employer_as_typed"] == "Zelfstandig"
    assert [notice["kind"] for notice in data["emails_sent_to_her"]] == ["confirm", "received", "published"]
    (request,) = data["contact_requests"]
    assert request["message"] == "Wil u spreken op onze techdag in Gent op 12 maart?"
    assert request["name"] == "Sarah Martin"

    base, token = profile.rstrip("/").rsplit("/", 1)
    bad = tokens.for_url(tampered(urlsafe_base64_decode(token).decode()))
    assert Client().get(f"{base}/{bad}/data/").status_code == 404  # no data without a good link


def test_deleting_her_profile_removes_her_page_revisions_portrait_index_entries_and_messages(
    moderator, caplog
):
    signup, page, profile = published_expert(moderator, "fr", with_portrait=True, portrait_alt_text="Lotte")
    image = page.portrait
    rendition = image.get_rendition("fill-320x320")
    contact_her(page, "fr", "Accepteriez-vous d'intervenir à notre journée tech ?")
    page_id, image_id = page.pk, image.pk
    assert IndexEntry.objects.filter(object_id=str(page_id)).exists()
    assert "Lotte Janssens" in Client().get(INDEX["fr"] + "experts/").content.decode()

    refused = Client().post(profile, {"action": "delete"})  # without ticking the box
    assert refused.status_code == 400
    assert "Veuillez cocher la case pour confirmer" in unescape(refused.content.decode())
    assert TestimonialPage.objects.filter(pk=page_id).exists()

    with caplog.at_level(logging.INFO, logger="testimonials.experts"):
        response = Client().post(profile, {"action": "delete", "confirm_delete": "1"})

    assert response.status_code == 200
    assert "Votre profil et vos données ont été supprimés" in unescape(response.content.decode())
    assert not TestimonialPage.objects.filter(pk=page_id).exists()
    assert not Revision.objects.filter(object_id=str(page_id)).exists()
    assert not WorkflowState.objects.filter(object_id=str(page_id)).exists()
    assert not PageLogEntry.objects.filter(page_id=page_id).exists()
    assert not get_image_model().objects.filter(pk=image_id).exists()
    assert not Rendition.objects.filter(pk=rendition.pk).exists()
    assert not IndexEntry.objects.filter(object_id=str(page_id)).exists()
    assert "Lotte Janssens" not in Client().get(INDEX["fr"] + "experts/").content.decode()
    (request,) = ContactRequest.objects.all()
    assert (request.message, request.expert_name, request.expert_id) == ("", "", None)
    assert not ExpertSignup.objects.exists() and not ExpertNotice.objects.exists()
    (deletion,) = ExpertDeletion.objects.all()
    assert deletion.page_id == page_id
    assert [field.name for field in ExpertDeletion._meta.fields] == ["id", "page_id", "deleted_at"]
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert str(page_id) in logged and "Lotte" not in logged and "lotte@example.org" not in logged

    gone = Client().get(profile)  # her old link
    assert gone.status_code == 410
    assert "Ce profil n'existe plus." in unescape(gone.content.decode())


def test_a_fresh_link_is_sent_without_revealing_who_is_registered(moderator):
    signup, _page, _profile = published_expert(moderator, "nl")
    link_page = INDEX["nl"] + "experts/profile/"

    known = Client().post(link_page, {"email": "LOTTE@example.org", "website_url": ""}, follow=True)
    unknown = Client().post(link_page, {"email": "nobody@example.org", "website_url": ""}, follow=True)

    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert "Als we dit adres kennen, hebben we er een link naartoe gestuurd." in unescape(
        known.content.decode()
    )
    (message,) = mail.outbox
    assert message.to == [signup.email]
    assert message.subject == "Uw link om uw profiel te beheren"
    fresh = path_of(next(word for word in message.body.split() if "/experts/profile/" in word))
    assert Client().get(fresh).status_code == 200

    bad = Client().post(link_page, {"email": "geen-adres", "website_url": ""})
    assert bad.status_code == 400
    assert "Vul een geldig e-mailadres in" in unescape(bad.content.decode())


def test_expired_and_tampered_profile_links_are_refused_in_german(moderator):
    _signup, page, profile = published_expert(moderator, "de")

    class LongAgo(TimestampSigner):
        def timestamp(self):
            return b62_encode(int(time.time()) - tokens.PROFILE_MAX_AGE - 60)

    expired = tokens.for_url(LongAgo(salt=tokens.PROFILE_SALT).sign(str(page.pk)))
    response = Client().get(f"{INDEX['de']}experts/profile/{expired}/")
    assert response.status_code == 400
    assert "Dieser Link ist abgelaufen." in unescape(response.content.decode())

    signed = urlsafe_base64_decode(profile.rstrip("/").rsplit("/", 1)[1]).decode()
    other_page = tokens.for_url(str(page.pk + 1) + signed[len(str(page.pk)) :])
    for bad in [other_page, tokens.for_url(tampered(signed))]:
        response = Client().post(f"{INDEX['de']}experts/profile/{bad}/", {"action": "pause"})
        assert response.status_code == 400
        assert "Dieser Link ist ungültig." in unescape(response.content.decode())
    page.refresh_from_db()
    assert page.live


def test_asked_for_changes_she_edits_from_the_e_mail_and_her_profile_goes_back_to_moderation(moderator):
    response = Client().post(INDEX["nl"] + "experts/join/", signup_data())
    assert response.status_code == 302
    confirm(link_in(mail.outbox[0]))
    signup = ExpertSignup.objects.get()
    page = signup.page.specific
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    mail.outbox.clear()
    moderator.post(url, {"comment": "Vermeld ook uw werkgever, graag."})
    (asked,) = mail.outbox
    profile = path_of(next(word for word in asked.body.split() if "/experts/profile/" in word))
    first_state = WorkflowState.objects.get(object_id=str(page.pk))
    assert first_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    data = signup_data(employer="Ziekenhuis Gent", action="save")
    assert Client().post(profile, data).status_code == 302

    first_state.refresh_from_db()
    assert first_state.status == WorkflowState.STATUS_CANCELLED
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    approve(moderator, page)
    page.refresh_from_db()
    assert page.live and page.title == "Lotte Janssens"
    assert "Goed nieuws" in mail.outbox[-1].body


def test_deleting_her_profile_also_deletes_the_translations_the_editors_made(moderator):
    from wagtail_localize.models import String, TranslationSource

    from home.factories import translate

    _signup, page, profile = published_expert(moderator, "fr")
    dutch = translate(page, codes=["nl"])["nl"]
    bio = page.introduction
    assert String.objects.filter(data=bio).exists()
    assert TranslationSource.objects.filter(object_id=page.translation_key).exists()

    Client().post(profile, {"action": "delete", "confirm_delete": "1"})

    assert not TestimonialPage.objects.filter(pk__in=[page.pk, dutch.pk]).exists()
    assert not TranslationSource.objects.filter(object_id=page.translation_key).exists()
    assert not String.objects.filter(data=bio).exists()
    assert not IndexEntry.objects.filter(object_id__in=[str(page.pk), str(dutch.pk)]).exists()
