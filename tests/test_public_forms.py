"""Public forms (issue 11, point 4): an expert is contacted only for the purposes she agreed to; names and titles
cannot break an e-mail header; subjects are plain text; invisible format characters never reach the database."""

import pytest
from django import forms
from django.core import mail
from django.core.exceptions import ValidationError

from events.forms import EventSubmissionForm, SpeakerForm
from events.models import EventPage, EventSubmission
from home.forms import PlainEmailField, PlainTextField, PlainURLField, clean_plain_text
from testimonials.forms import ContactExpertForm
from testimonials.models import ContactRequest
from tests.html import soup
from tests.test_events_submissions import form_data, submit_url, with_speakers
from tests.test_testimonials import VALID, contact_url

pytestmark = pytest.mark.django_db

BIDI_AND_ZERO_WIDTH = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff\u00ad"
)

HEADER_INJECTION = "Anne\r\nBcc: victim@evil.example"


def field_errors(response, name):
    field = soup(response).select_one(f"#id_{name}").find_parent(class_="field")
    return " ".join(item.text for item in field.select(".errorlist li"))


# -- the shared cleaning --------------------------------------------------------------------------------
def test_invisible_format_characters_are_removed():
    assert clean_plain_text(f"An{BIDI_AND_ZERO_WIDTH}ne") == "Anne"
    assert clean_plain_text("\u202eevil.exe\u202c") == "evil.exe"
    assert clean_plain_text("\ufeff Anne \u200b") == "Anne"
    assert clean_plain_text("👩\u200d💻 Dev") == "👩💻 Dev"  # a joiner inside an emoji may go
    assert clean_plain_text("Cafe\u0301") == "Café"  # still NFC


def test_line_breaks_are_refused_on_a_single_line_and_kept_in_a_textarea():
    for value in [
        HEADER_INJECTION,
        "a\nb",
        "a\rb",
        "a\tb",
        "a\x0bb",
        "a\x0cb",
        "a\x85b",
        "a\u2028b",
        "a\u2029b",
    ]:
        with pytest.raises(ValidationError) as refused:
            clean_plain_text(value)
        assert refused.value.code == "line_break", repr(value)
    assert clean_plain_text(" Anne \r\n") == "Anne"  # only around it: harmless, stripped
    assert clean_plain_text("Line 1\r\nLine 2\rLine 3\u2028Line 4\tend", multiline=True) == (
        "Line 1\nLine 2\nLine 3\nLine 4\tend"
    )
    with pytest.raises(ValidationError):
        clean_plain_text("a\x00b\nc", multiline=True)


@pytest.mark.usefixtures("experts")
@pytest.mark.parametrize("form_class", [ContactExpertForm, EventSubmissionForm, SpeakerForm])
def test_every_text_field_of_the_public_forms_is_cleaned(form_class, locales):
    from testimonials.models import TestimonialPage

    expert = TestimonialPage.objects.filter(open_to_speaking=True).first()
    form = form_class(expert=expert) if form_class is ContactExpertForm else form_class()
    multiline = {"message", "summary", "address"}
    for name, field in form.fields.items():
        if name == "website_url" or isinstance(
            field, forms.ChoiceField | forms.BooleanField | forms.DateTimeField
        ):
            continue  # the honeypot is never stored; choices and dates are parsed strictly
        assert isinstance(field, PlainTextField | PlainEmailField | PlainURLField), (form_class, name)
        if isinstance(field, PlainTextField):
            assert field.multiline == (name in multiline), (form_class, name)


# -- the contact form -----------------------------------------------------------------------------------
def purposes_offered(response):
    return [option["value"] for option in soup(response).select("#id_purpose option")]


@pytest.mark.usefixtures("experts")
def test_an_expert_is_offered_only_the_purposes_she_agreed_to(client):
    # Hanna Claes: mentoring and media, not speaking; Claire Dubois: speaking and media, not mentoring.
    assert purposes_offered(client.get(contact_url("en", "hanna-claes"))) == ["media", "mentoring"]
    assert purposes_offered(client.get(contact_url("fr", "claire-dubois"))) == ["speaking", "media"]
    # Open to all three: still no "Something else".
    assert purposes_offered(client.get(contact_url("de", "julia-weber"))) == [
        "speaking",
        "media",
        "mentoring",
    ]


@pytest.mark.parametrize(
    ("code", "slug", "purpose", "message"),
    [
        ("en", "hanna-claes", "speaking", "Hanna Claes has not agreed to be contacted for this purpose."),
        ("fr", "claire-dubois", "mentoring", "Claire Dubois n'a pas accepté d'être contactée pour ce motif."),
        ("nl", "julia-weber", "other", "Julia Weber heeft er niet mee ingestemd om hiervoor gecontacteerd"),
        ("de", "hanna-claes", "speaking", "Hanna Claes hat nicht zugestimmt, zu diesem Zweck kontaktiert"),
    ],
)
@pytest.mark.usefixtures("experts")
def test_a_request_for_another_purpose_is_refused_and_keeps_what_was_typed(
    client, code, slug, purpose, message
):
    response = client.post(contact_url(code, slug), {**VALID, "purpose": purpose})
    assert response.status_code == 400
    assert message in field_errors(response, "purpose")
    page = soup(response)
    assert page.select_one("#id_name")["value"] == VALID["name"]
    assert page.select_one("#id_organisation")["value"] == VALID["organisation"]
    assert page.select_one("#id_message").text.strip() == VALID["message"]
    assert not ContactRequest.objects.exists()
    assert not mail.outbox


@pytest.mark.usefixtures("experts")
def test_a_request_for_one_of_her_purposes_is_sent(client):
    response = client.post(contact_url("en", "hanna-claes"), {**VALID, "purpose": "mentoring"})
    assert response.status_code == 302
    assert ContactRequest.objects.get().purpose == "mentoring"


@pytest.mark.usefixtures("experts")
def test_a_name_that_would_add_an_e_mail_header_is_refused(client):
    for field in ["name", "organisation"]:
        response = client.post(contact_url("nl", "julia-weber"), {**VALID, field: HEADER_INJECTION})
        assert response.status_code == 400
        assert "op één regel" in field_errors(response, field)
    response = client.post(
        contact_url("nl", "julia-weber"), {**VALID, "email": "a@example.org\r\nBcc: x@evil.example"}
    )
    assert response.status_code == 400
    assert not ContactRequest.objects.exists()
    assert not mail.outbox


@pytest.mark.usefixtures("experts")
def test_the_subject_is_plain_text_and_invisible_characters_are_not_stored(client):
    data = {
        **VALID,
        "name": "Anne & Bob\u202e O'Brien\u200b",
        "organisation": "R&D Lab \u2066Team\u2069",
        "email": "anne\u200b@example.com",
        "message": "Dear Julia,\r\nwould you speak at \u202eour\u202c panel on May 3? Q&A included.\u200b",
    }
    response = client.post(contact_url("en", "julia-weber"), data)
    assert response.status_code == 302
    stored = ContactRequest.objects.get()
    assert stored.name == "Anne & Bob O'Brien"
    assert stored.organisation == "R&D Lab Team"
    assert stored.email == "anne@example.com"
    assert stored.message == "Dear Julia,\nwould you speak at our panel on May 3? Q&A included."
    assert stored.delivery_status == "sent"
    assert len(mail.outbox) == 3
    *relayed, copy = mail.outbox
    for message in relayed:
        assert message.subject == "Be Digital Together: Anne & Bob O'Brien would like to contact Julia Weber"
        assert message.reply_to == ["anne@example.com"]
    assert copy.subject == "Be Digital Together: a copy of your message to Julia Weber"
    for message in mail.outbox:
        assert "&amp;" not in message.body and "&#x27;" not in message.body
        assert "R&D Lab Team" in message.body


# -- the event submission form --------------------------------------------------------------------------
@pytest.mark.parametrize("field", ["contact_name", "organisation", "title", "venue_name"])
def test_event_fields_that_would_add_an_e_mail_header_are_refused(client, field):
    response = client.post(submit_url("fr"), form_data(**{field: HEADER_INJECTION}))
    assert response.status_code == 400
    assert "sur une seule ligne" in field_errors(response, field)
    assert soup(response).select_one("#id_organisation")["value"]  # what was typed is kept
    assert not EventSubmission.objects.exists()
    assert not mail.outbox


def test_a_speaker_name_that_would_add_a_header_is_refused(client):
    data = with_speakers(form_data(), [("Julia\nWeber", "keynote", "woman")])
    response = client.post(submit_url("de"), data)
    assert response.status_code == 400
    assert "in eine einzige Zeile" in soup(response).text
    assert not EventSubmission.objects.exists()


@pytest.mark.usefixtures("vocabularies")
def test_event_subjects_are_plain_text_and_invisible_characters_are_not_stored(client):
    data = with_speakers(
        form_data(
            title="Code & Kaffee\u202e für \u200bEinsteigerinnen",
            organisation="Frauen & Technik\u2066 VoG\u2069",
            contact_name="Anna O'Neill\ufeff",
            venue_name="Jugendzentrum\u00ad Eupen",
            summary="Ein Nachmittag\u200b zum Ausprobieren.\r\nMit Kaffee & Kuchen.",
            address="Hauptstraße 1\r\n4700 Eupen",
            registration_url="https://example.org/anmel\u200bdung",
        ),
        [("Julia\u200d Weber\u202e", "keynote", "woman")],
    )
    response = client.post(submit_url("de"), data)
    assert response.status_code == 200
    submission = EventSubmission.objects.get()
    assert submission.event_title == "Code & Kaffee für Einsteigerinnen"
    assert submission.organisation == "Frauen & Technik VoG"
    assert submission.contact_name == "Anna O'Neill"
    page = EventPage.objects.get(pk=submission.page_id)
    assert page.title == "Code & Kaffee für Einsteigerinnen"
    assert page.venue_name == "Jugendzentrum Eupen"
    assert page.introduction == "Ein Nachmittag zum Ausprobieren.\nMit Kaffee & Kuchen."
    assert page.address == "Hauptstraße 1\n4700 Eupen"
    assert page.registration_url == "https://example.org/anmeldung"
    assert [speaker.name for speaker in page.speakers.all()] == ["Julia Weber"]

    to_moderators, to_partner = mail.outbox
    assert (
        to_moderators.subject
        == f"New event to review: Code & Kaffee für Einsteigerinnen ({submission.reference})"
    )
    assert to_partner.subject.startswith(
        "Wir haben Ihre Veranstaltung erhalten: Code & Kaffee für Einsteigerinnen"
    )
    for message in mail.outbox:
        assert "\n" not in message.subject
        assert "&amp;" not in message.body and "&#x27;" not in message.body
    assert "Frauen & Technik VoG" in to_moderators.body
    assert "Anna O'Neill" in to_partner.body
