"""Role models and the women experts & speakers directory (issue 3)."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test.utils import override_settings
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from home.factories import translate
from home.models import CompetenceArea, HomePage, Region
from testimonials.directory import suggest_speakers
from testimonials.factories import TestimonialPageFactory as RoleModelFactory
from testimonials.models import ContactRequest
from testimonials.models import TestimonialIndexPage as RoleModelIndex
from testimonials.models import TestimonialPage as RoleModel
from testimonials.models import TestimonialPageCareerStep as CareerStep
from tests.html import count_queries, option_count, result_count
from tests.mail import FAILING_EMAIL_BACKEND

pytestmark = pytest.mark.django_db

STORY = [
    ("paragraph", "<p>She learnt to code at 24 in a bootcamp.</p>"),
    ("quote", {"quote": "Try it.", "attribution": "Amina"}),
]


def names(response, selector=".card h2"):
    soup = BeautifulSoup(response.content, "html.parser")
    return {node.get_text(strip=True) for node in soup.select(selector)}


def index_for(code):
    return RoleModelIndex.objects.get(locale__language_code=code)


# -- editor rules ---------------------------------------------------------------------------------------
class PageRulesTests(WagtailPageTestCase):
    def test_role_models_live_under_their_index_under_home(self):
        self.assertCanCreateAt(HomePage, RoleModelIndex)
        self.assertCanCreateAt(RoleModelIndex, RoleModel)
        self.assertCanNotCreateAt(HomePage, RoleModel)
        self.assertAllowedSubpageTypes(RoleModel, {})

    def test_role_models_render_in_every_language(self):
        role_model = RoleModelFactory(parent=index_for("en"), title="Amina El Idrissi", story=STORY)
        translations = translate(role_model)
        assert sorted(translations) == ["de", "fr", "nl"]
        for page in [role_model, *translations.values()]:
            assert page.live
            self.assertPageIsRenderable(page)


def _admin_post_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": "",
        "portrait": "",
        "portrait_alt_text": "",
        "job_title": page.job_title,
        "employer": "",
        "sector": page.sector,
        "region": "",
        "pull_quote": "",
        "story-count": "0",
        "career_steps-TOTAL_FORMS": "0",
        "career_steps-INITIAL_FORMS": "0",
        "career_steps-MIN_NUM_FORMS": "0",
        "career_steps-MAX_NUM_FORMS": "20",
        "expertise_tags": "",
        "contact_email": "",
        "consent_date": "",
        "seo_title": "",
        "search_description": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_publishing_without_consent_date_is_refused_but_a_draft_is_saved(admin_client):
    index = index_for("en")
    page = RoleModel(
        title="Draft Person", slug="draft-person", job_title="Tester", sector="software", live=False
    )
    index.add_child(instance=page)
    url = f"/admin/pages/{page.pk}/edit/"

    response = admin_client.post(url, _admin_post_data(page, **{"action-publish": "action-publish"}))
    assert response.status_code == 200
    page.refresh_from_db()
    assert not page.live
    assert "cannot be published without the date on which she agreed" in response.content.decode()

    response = admin_client.post(url, _admin_post_data(page, job_title="Tester and writer"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision_as_object().job_title == "Tester and writer"

    response = admin_client.post(
        url, _admin_post_data(page, consent_date="2025-03-01", **{"action-publish": "action-publish"})
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


def test_consent_message_is_translated_for_a_french_editor(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    index = index_for("en")
    page = RoleModel(title="Brouillon", slug="brouillon", job_title="Testeuse", sector="software", live=False)
    index.add_child(instance=page)
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/", _admin_post_data(page, **{"action-publish": "action-publish"})
    )
    page.refresh_from_db()
    assert not page.live
    assert "date à laquelle elle a accepté" in response.content.decode()


# -- listing --------------------------------------------------------------------------------------------
def test_french_listing_filters_combine_and_narrow(client, content):
    url = index_for("fr").url
    assert url == "/fr/modeles/"
    earlier = names(client.get(url))  # the session's role models (tests/conftest.py EXPERTS), if made
    content.role_models("fr")
    everyone = names(client.get(url)) - earlier
    software = names(client.get(url, {"sector": "software"})) - earlier
    both = names(client.get(url, {"sector": "software", "region": "wallonia"}))
    assert everyone == {"Amina", "Lotte", "Sarah", "Claire", "Nadia", "Eva", "Ines"}
    assert software == {"Amina", "Lotte", "Claire", "Ines"}
    assert both == {"Claire"}
    response = client.get(url, {"sector": "software", "competence": "cybersecurity"})
    assert names(response) == {"Amina", "Claire"}
    # Counts per value for the other filters, in French.
    html = response.content.decode()
    counts = {region: option_count(html, "region", region) for region in ("brussels", "wallonia", "flanders")}
    assert counts == {"brussels": 1, "wallonia": 1, "flanders": 0}


def test_listing_target_group_filter_shows_other_languages_marked(client, content):
    content.role_models("de")
    content.role_models("en")  # no German version: shown in the German listing too, marked as English
    response = client.get("/de/vorbilder/", {"target": "women-jobseekers"})
    page = BeautifulSoup(response.content, "html.parser")
    german = {a.text: a["href"] for a in page.select(".card:not([lang]) h2 a")}
    english = {a.text: a["href"] for a in page.select('.card[lang="en"] h2 a')}
    assert set(german) == set(english) == {"Amina", "Sarah", "Eva"}
    assert all(link.startswith("/de/vorbilder/") for link in german.values())
    assert all(link.startswith("/en/role-models/") for link in english.values())


@pytest.mark.parametrize(
    "params",
    [{"sector": "<script>"}, {"region": "atlantis"}, {"page": "abc"}, {"page": "9999"}, {"target": ""}],
)
def test_invalid_filter_values_are_ignored(client, content, params):
    content.role_models("nl")
    response = client.get("/nl/rolmodellen/", params)
    assert response.status_code == 200
    assert names(response) == names(client.get("/nl/rolmodellen/"))
    assert names(response) >= {"Amina", "Lotte", "Sarah", "Claire", "Nadia", "Eva", "Ines"}


def test_listing_query_count_does_not_grow_with_the_number_of_role_models(client, content, portrait):
    """12 role models, then 36 (all with a portrait, a region and a competence area): the same queries."""
    index = index_for("en")
    cyber = CompetenceArea.objects.get(slug="cybersecurity", locale=index.locale)
    region = Region.objects.get(slug="brussels", locale=index.locale)
    url = index.url + "?region=brussels"

    def add(count, prefix):
        for number in range(count):
            page = RoleModelFactory.build(
                title=f"{prefix} {number:03d}",
                slug=f"{prefix.lower()}-{number:03d}",
                portrait=portrait,
                region=region,
            )
            page.portrait_alt_text = "Portrait"
            page.competence_areas = [cyber]
            index.add_child(instance=page)

    add(12, "Expert")
    small, small_names = count_queries(client, url, parse=names)
    add(24, "Aa")
    large, large_names = count_queries(client, url, parse=names)
    assert len(small_names) == len(large_names) == 12 and small_names != large_names
    assert result_count(client.get(url)) == 36
    assert small == large


# -- detail page -----------------------------------------------------------------------------------------
def test_detail_page_has_person_json_ld_open_graph_and_translated_career_path(client, vocabularies, portrait):
    from home.factories import in_languages, publish

    english = RoleModelFactory(
        parent=index_for("en"),
        title="Amina El Idrissi",
        slug="amina-el-idrissi",
        job_title="Ethical hacker",
        pull_quote="Security is a team sport.",
        portrait=portrait,
        portrait_alt_text="Illustrated portrait of Amina El Idrissi",
        contact_email="amina@example.org",
    )
    english.competence_areas = [vocabularies["cybersecurity"]["en"]]
    english.career_steps = [CareerStep(year=2016, role="Junior developer", locale=english.locale)]
    english = publish(english)
    translate(
        english,
        {
            **in_languages(**dict.fromkeys(("en", "fr", "nl", "de"), "amina-el-idrissi")),
            **in_languages(**dict.fromkeys(("en", "fr", "nl", "de"), "Amina El Idrissi")),
            **in_languages(
                en="Ethical hacker", fr="Hackeuse éthique", nl="Ethisch hacker", de="Ethische Hackerin"
            ),
            **in_languages(
                en="Junior developer",
                fr="Développeuse junior",
                nl="Junior ontwikkelaar",
                de="Junior-Entwicklerin",
            ),
            **in_languages(
                en="Illustrated portrait of Amina El Idrissi",
                fr="Portrait illustré d'Amina El Idrissi",
                nl="Geïllustreerd portret van Amina El Idrissi",
                de="Illustriertes Porträt von Amina El Idrissi",
            ),
        },
    )
    response = client.get("/de/vorbilder/amina-el-idrissi/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.find_all("h1")) == 1
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Person"
    assert data["name"] == "Amina El Idrissi"
    assert data["jobTitle"] == "Ethische Hackerin"
    assert "Cybersicherheit" in data["knowsAbout"]
    assert soup.find("meta", property="og:image")["content"].startswith("http")
    assert soup.find("meta", property="og:description")["content"]
    assert "Junior-Entwicklerin" in soup.select_one(".career-path").get_text()
    assert soup.select_one(".role-model__portrait")["alt"] == "Illustriertes Porträt von Amina El Idrissi"
    assert "@example.org" not in response.content.decode()


@pytest.mark.usefixtures("experts")
def test_json_ld_cannot_break_out_of_its_script(client):
    page = RoleModel.objects.get(slug="sofie-vermeulen", locale__language_code="en")
    page.pull_quote = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content


# -- directory -----------------------------------------------------------------------------------------
def test_dutch_directory_search_narrows_by_language(client, content):
    content.role_models("nl")
    url = "/nl/rolmodellen/experts/"
    # "Cyberbeveiliging" is the Dutch name of a competence area, not in any name or job title
    found = names(client.get(url, {"q": "cyberbeveiliging"}))
    assert found == {"Amina", "Sarah", "Claire"}
    dutch = names(client.get(url, {"q": "cyberbeveiliging", "language": "nl"}))
    assert dutch == {"Sarah"}
    for page in RoleModel.objects.filter(title__in=dutch, locale__language_code="nl"):
        assert "nl" in page.languages


def test_directory_lists_only_people_open_to_speaking_or_media(client, content):
    earlier = names(client.get("/fr/modeles/experts/"))  # the session's experts (tests/conftest.py), if made
    content.role_models("fr")
    content.add(
        RoleModelFactory, index_for("fr"), title="Inge", open_to_mentoring=True, open_to_speaking=False
    )
    found = names(client.get("/fr/modeles/experts/")) - earlier
    assert "Inge" not in found  # mentoring only
    assert "Eva" not in found  # open to nothing
    assert found == {"Amina", "Lotte", "Sarah", "Claire", "Nadia", "Ines"}  # speaking, media or both


def test_directory_filters_by_expertise_region_and_tags(client, content):
    url = "/en/role-models/experts/"
    earlier = names(client.get(url))  # the session's experts (tests/conftest.py), if made
    amina, *_others = content.role_models("en")
    amina.expertise_tags.add("Kubernetes")
    amina.save_revision().publish()
    assert names(client.get(url, {"expertise": "programming-web", "region": "brussels"})) == {
        "Amina",
        "Lotte",
        "Nadia",
    }
    assert names(client.get(url, {"q": "kubernetes"})) == {"Amina"}
    response = client.get(url, {"language": "xx", "region": "mars", "expertise": "<b>"})
    assert response.status_code == 200
    everyone = {"Amina", "Lotte", "Sarah", "Claire", "Nadia", "Ines"}
    assert names(response) == names(client.get(url)) == everyone | earlier


# -- contact form ---------------------------------------------------------------------------------------
def contact_url(code, slug):
    page = RoleModel.objects.get(slug=slug, locale__language_code=code)
    return page.contact_url()


VALID = {
    "name": "Anne Organiser",
    "email": "anne@example.com",
    "organisation": "Tech Panel Days",
    "purpose": "speaking",
    "message": "We would love to have you on our panel about security in May.",
}


@pytest.mark.usefixtures("experts")
def test_contact_request_is_stored_and_forwarded_to_her_and_the_editors(client, settings):
    url = contact_url("fr", "sofie-vermeulen")
    response = client.get(url)
    assert response.status_code == 200
    assert "sofie-vermeulen@example.org" not in response.content.decode()
    response = client.post(url, VALID)
    assert response.status_code == 302
    stored = ContactRequest.objects.get(email="anne@example.com")
    assert stored.delivery_status == "sent"
    assert stored.expert.slug == "sofie-vermeulen"
    *relayed, copy = mail.outbox
    recipients = {address for message in relayed for address in message.to}
    assert recipients == {"sofie-vermeulen@example.org", *settings.EDITORS_EMAIL}
    assert all(message.reply_to == ["anne@example.com"] for message in relayed)
    # She gets a copy of her message, in French (the page she wrote from).
    assert copy.to == ["anne@example.com"]
    assert copy.subject == "Be Digital Together\u00a0: une copie de votre message à Sofie Vermeulen"
    assert VALID["message"] in copy.body
    follow = client.get(response["Location"])
    assert "Merci" in follow.content.decode()


@pytest.mark.usefixtures("experts")
def test_contact_form_errors_are_translated(client):
    url = contact_url("nl", "julia-weber")
    response = client.post(url, {**VALID, "email": "not-an-address", "message": "Hi", "purpose": "bribe"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een geldig e-mailadres in" in html
    assert ContactRequest.objects.count() == 0
    assert not mail.outbox


@pytest.mark.usefixtures("experts")
def test_honeypot_stores_nothing(client):
    response = client.post(contact_url("en", "julia-weber"), {**VALID, "website_url": "http://spam.example"})
    assert response.status_code == 302
    assert ContactRequest.objects.count() == 0
    assert not mail.outbox


@pytest.mark.usefixtures("experts")
def test_contact_form_is_rate_limited_per_address(client):
    url = contact_url("de", "julia-weber")
    for _ in range(5):
        assert client.post(url, VALID).status_code == 302
    response = client.post(url, VALID)
    assert response.status_code == 429
    assert ContactRequest.objects.count() == 5


@pytest.mark.usefixtures("experts")
def test_contact_only_for_experts_of_the_same_locale(client):
    mentor = RoleModel.objects.get(slug="inge-peeters", locale__language_code="en")
    assert mentor.contact_url() == ""
    assert client.get(f"/en/role-models/experts/{mentor.pk}/contact/").status_code == 404
    french = RoleModel.objects.get(slug="julia-weber", locale__language_code="fr")
    assert client.get(f"/en/role-models/experts/{french.pk}/contact/").status_code == 404


@pytest.mark.usefixtures("experts")
@override_settings(EMAIL_BACKEND=FAILING_EMAIL_BACKEND)
def test_smtp_failure_keeps_the_request_and_shows_it_in_the_admin(client, admin_client):
    response = client.post(contact_url("nl", "sofie-vermeulen"), VALID)
    assert response.status_code == 302
    stored = ContactRequest.objects.get()
    assert stored.delivery_status == "failed"
    assert "relay down" in stored.delivery_error
    listing = admin_client.get("/admin/contact-requests/", {"delivery_status": "failed"})
    assert listing.status_code == 200
    assert "Anne Organiser" in listing.content.decode()
    detail = admin_client.get(f"/admin/contact-requests/inspect/{stored.pk}/")
    assert "relay down" in detail.content.decode()


# -- contract for the events app -------------------------------------------------------------------------
def test_suggest_speakers_returns_live_experts_of_the_active_locale_best_first(content, locales):
    from home.factories import CompetenceAreaFactory

    content.role_models("fr")
    content.role_models("en")
    for code in ("en", "fr"):
        cloud = CompetenceAreaFactory(slug="cloud-infrastructure", name="Cloud", locale=locales[code])
        cyber = content.term("cybersecurity", code)
        for title, areas, languages in (
            ("Julia Schneider", [cyber, cloud], ["de", "nl", "en"]),
            ("Anna Schmitt", [cyber], ["de"]),
            ("Lena Cloud", [cloud], ["de"]),
            ("Marie Mute", [cyber, cloud], ["fr"]),  # no German
        ):
            content.add(
                RoleModelFactory,
                index_for(code),
                {"competence_areas": areas},
                title=title,
                languages=languages,
            )
    with translation.override("fr"):
        speakers = suggest_speakers(["cybersecurity", "cloud-infrastructure"], ["de"], limit=5)
        french = Locale.objects.get(language_code="fr")
    assert speakers and all(s.locale_id == french.pk for s in speakers)
    assert speakers[0].title == "Julia Schneider"  # both areas and German
    assert {s.title for s in speakers} == {"Julia Schneider", "Anna Schmitt", "Lena Cloud"}
    assert all("de" in s.languages and (s.open_to_speaking or s.open_to_media) for s in speakers)
    assert re.match(r"^/fr/modeles/", speakers[0].get_url())
    assert suggest_speakers(["cybersecurity"], ["xx"]) == []
    assert len(suggest_speakers(["programming-web", "data-ai", "cybersecurity"], ["en"], limit=2)) == 2


def test_suggest_speakers_makes_a_bounded_number_of_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        suggest_speakers(["data-ai"], ["fr", "en"], limit=10)


def test_an_empty_listing_says_nothing_is_published_not_that_filters_match_nothing(client, vocabularies):
    """In Dutch and German: without any role model (those of other tests unpublished in this transaction),
    the listing and the directory say that none is published yet (not that filters match nothing)."""
    from bdt_site import content_version

    RoleModel.objects.update(live=False)
    content_version.bump()
    for url, expected in [
        ("/nl/rolmodellen/", "Er zijn nog geen rolmodellen gepubliceerd."),
        ("/nl/rolmodellen/experts/", "Er staan nog geen experts in de gids."),
        ("/de/vorbilder/", "Es wurden noch keine Vorbilder veröffentlicht."),
    ]:
        text = " ".join(BeautifulSoup(client.get(url).content, "html.parser").get_text(" ").split())
        assert expected in text, url
