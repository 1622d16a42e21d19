"""Women experts join the directory themselves (issue 16, points 1 and 2): the sign-up form in four languages,
the double opt-in with a signed link that expires, the draft role model in her language submitted to
moderation, and what she and the editors are told at each step."""

import io
import re
import time
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signing import TimestampSigner, b62_encode
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlsafe_base64_decode
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from testimonials import tokens
from testimonials.models import ExpertSignup, TestimonialPage
from tests.mail import FAILING_EMAIL_BACKEND

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vocabularies")]

INDEX = {"en": "/en/role-models/", "fr": "/fr/modeles/", "nl": "/nl/rolmodellen/", "de": "/de/vorbilder/"}


def join_url(code):
    return INDEX[code] + "experts/join/"


def signup_data(**overrides):
    data = {
        "name": "Lotte Janssens",
        "email": "lotte@example.org",
        "job_title": "Data-ingenieur",
        "employer": "Zelfstandig",
        "sector": "software",
        "region": "flanders",
        "languages": ["nl", "en"],
        "competence_areas": ["cybersecurity"],
        "topics": "AI, machine learning, open data",
        "open_to": ["speaking", "media"],
        "bio": "Ik bouw datapijplijnen voor ziekenhuizen en spreek graag over AI in de zorg.",
        "portrait_alt_text": "",
        "consent": "on",
        "website_url": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def png(width=300, height=300):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("lotte.png", buffer.getvalue(), content_type="image/png")


def sign_up(code="nl", **overrides):
    response = Client().post(join_url(code), signup_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    return ExpertSignup.objects.get(email=overrides.get("email", "lotte@example.org"))


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def confirm(url):
    return Client().post(path_of(url))


# -- the form ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "code, heading",
    [
        ("en", "Join the directory of women experts"),
        ("fr", "Rejoignez l'annuaire des expertes"),
        ("nl", "Word lid van de gids van vrouwelijke experts"),
        ("de", "Treten Sie dem Verzeichnis der Expertinnen bei"),
    ],
)
def test_the_sign_up_form_in_each_language(client, code, heading):
    response = client.get(join_url(code))
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    for name in ["name", "email", "job_title", "employer", "region", "languages", "topics", "open_to", "bio"]:
        assert f'name="{name}"' in html
    assert 'type="file" name="portrait"' in html
    assert 'list="expert-topics"' in html and '<datalist id="expert-topics">' in html
    # The language switcher leads to the form in the other languages.
    for other in INDEX:
        assert f'href="{join_url(other)}" lang="{other}"' in html
    # The directory invites women experts to sign up.
    assert join_url(code) in client.get(INDEX[code] + "experts/").content.decode()


def test_a_good_sign_up_in_dutch_is_stored_with_her_consent_and_gets_a_confirmation_link():
    signup = sign_up("nl")

    assert (signup.language, signup.name, signup.job_title) == ("nl", "Lotte Janssens", "Data-ingenieur")
    assert signup.topics == ["AI", "machine learning", "open data"]
    assert signup.employer is None and signup.employer_name == "Zelfstandig"
    assert [term.slug for term in signup.competence_areas.all()] == ["cybersecurity"]
    assert signup.competence_areas.get().locale.language_code == "nl"
    assert signup.consent_version == "2026-11" and signup.consented_at is not None
    assert signup.confirmed_at is None and signup.page is None
    assert not TestimonialPage.objects.filter(title="Lotte Janssens").exists()
    (message,) = mail.outbox
    assert message.to == ["lotte@example.org"]
    assert message.subject == "Bevestig uw inschrijving in de gids van vrouwelijke experts"
    assert "48 uur" in message.body
    assert link_in(message).startswith("http://localhost/nl/rolmodellen/experts/join/confirm/")
    page = Client().get(join_url("nl") + "?sent=1").content.decode()
    assert "Controleer uw mailbox" in page


def test_bad_input_in_french_gets_a_translated_message_for_each_field_and_keeps_what_she_typed(client):
    data = signup_data(
        name="",
        email="pas-une-adresse",
        region="",
        languages=[],
        competence_areas=[],
        topics="",
        open_to=[],
        bio="Trop court",
        consent=None,
        job_title="Analyste <b>données</b>",
    )
    response = client.post(join_url("fr"), data)
    html = unescape(response.content.decode())
    assert response.status_code == 400
    for message in [
        "Veuillez indiquer votre nom tel qu'il doit apparaître dans l'annuaire.",
        "Veuillez indiquer une adresse e-mail valide, par exemple nom@exemple.be.",
        "Veuillez choisir la région où vous travaillez.",
        "Veuillez cocher au moins une langue que vous parlez.",
        "Veuillez cocher un domaine de compétences ou indiquer au moins un sujet d'expertise.",
        "Veuillez cocher au moins une possibilité : mentorat, interventions ou demandes des médias.",
        "Veuillez en écrire un peu plus (au moins 30 caractères).",
        "Veuillez accepter la publication de votre profil pour vous inscrire.",
        "Veuillez écrire du texte simple, sans balises HTML.",
    ]:
        assert message.replace(" :", "\u00a0:") in html, message
    assert 'value="pas-une-adresse"' in html and "Trop court" in html
    assert not ExpertSignup.objects.exists()
    assert not mail.outbox


def test_a_portrait_needs_a_description_and_a_real_image(client):
    response = client.post(join_url("de"), {**signup_data(), "portrait": png()})
    assert response.status_code == 400
    assert (
        "Bitte beschreiben Sie Ihr Porträt für Menschen, die es nicht sehen können."
        in response.content.decode()
    )

    broken = SimpleUploadedFile("lotte.png", b"\x89PNG\r\n\x1a\nnot really", content_type="image/png")
    response = client.post(
        join_url("de"), {**signup_data(portrait_alt_text="Lotte lacht"), "portrait": broken}
    )
    assert response.status_code == 400
    assert not ExpertSignup.objects.exists()
    assert not get_image_model().objects.exists()

    response = client.post(
        join_url("de"), {**signup_data(portrait_alt_text="Lotte lacht"), "portrait": png()}
    )
    assert response.status_code == 302
    signup = ExpertSignup.objects.get()
    assert signup.portrait.collection.name == "Expert portraits"
    assert (signup.portrait.width, signup.portrait_alt_text) == (300, "Lotte lacht")


def test_a_form_shown_again_asks_for_the_portrait_again(client):
    response = client.post(
        join_url("nl"), {**signup_data(bio="", portrait_alt_text="Lotte"), "portrait": png()}
    )
    assert response.status_code == 400
    assert "kiest u uw portret opnieuw" in response.content.decode()


def test_the_honeypot_stores_nothing(client):
    response = client.post(join_url("nl"), signup_data(website_url="http://spam.example"))
    assert response.status_code == 302
    assert not ExpertSignup.objects.exists() and not mail.outbox


def test_sign_ups_are_rate_limited_and_the_form_keeps_what_she_typed(client):
    for number in range(5):
        assert client.post(join_url("fr"), signup_data(email=f"e{number}@example.org")).status_code == 302
    response = client.post(join_url("fr"), signup_data(email="late@example.org", name="Camille Late"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Vous avez envoyé ce formulaire trop de fois" in html and 'value="Camille Late"' in html
    assert not ExpertSignup.objects.filter(email="late@example.org").exists()


def test_signing_up_again_with_a_known_address_sends_her_own_link_and_stores_nothing_new():
    signup = sign_up("nl")
    confirm(link_in(mail.outbox[0]))
    mail.outbox.clear()
    response = Client().post(join_url("nl"), signup_data(name="Someone else"))
    assert response.status_code == 302  # the same answer as for a new address
    assert ExpertSignup.objects.count() == 1
    (message,) = mail.outbox
    assert message.to == [signup.email] and "/experts/profile/" in message.body


# -- the confirmation link ----------------------------------------------------------------------------------
def test_the_link_asks_before_confirming_then_makes_a_draft_in_her_language_in_moderation():
    signup = sign_up("nl")
    url = path_of(link_in(mail.outbox[0]))
    mail.outbox.clear()

    shown = Client().get(url)  # a mail scanner opening the link confirms nothing
    assert shown.status_code == 200
    assert "Bevestig mijn inschrijving" in shown.content.decode()
    assert not TestimonialPage.objects.filter(title="Lotte Janssens").exists()

    response = Client().post(url)
    assert response.status_code == 200
    assert "uw adres is bevestigd" in response.content.decode()
    signup.refresh_from_db()
    page = signup.page.specific
    assert page.locale.language_code == "nl"
    assert page.get_parent().url == INDEX["nl"]
    assert not page.live and page.has_unpublished_changes
    assert (page.title, page.job_title, page.contact_email) == (
        "Lotte Janssens",
        "Data-ingenieur",
        signup.email,
    )
    assert page.languages == ["nl", "en"] and page.open_to_speaking and page.open_to_media
    assert not page.open_to_mentoring
    assert sorted(tag.name for tag in page.expertise_tags.all()) == ["AI", "machine learning", "open data"]
    assert page.region.slug == "flanders" and page.region.locale.language_code == "nl"
    assert page.consent_date == timezone.localdate(signup.consented_at)  # the day in Brussels
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Client().get(page.url or INDEX["nl"] + page.slug + "/").status_code == 404  # not public yet

    to_her, to_editors = sorted(mail.outbox, key=lambda message: message.to != [signup.email])
    assert to_her.subject == "We hebben uw profiel ontvangen: onze redactie bekijkt het"
    assert "/nl/rolmodellen/experts/profile/" in to_her.body
    assert to_editors.to == ["editors@localhost"]
    assert to_editors.subject == "Expert profile to review: Lotte Janssens"
    assert f"/admin/pages/{page.pk}/edit/" in to_editors.body
    assert "Zelfstandig" in to_editors.body  # the employer she typed, for the editors to add

    mail.outbox.clear()
    again = Client().post(url)  # a second confirmation does nothing
    assert again.status_code == 200
    assert "was al bevestigd" in again.content.decode()
    assert TestimonialPage.objects.filter(title="Lotte Janssens").count() == 1
    assert not mail.outbox


def test_an_expired_link_is_refused_with_a_translated_message():
    signup = sign_up("fr")

    class TwoDaysAgo(TimestampSigner):
        def timestamp(self):
            return b62_encode(int(time.time()) - tokens.CONFIRM_MAX_AGE - 60)

    token = tokens.for_url(TwoDaysAgo(salt=tokens.CONFIRM_SALT).sign(str(signup.pk)))
    response = Client().post(f"{INDEX['fr']}experts/join/confirm/{token}/")
    assert response.status_code == 400
    assert "Ce lien de confirmation a expiré" in response.content.decode()
    signup.refresh_from_db()
    assert signup.confirmed_at is None and signup.page is None


def test_a_tampered_link_is_refused_with_a_translated_message():
    signup = sign_up("de")
    signed = urlsafe_base64_decode(tokens.confirmation_token(signup)).decode()
    other = str(signup.pk + 1) + signed[len(str(signup.pk)) :]  # another sign-up's number, the same signature
    changed = signed[:-1] + ("A" if signed[-1] != "A" else "B")
    for bad in [tokens.for_url(changed), tokens.for_url(other), "not-base64-at-all"]:
        response = Client().post(f"{INDEX['de']}experts/join/confirm/{bad}/")
        assert response.status_code == 400
        assert "Dieser Bestätigungslink ist ungültig" in response.content.decode()
    signup.refresh_from_db()
    assert signup.confirmed_at is None


# -- moderation --------------------------------------------------------------------------------------------
@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user("moderator-x", "mod@example.org", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


def act(client, page, action, comment=None):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment} if comment is not None else {})
    assert response.status_code in {200, 302}


def confirmed(code="nl", **overrides):
    signup = sign_up(code, **overrides)
    confirm(link_in(mail.outbox[0]))
    mail.outbox.clear()
    signup.refresh_from_db()
    return signup, signup.page.specific


def test_approved_she_is_told_in_dutch_and_found_in_the_directory_with_the_dutch_and_ai_filters(
    client, moderator
):
    signup, page = confirmed("nl")

    act(client, page, "approve")

    page.refresh_from_db()
    assert page.live
    (message,) = mail.outbox
    assert message.to == [signup.email]
    assert message.subject == "Uw profiel is gepubliceerd in de gids van vrouwelijke experts"
    assert page.get_full_url() in message.body
    directory = Client().get(INDEX["nl"] + "experts/", {"language": "nl", "q": "AI"}).content.decode()
    assert "Lotte Janssens" in directory
    assert "lotte@example.org" not in directory


def test_changes_requested_she_is_told_in_german_with_the_comment(client, moderator):
    signup, page = confirmed("de")

    act(client, page, "reject", "Bitte ergänzen Sie Ihre Berufsbezeichnung.")

    (message,) = mail.outbox
    assert message.to == [signup.email]
    assert message.subject == "Unsere Redaktion bittet Sie, Ihr Profil zu ändern"
    assert "Bitte ergänzen Sie Ihre Berufsbezeichnung." in message.body
    assert "/de/vorbilder/experts/profile/" in message.body
    page.refresh_from_db()
    assert not page.live


def test_an_unconfirmed_sign_up_purged_takes_her_portrait_with_it(client):
    data = {**signup_data(portrait_alt_text="Lotte lacht"), "portrait": png()}
    assert client.post(join_url("nl"), data).status_code == 302
    image = ExpertSignup.objects.get().portrait
    rendition = image.get_rendition("fill-320x320")

    ExpertSignup.objects.filter(confirmed_at__isnull=True).delete()  # as a retention purge does

    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not type(rendition).objects.filter(pk=rendition.pk).exists()


def test_a_failed_confirmation_e_mail_is_shown_to_the_editors_and_sent_again(editor_client):
    with override_settings(EMAIL_BACKEND=FAILING_EMAIL_BACKEND):
        signup = sign_up("fr")
    notice = signup.notices.get()
    assert notice.delivery_status == "failed" and not mail.outbox

    listing = editor_client.get("/admin/expert-notices/", {"delivery_status": "failed"}).content.decode()
    resend = reverse("expert_notices:resend", args=[notice.pk])
    assert resend in listing
    editor_client.post(resend)

    notice.refresh_from_db()
    assert notice.delivery_status == "sent"
    (message,) = mail.outbox
    assert message.to == [signup.email] and "/fr/modeles/experts/join/confirm/" in message.body


def test_a_role_model_deleted_by_the_editors_takes_her_sign_up_and_e_mails_with_it():
    signup = sign_up("de")
    confirm(link_in(mail.outbox[0]))
    signup.refresh_from_db()

    signup.page.delete()

    assert not ExpertSignup.objects.filter(pk=signup.pk).exists()
    assert not signup.notices.exists()
