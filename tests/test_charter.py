"""The 'Women in Digital' charter (issue 17, point 2): an organisation signs, confirms by the link of its
e-mail, an editor approves, and it is listed on the charter page in the four languages, filterable by sector
and region, linked to its organisation's section of the catalogue; the confirmation link expires; a
signatory withdraws; bad input is refused in the visitor's language with nothing lost; the home page counts
the signatories. (The tests' task backend sends e-mails at once.)"""

import io
import os
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage

from bdt_site import content_version
from home.demo import read
from home.factories import OrganisationFactory, in_languages, publish, translate
from home.models import CharterCommitment, CharterPage, HomePage, Signatory
from home.models.charter import CONFIRM_SALT
from tests.html import count_queries, soup
from trainings.models import TrainingCatalogPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vocabularies")]

LANGUAGES = ["en", "fr", "nl", "de"]
# Three commitments of the demo's charter (home/demo/site.json), with their titles in the four languages.
COMMITMENT_KEYS = ["promote", "report", "leadership"]


def demo_charter_spec():
    return next(spec for spec in read("home", "site")["pages"] if spec["model"] == "home.CharterPage")


def demo_commitments():
    """{key: {code: title}} of COMMITMENT_KEYS, from the demo data."""
    items = demo_charter_spec()["fields"]["commitments"]["items"]
    return {
        item["key"]: {code: item["title"].get(code) for code in LANGUAGES}
        for item in items
        if item["key"] in COMMITMENT_KEYS
    }


@pytest.fixture
def charter(home_pages):
    """The charter page in the four languages, with the demo's slugs, titles and three of its commitments:
    {code: page}."""
    spec = demo_charter_spec()
    slugs = {code: spec["slug"].get(code) for code in LANGUAGES}
    titles = {code: spec["fields"]["title"].get(code) for code in LANGUAGES}
    commitments = demo_commitments()
    page = CharterPage(
        title=titles["en"],
        slug=slugs["en"],
        commitments=[CharterCommitment(key=key, title=commitments[key]["en"]) for key in COMMITMENT_KEYS],
    )
    home_pages["en"].add_child(instance=page)
    english = publish(page)
    texts = {**in_languages(**slugs), **in_languages(**titles)}
    for titles_of_one in commitments.values():
        texts.update(in_languages(**titles_of_one))
    return {"en": english, **translate(english, texts)}


def sign_url(page):
    return page.url + "sign/"


def png(width=120, height=60, colour=(90, 30, 120)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def form_data(**overrides):
    data = {
        "organisation_name": "Numérique Solidaire ASBL",
        "sector": "civil_society",
        "region": "brussels",
        "contact_name": "Léa Dupont",
        "email": "lea@example.org",
        "logo_alt": "Numérique Solidaire",
        "commitments": ["promote", "leadership"],
        "statement": "Nous formons chaque année 200 femmes aux métiers du numérique.",
        "consent": "on",
        "website_url": "",
    }
    data.update(overrides)
    return data


def sign(client, page, logo=True, **overrides):
    data = form_data(**overrides)
    if logo:
        data["logo"] = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    return client.post(sign_url(page), data)


def link_in(message, route):
    found = re.search(rf"https?://\S+/{route}/[^/\s]+/", message.body)
    assert found, message.body
    return urlsplit(found.group(0)).path


def listed_names(page, client=None, **params):
    response = (client or Client()).get(page.url, params)
    assert response.status_code == 200
    return [card.select_one("h3").get_text(strip=True) for card in soup(response).select(".signatory-card")]


@pytest.fixture
def reviewer(client, django_user_model):
    """A test client logged in as a member of Wagtail's "Editors" group (not a superuser)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("charter-editor", "charter-editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def approve(editor_client, signatory, **changes):
    """An editor sets the status to "approved" in the admin's edit form (other fields as they are)."""
    data = {
        "status": "approved",
        "organisation": "",
        "organisation_name": signatory.organisation_name,
        "sector": signatory.sector,
        "region": signatory.region_id or "",
        "statement": signatory.statement,
        "logo_alt": signatory.logo_alt,
        **changes,
    }
    response = editor_client.post(reverse("charter_signatories:edit", args=[signatory.pk]), data)
    assert response.status_code == 302, soup(response).select(".error-message, .help-critical")
    signatory.refresh_from_db()
    return signatory


# -- the whole journey ------------------------------------------------------------------------------------
def test_sign_confirm_approve_and_be_listed_in_all_four_languages(charter, reviewer):
    editor_client = reviewer
    client = Client()
    form = client.get(sign_url(charter["fr"]))
    assert form.status_code == 200
    boxes = soup(form).select("input[name=commitments]")
    assert [box["value"] for box in boxes] == COMMITMENT_KEYS
    labels = [box.find_parent("label").get_text(strip=True) for box in boxes]
    assert labels == [demo_commitments()[key]["fr"] for key in COMMITMENT_KEYS]

    version = content_version.current()
    response = sign(client, charter["fr"])
    assert response.status_code == 302
    assert content_version.current() == version  # a visitor's signature empties no cache
    assert "Vérifiez votre e-mail" in client.get(response["Location"]).content.decode()
    signatory = Signatory.objects.get()
    assert (signatory.status, signatory.language, signatory.commitments) == (
        "unconfirmed",
        "fr",
        ["promote", "leadership"],
    )
    assert signatory.logo and signatory.logo_width == 120
    # Only the signatory is written to, in French, with the link to confirm and the one to withdraw.
    assert [message.to for message in mail.outbox] == [["lea@example.org"]]
    confirmation = mail.outbox[0]
    assert confirmation.subject == "Confirmez votre signature de la charte Women in Digital"
    assert demo_commitments()["leadership"]["fr"] in confirmation.body
    assert listed_names(charter["fr"]) == []  # nothing is listed before the review

    confirm_url = link_in(confirmation, "confirm")
    assert confirm_url.startswith(charter["fr"].url)
    asked = client.get(confirm_url)  # a link checker opening the link confirms nothing
    assert asked.status_code == 200 and Signatory.objects.get().status == "unconfirmed"
    confirmed = client.post(confirm_url)
    assert confirmed.status_code == 200
    assert "la signature de Numérique Solidaire ASBL est confirmée" in confirmed.content.decode()
    signatory.refresh_from_db()
    assert signatory.status == "to_review" and signatory.confirmed_at
    editors = mail.outbox[1]
    assert editors.to == ["editors@localhost"] and editors.reply_to == ["lea@example.org"]
    assert "Numérique Solidaire ASBL" in editors.subject
    assert reverse("charter_signatories:edit", args=[signatory.pk]) in editors.body
    assert listed_names(charter["en"]) == []

    # The moderation queue lists it; the editor approves it.
    queue = editor_client.get(reverse("charter_signatories:index"), {"status": "to_review"})
    assert "Numérique Solidaire ASBL" in queue.content.decode()
    approve(editor_client, signatory)
    assert signatory.status == "approved" and signatory.reviewed_at
    published = mail.outbox[2]
    assert published.to == ["lea@example.org"]
    assert published.subject == "Votre organisation figure parmi les signataires de la charte"
    assert charter["fr"].full_url in published.body
    assert len(mail.outbox) == 3  # the earlier e-mails are not sent again

    for code in LANGUAGES:
        response = Client().get(charter[code].url)
        page = soup(response)
        card = page.select_one(".signatory-card")
        assert card.select_one("h3").get_text(strip=True) == "Numérique Solidaire ASBL", code
        logo = card.select_one("img")
        assert logo["alt"] == "Numérique Solidaire" and logo["src"].startswith("/media/charter/logos/")
        statement = card.select_one("blockquote")
        assert statement["lang"] == "fr"  # written in French, read so by screen readers on every page
        assert "200 femmes" in statement.get_text()
        # its region and commitments in the page's language
        assert card.select_one(".meta").get_text(" ", strip=True).endswith(_region_name("brussels", code))
        assert demo_commitments()["leadership"][code] in card.get_text()
    # filterable by sector (and the facet counts say so)
    assert listed_names(charter["nl"], sector="civil_society") == ["Numérique Solidaire ASBL"]
    assert listed_names(charter["nl"], sector="private") == []
    assert listed_names(charter["de"], region="brussels") == ["Numérique Solidaire ASBL"]
    assert listed_names(charter["de"], region="wallonia") == []
    count = soup(Client().get(charter["en"].url)).select_one('[data-count="sector=civil_society"]')
    assert count.get_text() == "(1)"


def _region_name(slug, code):
    from home.models import Region

    return Region.objects.get(slug=slug, locale__language_code=code).name


def test_a_signatory_matched_to_an_organisation_links_to_its_section_of_the_catalogue(charter, editor_client):
    organisation = OrganisationFactory(slug="numerique-solidaire", name="Numérique Solidaire")
    translate(organisation)
    sign(Client(), charter["en"], logo=False)
    signatory = Signatory.objects.get()
    signatory.confirm()
    approve(editor_client, signatory, organisation=organisation.pk)
    for code in LANGUAGES:
        catalogue = TrainingCatalogPage.objects.get(locale__language_code=code)
        card = soup(Client().get(charter[code].url)).select_one(".signatory-card")
        links = {a["href"] for a in card.select("a")}
        assert links == {catalogue.url + "organisations/numerique-solidaire/"}, code


def test_an_editor_rejects_a_signature_and_cannot_approve_one_not_confirmed(charter, reviewer):
    sign(Client(), charter["en"], logo=False)
    sign(Client(REMOTE_ADDR="192.0.2.7"), charter["en"], logo=False, organisation_name="Unconfirmed Ltd")
    confirmed, unconfirmed = Signatory.objects.order_by("pk")
    confirmed.confirm()
    mail.outbox.clear()

    refused = reviewer.post(
        reverse("charter_signatories:edit", args=[unconfirmed.pk]),
        {
            "status": "approved",
            "organisation_name": unconfirmed.organisation_name,
            "sector": unconfirmed.sector,
        },
    )
    assert refused.status_code == 200
    assert "This signature has not been confirmed by e-mail yet." in refused.content.decode()
    approve(reviewer, confirmed, status="rejected")
    assert confirmed.status == "rejected" and confirmed.reviewed_at
    assert Signatory.objects.get(pk=unconfirmed.pk).status == "unconfirmed"
    assert not mail.outbox  # a rejection is not mailed
    for code in LANGUAGES:
        assert listed_names(charter[code]) == []


# -- links that expire, links that withdraw ---------------------------------------------------------------
class SignedHoursAgo(signing.TimestampSigner):
    """A link made `hours` ago (the signer stamps the time it signs at)."""

    def __init__(self, hours, **kwargs):
        super().__init__(**kwargs)
        self.hours = hours

    def timestamp(self):
        return signing.b62_encode(int(time.time() - self.hours * 3600))


def confirm_link(page, signatory, hours):
    token = SignedHoursAgo(hours, salt=CONFIRM_SALT).sign(str(signatory.pk)).replace(":", "-")
    return page.url + f"confirm/{token}/"


def test_the_confirmation_link_expires_after_48_hours(charter):
    sign(Client(), charter["de"], logo=False)
    signatory = Signatory.objects.get()

    expired = Client().post(confirm_link(charter["de"], signatory, hours=49))
    assert expired.status_code == 410
    assert "Dieser Bestätigungslink ist abgelaufen" in expired.content.decode()
    assert soup(expired).select_one(f'a[href="{sign_url(charter["de"])}"]')  # sign again
    signatory.refresh_from_db()
    assert signatory.status == "unconfirmed"
    forged = Client().post(charter["de"].url + f"confirm/{signatory.pk}-forged/")
    assert forged.status_code == 404
    assert Signatory.objects.get().status == "unconfirmed"

    assert Client().post(confirm_link(charter["de"], signatory, hours=47)).status_code == 200
    assert Signatory.objects.get().status == "to_review"


def test_a_signatory_withdraws_with_the_link_of_her_e_mail(charter, editor_client):
    sign(Client(), charter["nl"], statement="Wij doen mee.")
    signatory = Signatory.objects.get()
    logo = Path(signatory.logo.path)
    assert logo.exists()
    signatory.confirm()
    approve(editor_client, signatory)
    assert listed_names(charter["en"]) == ["Numérique Solidaire ASBL"]
    withdraw_url = link_in(mail.outbox[0], "withdraw")
    assert link_in(mail.outbox[-1], "withdraw") == withdraw_url  # also in the e-mail saying she is listed

    asked = Client().get(withdraw_url)
    assert asked.status_code == 200 and Signatory.objects.get().status == "approved"
    done = Client().post(withdraw_url)
    assert done.status_code == 200
    assert "is ingetrokken" in done.content.decode()
    signatory.refresh_from_db()
    assert signatory.status == "withdrawn" and signatory.withdrawn_at
    assert not logo.exists() and not signatory.logo
    for code in LANGUAGES:
        assert listed_names(charter[code]) == []
    # An editor cannot list it again.
    response = editor_client.post(
        reverse("charter_signatories:edit", args=[signatory.pk]),
        {"status": "approved", "organisation_name": signatory.organisation_name, "sector": signatory.sector},
    )
    assert response.status_code == 200
    assert Signatory.objects.get().status == "withdrawn"
    assert Client().post(charter["nl"].url + "withdraw/nonsense/").status_code == 404
    # The confirmation link of a withdrawn signature confirms nothing.
    again = Client().post(link_in(mail.outbox[0], "confirm"))
    assert again.status_code == 404 and Signatory.objects.get().status == "withdrawn"


# -- bad input --------------------------------------------------------------------------------------------
def test_bad_input_is_refused_in_french_and_nothing_typed_is_lost(charter):
    response = sign(
        Client(),
        charter["fr"],
        logo=False,
        email="pas-une-adresse",
        sector="",
        commitments=["promote", "invented"],
        consent="",
    )
    assert response.status_code == 400
    page = soup(response)
    errors = {
        field: " ".join(li.get_text() for li in page.select(f"#id_{field}_error li"))
        for field in ("email", "sector", "commitments", "consent")
    }
    assert "Saisissez une adresse e-mail valide." in errors["email"]
    assert "Ce champ est obligatoire." in errors["sector"]
    assert "invented" in errors["commitments"]
    assert "Veuillez accepter" in errors["consent"]
    assert page.select_one("#id_organisation_name")["value"] == "Numérique Solidaire ASBL"
    assert page.select_one("#id_email")["value"] == "pas-une-adresse"
    assert "200 femmes" in page.select_one("#id_statement").get_text()
    assert page.select_one("#id_region option[selected]")["value"] == "brussels"
    assert page.select_one('input[name=commitments][value="promote"]').has_attr("checked")
    assert not Signatory.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    ("upload", "alt", "field", "message"),
    [
        (
            SimpleUploadedFile("logo.png", b"not an image at all", content_type="image/png"),
            "Logo",
            "logo",
            "Transférez une image valide.",
        ),
        (
            SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            "Logo",
            "logo",
            "Format d'image non supporté.",
        ),
        (None, "", "logo_alt", "Décrivez le logo"),
    ],
)
def test_a_logo_must_be_an_image_of_a_reasonable_size_with_its_text_alternative(
    charter, upload, alt, field, message
):
    data = form_data(logo_alt=alt)
    data["logo"] = upload or SimpleUploadedFile("logo.png", png(), content_type="image/png")
    response = Client().post(sign_url(charter["fr"]), data)
    assert response.status_code == 400
    errors = " ".join(li.get_text() for li in soup(response).select(f"#id_{field}_error li"))
    assert message in errors
    assert "choisir à nouveau le logo" in response.content.decode()
    assert not Signatory.objects.exists()


def test_a_logo_too_wide_or_too_heavy_is_refused(charter):
    data = form_data()
    data["logo"] = SimpleUploadedFile("logo.png", png(width=3200, height=10), content_type="image/png")
    response = Client().post(sign_url(charter["en"]), data)
    assert response.status_code == 400
    assert "3200 × 10 pixels" in soup(response).select_one("#id_logo_error").get_text()

    noise = io.BytesIO()
    PILImage.frombytes("RGB", (1000, 800), os.urandom(1000 * 800 * 3)).save(noise, format="PNG")
    assert noise.tell() > 2 * 1024 * 1024
    data = form_data()
    data["logo"] = SimpleUploadedFile("logo.png", noise.getvalue(), content_type="image/png")
    response = Client().post(sign_url(charter["de"]), data)
    assert response.status_code == 400
    assert "Maximale Dateigröße 2,0\u00a0MB" in soup(response).select_one("#id_logo_error").get_text()
    assert not Signatory.objects.exists()


def test_the_honeypot_and_the_rate_limit(charter):
    bot = sign(Client(REMOTE_ADDR="192.0.2.9"), charter["en"], logo=False, website_url="http://spam.example")
    assert bot.status_code == 400 and not Signatory.objects.exists()

    client = Client()
    statuses = [
        sign(client, charter["de"], logo=False, email=f"person{n}@example.org").status_code for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]  # five an hour per client address
    throttled = sign(client, charter["de"], logo=False, organisation_name="Noch eine VoG")
    assert throttled.status_code == 429
    assert soup(throttled).select_one("#id_organisation_name")["value"] == "Noch eine VoG"
    assert "Ihre Eingaben bleiben erhalten" in throttled.content.decode()


# -- the count on the home page ---------------------------------------------------------------------------
def test_the_home_page_counts_the_listed_signatories_and_links_to_the_charter(
    charter, home_pages, editor_client
):
    for code, home in home_pages.items():
        home.body = [
            ("charter_count", {"heading": f"Charter ({code})", "text": "", "link_text": f"Read ({code})"})
        ]
        publish(home)
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    sign(Client(), charter["fr"], logo=False)
    signatory = Signatory.objects.get()
    signatory.confirm()

    french = soup(Client().get(homes["fr"].url)).select_one(".charter-count")
    assert "0 organisation a signé la charte Women in Digital." in french.get_text(" ", strip=True)
    assert french.select_one("a")["href"] == charter["fr"].url

    approve(editor_client, signatory)
    for code, sentence in [
        ("fr", "1 organisation a signé la charte Women in Digital."),
        ("en", "1 organisation has signed the Women in Digital charter."),
        ("nl", "1 organisatie heeft het charter Women in Digital ondertekend."),
        ("de", "1 Organisation hat die Charta Women in Digital unterzeichnet."),
    ]:
        block = soup(Client().get(homes[code].url)).select_one(".charter-count")
        assert sentence in block.get_text(" ", strip=True), code
        assert block.select_one("a")["href"] == charter[code].url


# -- cost, and the demo -----------------------------------------------------------------------------------
def listed_signatory(charter, number, organisation=None):
    """An approved signatory (as after the journey above), with a logo and a statement."""
    return Signatory.objects.create(
        organisation_name=f"Organisation {number}",
        sector="private",
        contact_name="Contact",
        email=f"contact{number}@example.org",
        commitments=COMMITMENT_KEYS,
        statement=f"Statement {number}",
        language="en",
        page=charter["en"],
        organisation=organisation,
        status="approved",
        delivery_status="sent",
    )


def test_the_charter_page_costs_the_same_queries_for_one_signatory_or_six(charter):
    organisation = OrganisationFactory(slug="org-a", name="Org A")
    translate(organisation)
    listed_signatory(charter, 0, organisation)
    one, page = count_queries(Client(), charter["fr"].url)
    assert len(page.select(".signatory-card")) == 1
    for number in range(1, 6):
        listed_signatory(charter, number, organisation if number % 2 else None)
    six, page = count_queries(Client(), charter["fr"].url)
    assert len(page.select(".signatory-card")) == 6
    assert six == one


@pytest.mark.demo
def test_the_demo_charter_lists_its_signatories_in_four_languages_and_the_home_page_counts_them():
    spec = demo_charter_spec()
    expected = sorted(item["organisation_name"] for item in read("home", "charter")["signatories"])
    for code in LANGUAGES:
        page = CharterPage.objects.get(locale__language_code=code)
        assert page.slug == spec["slug"].get(code)
        assert page.commitments.count() == len(spec["fields"]["commitments"]["items"])
        assert listed_names(page) == expected, code
        home = soup(Client().get(HomePage.objects.get(locale__language_code=code).url))
        block = home.select_one(".charter-count")
        assert block.select_one("strong").get_text() == str(len(expected))
        assert block.select_one("a")["href"] == page.url
