"""The editors' tools for the experts' own profiles (issue 16, point 5): the queue of profiles from a sign-up
waiting in moderation with what changed since the published version, merging duplicate expertise topics (and
mapping one to a competence area), and the count of public experts per competence area × region × language
beside the panel-balance report. Only moderators, editors and superusers open them."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag
from wagtail.users.models import UserProfile

from home.factories import publish
from home.models import CompetenceArea
from testimonials.admin_views import expert_coverage
from testimonials.experts import pause
from testimonials.factories import TestimonialPageFactory
from testimonials.models import TestimonialIndexPage, TestimonialPage
from tests.html import soup
from tests.test_expert_self_service import approve, published_expert
from tests.test_expert_signup import INDEX, confirm, link_in, sign_up, signup_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vocabularies")]

QUEUE = "/admin/expert-directory/to-review/"
MERGE = "/admin/expert-directory/merge-topics/"
COVERAGE = "/admin/expert-directory/coverage/"


def member(django_user_model, group, language=None):
    user = django_user_model.objects.create_user(f"{group.lower()}-x", f"{group.lower()}-x@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def moderator(django_user_model):
    return member(django_user_model, "Moderators")


# -- who may open them --------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [QUEUE, MERGE, COVERAGE])
def test_partners_and_anonymous_visitors_are_refused(django_user_model, url):
    assert Client().get(url)["Location"].startswith("/admin/login/")
    partners = member(django_user_model, "Partners")
    refused = partners.get(url)  # Wagtail turns the refusal into a redirect to the dashboard, with a message
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "Expert directory" not in partners.get("/admin/").content.decode()
    assert partners.post(MERGE, {"into": "x"})["Location"] == "/admin/"
    editors = member(django_user_model, "Editors")
    assert editors.get(url).status_code == 200
    assert "Expert directory" in editors.get("/admin/").content.decode()


# -- the queue ------------------------------------------------------------------------------------------
def test_a_moderator_sees_her_changed_job_title_old_and_new_and_a_new_sign_up(moderator):
    _signup, page, profile = published_expert(moderator, "de")
    data = signup_data(
        job_title="Leiterin Datenplattform", topics="KI, Datenschutz", languages=["de"], open_to=["speaking"]
    )
    del data["email"], data["consent"]
    assert Client().post(profile, {**data, "action": "save"}).status_code == 302
    sign_up("nl", email="nieuw@example.org", name="Nora Nieuw")
    confirm(link_in(next(message for message in mail.outbox if message.to == ["nieuw@example.org"])))

    html = soup(moderator.get(QUEUE))
    lotte = html.find(id=f"profile-{page.pk}").parent
    rows = {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in lotte.find("tbody").find_all("tr")
    }
    assert rows["Job title"] == ["Data-ingenieur", "Leiterin Datenplattform"]
    assert rows["Expertise tags"] == ["AI, machine learning, open data", "KI, Datenschutz"]
    assert rows["Languages she speaks"] == ["Dutch, English", "German"]
    assert rows["Open to media requests"] == ["Yes", "No"]
    assert "Title" not in rows  # unchanged fields are not listed
    assert lotte.find("a", href=reverse("wagtailadmin_pages:edit", args=[page.pk]))
    nora = TestimonialPage.objects.get(title="Nora Nieuw")
    assert "New profile" in html.find(id=f"profile-{nora.pk}").parent.get_text()

    approve(moderator, page)
    html = soup(moderator.get(QUEUE))
    assert html.find(id=f"profile-{page.pk}") is None  # reviewed: out of the queue
    assert html.find(id=f"profile-{nora.pk}") is not None


def test_the_queue_in_french_for_a_french_speaking_moderator(django_user_model, moderator):
    _signup, page, profile = published_expert(moderator, "fr")
    data = signup_data(job_title="Cheffe de projet data", action="save")
    del data["email"], data["consent"]
    Client().post(profile, data)
    html = member(django_user_model, "Editors", language="fr").get(QUEUE).content.decode()
    assert "Profils d’expertes à relire" in html
    assert "Version publiée" in html and "Version à relire" in html
    assert "Cheffe de projet data" in html


def test_a_paused_profile_she_changed_compares_with_its_last_published_version(moderator):
    signup, page, profile = published_expert(moderator, "en")
    pause(page)
    data = signup_data(job_title="Head of data", action="save")
    del data["email"], data["consent"]
    Client().post(profile, data)
    html = soup(moderator.get(QUEUE))
    section = html.find(id=f"profile-{page.pk}").parent
    assert "Head of data" in section.get_text() and "Data-ingenieur" in section.get_text()


# -- merging topics -----------------------------------------------------------------------------------
def role_model(code, title, tags, **fields):
    index = TestimonialIndexPage.objects.get(locale__language_code=code)
    page = TestimonialPageFactory(parent=index, title=title, **fields)
    page.expertise_tags.set(tags)
    return publish(page)


def tag_names(page):
    return sorted(tag.name for tag in page.expertise_tags.all())


def test_an_editor_merges_duplicate_topics_on_pages_their_drafts_and_images(django_user_model, portrait):
    amina = role_model("fr", "Amina", ["IA", "cloud"])
    bea = role_model("nl", "Bea", ["A.I.", "intelligence artificielle"])
    carla = role_model("en", "Carla", ["open data"])
    role_model("fr", "Zoé", ["cloud"])
    draft = carla.get_latest_revision_as_object()  # a change waiting in moderation adds a duplicate
    draft.expertise_tags.set(["A.I.", "open data"])
    draft.save_revision()
    portrait.tags.add("IA")
    duplicates = Tag.objects.filter(name__in=["IA", "A.I.", "intelligence artificielle"])
    editors = member(django_user_model, "Editors")

    labels = [
        label.get_text(" ", strip=True) for label in soup(editors.get(MERGE)).select("#id_topics label")
    ]
    assert {"A.I. (1 profile)", "IA (1 profile)", "intelligence artificielle (1 profile)"} <= set(labels)
    found = soup(editors.get(MERGE, {"q": "INTELL"})).select("#id_topics label")
    assert [label.get_text(" ", strip=True) for label in found] == ["intelligence artificielle (1 profile)"]
    response = editors.post(
        MERGE, {"topics": [tag.pk for tag in duplicates], "into": "intelligence artificielle"}, follow=True
    )
    assert "on 3 profiles" in response.content.decode()

    assert tag_names(TestimonialPage.objects.get(pk=amina.pk)) == ["cloud", "intelligence artificielle"]
    assert tag_names(TestimonialPage.objects.get(pk=bea.pk)) == ["intelligence artificielle"]
    carla = TestimonialPage.objects.get(pk=carla.pk)
    assert tag_names(carla) == ["open data"]  # the published version had none of them
    assert tag_names(carla.get_latest_revision_as_object()) == ["intelligence artificielle", "open data"]
    carla.get_latest_revision().publish()  # the draft, once approved, keeps the kept topic
    assert tag_names(TestimonialPage.objects.get(pk=carla.pk)) == ["intelligence artificielle", "open data"]
    assert set(Tag.objects.filter(name__in=["IA", "A.I."]).values_list("name", flat=True)) == set()
    assert [tag.name for tag in portrait.tags.all()] == ["intelligence artificielle"]
    found = Client().get(INDEX["fr"] + "experts/", {"q": "intelligence artificielle"})
    # The directory finds her by the kept topic.
    assert "Amina" in found.content.decode() and "Zoé" not in found.content.decode()


def test_a_topic_merged_into_a_new_name_and_mapped_to_a_competence_area(django_user_model, vocabularies):
    dina = role_model("de", "Dina", ["Cybersicherheit", "Netzwerke"])
    eva = role_model("fr", "Eva", ["cybersécurité"])
    area = vocabularies["cybersecurity"]["en"]
    editors = member(django_user_model, "Editors")
    topics = Tag.objects.filter(name__in=["Cybersicherheit", "cybersécurité"])
    editors.post(
        MERGE, {"topics": [tag.pk for tag in topics], "into": "cybersecurity", "competence_area": area.pk}
    )

    dina = TestimonialPage.objects.get(pk=dina.pk)
    assert tag_names(dina) == ["Netzwerke", "cybersecurity"]
    # The area in each page's own language, on the page and on its latest revision.
    assert list(dina.competence_areas.all()) == [vocabularies["cybersecurity"]["de"]]
    assert list(TestimonialPage.objects.get(pk=eva.pk).competence_areas.all()) == [
        vocabularies["cybersecurity"]["fr"]
    ]
    latest = dina.get_latest_revision_as_object()
    assert [term.pk for term in latest.competence_areas.all()] == [vocabularies["cybersecurity"]["de"].pk]
    assert not Tag.objects.filter(name__in=["Cybersicherheit", "cybersécurité"]).exists()
    assert CompetenceArea.objects.filter(pk=area.pk).exists()


def test_merging_a_topic_into_itself_is_refused_with_a_message(django_user_model):
    role_model("en", "Fay", ["cloud"])
    editors = member(django_user_model, "Editors", language="nl")
    response = editors.post(MERGE, {"topics": [Tag.objects.get(name="cloud").pk], "into": "Cloud"})
    assert response.status_code == 200
    assert "Vink minstens één onderwerp aan met een andere naam dan het onderwerp dat u behoudt." in (
        response.content.decode()
    )
    assert Tag.objects.filter(name="cloud").exists()


# -- coverage -------------------------------------------------------------------------------------------
def coverage_table(response):
    """{(area, region, language): cell text} of the coverage table."""
    table = soup(response).find("table", id="expert-coverage")
    languages = [code for code, _name in settings.LANGUAGES]  # the columns, in the site's order
    cells, area = {}, None
    for row in table.tbody.find_all("tr"):
        group = row.find("th", scope="rowgroup")
        if group is not None:
            area = group.get_text(strip=True)
        region = row.find("th", scope="row").get_text(strip=True)
        for language, cell in zip(languages, row.find_all("td"), strict=True):
            cells[area, region, language] = cell.get_text(" ", strip=True)
    return cells


def test_experts_per_area_region_and_language_in_a_few_queries(
    django_user_model, vocabularies, django_assert_max_num_queries
):
    def terms(code):
        return {
            "competence_areas": [vocabularies["safety"][code]],
            "region": vocabularies["ostbelgien"][code],
        }

    key = (vocabularies["safety"]["en"].translation_key, vocabularies["ostbelgien"]["en"].translation_key)
    before = expert_coverage()
    for number in range(2):
        page = role_model(
            "de", f"Expertin {number}", [], languages=["de", "nl"], region=terms("de")["region"]
        )
        page.competence_areas = terms("de")["competence_areas"]
        publish(page)
    paused = role_model("de", "Pausiert", [], languages=["de"], region=terms("de")["region"])
    paused.competence_areas = terms("de")["competence_areas"]
    pause(publish(paused))
    mentor = role_model("en", "Mentor only", [], languages=["en"], open_to_speaking=False)
    mentor.competence_areas = terms("en")["competence_areas"]
    publish(mentor)

    after = expert_coverage()
    assert after.get((*key, "de"), 0) - before.get((*key, "de"), 0) == 2
    assert after.get((*key, "nl"), 0) - before.get((*key, "nl"), 0) == 2
    assert after.get((*key, "en"), 0) == before.get((*key, "en"), 0)  # not an expert: not counted

    # The counting itself: the role-model indexes, then one statement for every expert of every directory.
    with django_assert_max_num_queries(2):
        expert_coverage()
    # The page: the same number of queries (the admin's own included) whatever the number of experts.
    editors = member(django_user_model, "Editors")
    editors.get(COVERAGE)
    with CaptureQueriesContext(connection) as first:
        editors.get(COVERAGE)
    for number in range(3):
        more = role_model("fr", f"Experte {number}", [], languages=["fr"], region=terms("fr")["region"])
        more.competence_areas = terms("fr")["competence_areas"]
        publish(more)
    editors.get(COVERAGE)  # publishing changed the content version: the vocabularies are read again once
    with CaptureQueriesContext(connection) as second:
        response = editors.get(COVERAGE)
    assert len(second) == len(first) <= 30
    after = expert_coverage()
    cells = coverage_table(response)
    area, region = vocabularies["safety"]["en"].name, vocabularies["ostbelgien"]["en"].name
    for code in ["en", "fr", "nl", "de"]:
        count = after.get((*key, code), 0)
        text = cells[area, region, code]
        assert text == (f"{count} (thin)" if count <= 1 else str(count)), (code, text)
    german = member(django_user_model, "Moderators", language="de").get(COVERAGE).content.decode()
    assert "Expertinnen nach Kompetenzbereich, Region und Sprache" in german and "(dünn besetzt)" in german
    # The panel-balance report links to it.
    assert COVERAGE in editors.get("/admin/reports/panel-balance/").content.decode()
