"""The contact page (issue 17, point 4): the organisation's details and the answer time, and a form whose message
is stored first, then e-mailed by the task worker to the editors and, as an acknowledgement, to the sender, in
the language she wrote in; a thank-you page that says what became of the e-mails. Bad input, the honeypot and
the rate limit keep everything typed and store nothing. (The tests' task backend sends at once;
tests/test_tasks.py runs the real worker.)"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail, signing
from django.test import Client, override_settings

from home.models import ContactMessage, ContactPage
from home.views import CONTACT_THANKS_SALT
from tests.html import soup
from tests.mail import FAILING_EMAIL_BACKEND

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("general_pages")]

URLS = {"en": "/en/contact/", "fr": "/fr/contact/", "nl": "/nl/contact/", "de": "/de/kontakt/"}

VALID = {
    "name": "Greta Schmitz",
    "email": "greta@example.org",
    "topic": "partnership",
    "message": "Unser Verein in Eupen möchte im Frühjahr einen Programmierkurs für Frauen anbieten.",
    "consent": "on",
}


def visitor(address="192.0.2.10"):
    return Client(REMOTE_ADDR=address)


def field_errors(page, name):
    field = page.select_one(f"#id_{name}").find_parent(class_="field")
    return " ".join(item.get_text() for item in field.select(".errorlist li"))


def test_the_page_shows_the_details_and_the_answer_time_in_the_visitors_language(client):
    page = soup(client.get(URLS["fr"]))
    details = page.select_one(".contact-details")
    assert details.select_one("address a[href^=mailto]")["href"] == "mailto:contact@example.org"
    assert details.select_one("address a[href^=tel]")["href"] == "tel:+3220000000"
    assert "Nous répondons dans les 5 jours ouvrables" in details.get_text()
    assert page.select_one("#id_topic option[selected]")["value"] == ""  # no topic chosen in advance
    labels = [option.get_text() for option in page.select("#id_topic option")][1:]
    assert labels == [
        "Une question",
        "Un partenariat",
        "Un problème d'accessibilité sur ce site",
        "Une demande de la presse",
        "Autre chose",
    ]
    privacy = page.select_one(".contact-form a[href='/fr/vie-privee/']")
    assert privacy is not None


def test_a_link_from_the_accessibility_statement_chooses_the_topic_in_advance(client):
    page = soup(client.get(URLS["nl"], {"topic": "accessibility"}))
    assert page.select_one("#id_topic option[selected]")["value"] == "accessibility"
    unknown = soup(client.get(URLS["nl"], {"topic": "<script>"}))
    assert unknown.select_one("#id_topic option[selected]")["value"] == ""


def test_a_visitor_coming_from_the_accessibility_statement_finds_that_topic_chosen(client):
    def chosen(referer):
        page = soup(client.get(URLS["de"], headers={"referer": referer}))
        return page.select_one("#id_topic option[selected]")["value"]

    assert chosen("http://testserver/de/barrierefreiheit/") == "accessibility"
    assert chosen("http://testserver/de/datenschutz/") == ""  # another page of the site
    assert chosen("https://elsewhere.example/de/barrierefreiheit/") == ""  # another site


def test_a_message_in_german_is_stored_sent_to_the_editors_acknowledged_and_thanked_for(settings):
    client = visitor()
    response = client.post(URLS["de"], VALID)
    assert response.status_code == 302
    assert response["Location"].startswith("/de/kontakt/thanks/?m=")
    stored = ContactMessage.objects.get()
    assert (stored.name, stored.email, stored.topic, stored.language) == (
        "Greta Schmitz",
        "greta@example.org",
        "partnership",
        "de",
    )
    assert stored.page == ContactPage.objects.get(locale__language_code="de")
    assert stored.delivery_status == "sent"

    editors, acknowledgement = mail.outbox
    assert editors.to == list(settings.EDITORS_EMAIL)
    assert editors.reply_to == ["greta@example.org"]
    assert editors.subject == "Be Digital Together: eine Nachricht von Greta Schmitz (Eine Partnerschaft)"
    assert VALID["message"] in editors.body
    assert "Thema: Eine Partnerschaft" in editors.body
    assert "Sprache: Deutsch" in editors.body
    assert acknowledgement.to == ["greta@example.org"]
    assert acknowledgement.subject == "Be Digital Together: Wir haben Ihre Nachricht erhalten"
    assert "Hallo Greta Schmitz," in acknowledgement.body
    assert "innerhalb von 5 Werktagen" in acknowledgement.body
    assert VALID["message"] in acknowledgement.body
    assert (
        f"Wir bewahren Ihre Nachricht {settings.CONTACT_RETENTION_DAYS} Tage lang auf" in acknowledgement.body
    )

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "no-cache" in thanks["Cache-Control"]
    page = soup(thanks)
    assert page.html["lang"] == "de"
    assert page.h1.get_text() == "Vielen Dank für Ihre Nachricht"
    status = page.select_one("[role=status]").get_text()
    assert "Wir haben Ihnen eine Eingangsbestätigung per E-Mail geschickt" in status
    assert "Greta" not in thanks.content.decode()  # nothing she typed is shown again


@override_settings(EMAIL_BACKEND=FAILING_EMAIL_BACKEND)
def test_when_the_e_mails_fail_the_message_is_kept_and_the_thank_you_page_says_so(admin_client):
    client = visitor()
    response = client.post(URLS["fr"], {**VALID, "topic": "question"})
    assert response.status_code == 302
    stored = ContactMessage.objects.get()
    assert stored.delivery_status == "failed"
    status = soup(client.get(response["Location"])).select_one("[role=status]").get_text()
    assert "Nous n'avons pas pu vous envoyer d'accusé de réception" in status
    assert "nos rédacteurs le verront" in status
    listing = admin_client.get("/admin/contact-messages/", {"delivery_status": "failed"})
    assert "Greta Schmitz" in listing.content.decode()


def test_while_the_e_mails_wait_for_the_worker_the_thank_you_page_says_they_are_on_their_way(client):
    page = ContactPage.objects.get(locale__language_code="en")
    waiting = ContactMessage.objects.create(
        page=page, name="Ann", email="ann@example.org", topic="press", message="A question from the press."
    )
    token = signing.dumps(waiting.pk, salt=CONTACT_THANKS_SALT)
    status = soup(client.get("/en/contact/thanks/", {"m": token})).select_one("[role=status]").get_text()
    assert "We are sending you an acknowledgement by e-mail" in status


def test_the_thank_you_page_needs_a_genuine_reference(client):
    message = ContactMessage.objects.create(
        name="Ann", email="ann@example.org", topic="press", message="Hello there"
    )
    for forged in ["", str(message.pk), signing.dumps(message.pk, salt="another")]:
        response = client.get("/en/contact/thanks/", {"m": forged})
        assert response.status_code == 302
        assert response["Location"] == "/en/contact/"


def test_bad_input_is_refused_with_translated_messages_and_everything_typed_kept():
    client = visitor()
    data = {**VALID, "email": "greta-at-example", "topic": "gossip", "message": "Hallo", "consent": ""}
    response = client.post(URLS["nl"], data)
    assert response.status_code == 400
    page = soup(response)
    assert page.html["lang"] == "nl"
    assert "Vul een geldig e-mailadres in" in field_errors(page, "email")
    assert "Kies een van de onderwerpen uit de lijst." in field_errors(page, "topic")
    assert "Schrijf iets meer (minstens 10 tekens)." in field_errors(page, "message")
    assert "Ga akkoord met de privacyverklaring" in field_errors(page, "consent")
    assert page.select_one("#id_name")["value"] == "Greta Schmitz"
    assert page.select_one("#id_email")["value"] == "greta-at-example"
    assert page.select_one("#id_message").get_text().strip() == "Hallo"
    assert page.select_one("[role=alert]").get_text().strip().startswith("Verbeter de velden")
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_a_name_that_would_add_an_e_mail_header_is_refused():
    response = visitor().post(URLS["en"], {**VALID, "name": "Anne\r\nBcc: victim@example.org"})
    assert response.status_code == 400
    assert "single line" in field_errors(soup(response), "name")
    assert not ContactMessage.objects.exists()


def test_a_filled_honeypot_stores_and_sends_nothing():
    response = visitor().post(URLS["fr"], {**VALID, "website_url": "https://spam.example"})
    assert response.status_code == 400
    page = soup(response)
    assert "Votre message n'a pas pu être accepté." in page.select_one("[role=alert]").get_text()
    assert page.select_one("#id_message").get_text().strip() == VALID["message"]
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_the_form_is_rate_limited_and_keeps_what_was_typed(settings):
    client = visitor("192.0.2.77")
    for number in range(settings.CONTACT_MESSAGES_PER_HOUR):
        data = {**VALID, "email": f"sender-{number}@example.org"}
        assert client.post(URLS["de"], data).status_code == 302
    response = client.post(URLS["de"], {**VALID, "email": "one-more@example.org"})
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    page = soup(response)
    assert "zu oft gesendet" in page.select_one("[role=alert]").get_text()
    assert page.select_one("#id_email")["value"] == "one-more@example.org"
    assert page.select_one("#id_message").get_text().strip() == VALID["message"]
    assert ContactMessage.objects.count() == settings.CONTACT_MESSAGES_PER_HOUR


def test_the_form_page_is_never_stored_by_a_cache(client):
    response = client.get(URLS["en"])
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "X-Accel-Expires" not in response


def test_editors_and_moderators_read_the_messages_in_the_admin(client, django_user_model):
    ContactMessage.objects.create(
        name="Ann Reader", email="ann@example.org", topic="press", message="Hello there"
    )
    for group in ("Editors", "Moderators"):
        user = django_user_model.objects.create_user(f"reader-{group}", f"{group}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        listing = client.get("/admin/contact-messages/")
        assert listing.status_code == 200
        assert "Ann Reader" in listing.content.decode()


# -- the demo content -------------------------------------------------------------------------------------
STATEMENT_SECTIONS = {
    "en": [
        "Compliance status",
        "Non-accessible content",
        "Preparation of this statement",
        "Feedback and contact",
        "Report an accessibility problem",
        "Enforcement procedure",
    ],
    "fr": [
        "État de conformité",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d'information et coordonnées",
        "Signaler un problème d'accessibilité",
        "Procédure d'application",
    ],
    "nl": [
        "Nalevingsstatus",
        "Niet-toegankelijke inhoud",
        "Opstelling van deze verklaring",
        "Feedback en contactgegevens",
        "Een toegankelijkheidsprobleem melden",
        "Handhavingsprocedure",
    ],
    "de": [
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Feedback und Kontaktangaben",
        "Ein Problem mit der Barrierefreiheit melden",
        "Durchsetzungsverfahren",
    ],
}
PREPARED = {
    "en": "prepared on 30 November 2026",
    "fr": "établie le 30 novembre 2026",
    "nl": "opgesteld op 30 november 2026",
    "de": "am 30. November 2026 erstellt",
}
OMBUDSMAN = {
    "en": "Federal Ombudsman",
    "fr": "Médiateur fédéral",
    "nl": "federale Ombudsman",
    "de": "Föderalen Ombudsmann",
}


@pytest.mark.demo
@pytest.mark.parametrize("code", ["en", "fr", "nl", "de"])
def test_the_demo_accessibility_statement_follows_the_eu_model_in_every_language(client, code):
    from wagtail.models import Locale, Site

    from home.models import SiteLinks

    links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    statement = links.accessibility_page.get_translation(Locale.objects.get(language_code=code))
    contact = links.contact_page.specific.get_translation(statement.locale)
    assert isinstance(contact, ContactPage)
    page = soup(client.get(statement.url))
    assert [h2.get_text(strip=True) for h2 in page.select("main h2")] == STATEMENT_SECTIONS[code]
    text = " ".join(
        page.select_one("main").get_text(" ").replace("\u00a0", " ").replace("\u202f", " ").split()
    )
    assert "(WCAG) 2.1" in text and "AA" in text and "2016/2102" in text
    assert PREPARED[code] in text
    assert "axe-core" in text and "Nu Html Checker" in text and "320" in text
    assert OMBUDSMAN[code] in text
    assert page.select_one("main .cta a")["href"] == contact.url
    form = soup(client.get(contact.url))
    assert form.select_one("address").get_text(" ").strip()
    assert form.select_one("#id_topic") is not None
