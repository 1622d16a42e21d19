"""Training catalogue and initiatives repository: what visitors, partners and editors notice."""

import csv
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.html import count_queries, option_count, result_count, soup, text
from trainings.models import InitiativeIndexPage, InitiativePage, TrainingCatalogPage, TrainingPage


@pytest.mark.django_db
def test_dutch_visitor_narrows_step_by_step_and_shares_the_url(localhost_client, content):
    content.trainings("nl")
    url = "/nl/opleidingen/"
    response = localhost_client.get(url)
    assert response.status_code == 200
    total = result_count(response)
    assert "opleidingen gevonden" in response.content.decode()
    steps = [
        ("free", "1"),
        ("women_only", "1"),
        ("format", "online"),
        ("audience", "women-jobseekers"),
        ("language", "nl"),
    ]
    params = {}
    previous = total
    for name, value in steps:
        # the count announced next to the option equals what the visitor gets after choosing it
        announced = option_count(response, name, value)
        params[name] = value
        response = localhost_client.get(url, params)
        assert response.status_code == 200
        count = result_count(response)
        assert count == announced
        assert 0 < count <= previous
        previous = count
    assert previous < total
    # the shareable URL gives the same results to someone else
    shared = response.wsgi_request.get_full_path()
    again = Client(HTTP_HOST="localhost").get(shared)
    assert result_count(again) == previous
    shown = re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', again.content.decode())
    assert shown == ["Safe online"]  # the only free online training for women jobseekers taught in Dutch
    for training in TrainingPage.objects.live().filter(locale__language_code="nl", title__in=shown):
        assert training.is_free and training.women_only and "nl" in training.languages
        assert training.format.slug == "online"
    assert "Filters wissen" in again.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "level=bogus",
        "page=abc",
        "page=999",
        "sort=drop+table",
        "free=yes",
        "language=xx",
        "region[]=1",
        "q=" + "x" * 500,
        "area=%00",
    ],
)
def test_invalid_parameters_never_break_the_catalogue(localhost_client, query):
    response = localhost_client.get(f"/fr/formations/?{query}")
    # a NUL byte may be refused by the security middleware with a 400; everything else is ignored or clamped
    assert response.status_code in ((200, 400) if "%00" in query else (200,))


@pytest.mark.django_db
def test_text_search_combines_with_facets_in_french(localhost_client, content):
    from trainings.factories import TrainingPageFactory

    content.trainings("fr")
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="fr")
    for title, region in (
        ("Cybersécurité pour débutantes", "brussels"),
        ("Cybersécurité au travail", "flanders"),
    ):
        content.add(TrainingPageFactory, catalogue, title=title, region=content.term(region, "fr"))
    response = localhost_client.get("/fr/formations/", {"q": "cybersécurité"})
    assert result_count(response) == 2
    narrowed = localhost_client.get("/fr/formations/", {"q": "cybersécurité", "region": "flanders"})
    assert result_count(narrowed) == 1 and "Cybersécurité au travail" in narrowed.content.decode()
    assert "Pertinence" in localhost_client.get("/fr/formations/", {"q": "web"}).content.decode()


@pytest.mark.django_db
def test_upcoming_only_hides_trainings_without_future_sessions(localhost_client, content):
    from django.utils import timezone

    trainings = content.trainings("de")
    today = timezone.localdate()
    upcoming = {page.title for page in trainings if page.sessions.filter(start_date__gte=today).exists()}
    assert 0 < len(upcoming) < len(trainings)  # some without a session, some with past sessions only
    assert result_count(localhost_client.get("/de/schulungen/")) == len(trainings)
    response = localhost_client.get("/de/schulungen/", {"upcoming": "1"})
    assert result_count(response) == len(upcoming)
    assert set(re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', response.content.decode())) == upcoming


def _query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _cards(html):
    return html.count('class="card training-card"')


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_number_of_trainings(localhost_client, content):
    """66 English trainings, then 198: same queries, on pages that show trainings (partly filled pages
    first, so that a query per card, per provider or per term would show), and in the CSV export."""
    from django.core.cache import cache

    content.trainings("en", providers=list(content.organisations()))
    content.seed_trainings(60)
    urls = [
        "/en/trainings/",
        "/en/trainings/?free=1&women_only=1&page=2",
        "/en/trainings/?area=programming-web&level=basic&sort=newest",
        "/en/trainings/?q=web&women_only=1",
        "/en/trainings/organisations/becode/",
        "/en/trainings/export-csv/?level=basic",
    ]
    before = [count_queries(localhost_client, url, parse=text) for url in urls]
    for url, (_count, page) in zip(urls, before, strict=True):
        assert "export-csv" in url or _cards(page) > 0, url
    assert result_count(localhost_client.get("/en/trainings/")) == 66
    content.seed_trainings(132)
    cache.clear()
    after = [count_queries(localhost_client, url, parse=text) for url in urls]
    assert [count for count, _html in before] == [count for count, _html in after]
    for url, (_count, old), (_count2, new) in zip(urls, before, after, strict=True):
        if "export-csv" in url:
            assert new.count("\n") > old.count("\n")  # more rows, same queries
        elif "q=" not in url:
            assert _cards(new) >= _cards(old), url
    assert result_count(localhost_client.get("/en/trainings/")) == 198


@pytest.mark.django_db
def test_cached_catalogue_results_follow_unpublish_and_publish_in_french(localhost_client, settings, content):
    """With the results cache on (as in production), a repeated view reads its counts and ids back, and
    unpublishing or publishing a training shows at once in the list and the counts."""
    content.trainings("fr")
    settings.RESULTS_CACHE_SECONDS = 600
    url = "/fr/formations/?free=1&sort=newest"
    first_queries, first = _query_count(localhost_client, url)
    again_queries, again = _query_count(localhost_client, url)
    assert again_queries < first_queries
    assert again == first
    total = result_count(localhost_client.get(url))
    training = (
        TrainingPage.objects.live().filter(locale__language_code="fr", is_free=True).order_by("-pk").first()
    )
    assert training.title in first

    training.unpublish()
    _queries, html = _query_count(localhost_client, url)
    assert training.title not in html
    assert result_count(localhost_client.get(url)) == total - 1

    training.save_revision().publish()
    _queries, html = _query_count(localhost_client, url)
    assert training.title in html
    assert result_count(localhost_client.get(url)) == total


@pytest.mark.django_db
def test_training_page_has_course_structured_data(localhost_client, content):
    content.trainings("de")
    training = TrainingPage.objects.live().filter(locale__language_code="de", sessions__isnull=False).first()
    response = localhost_client.get(training.url)
    html = response.content.decode()
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    import json

    course = json.loads(data)
    assert course["@type"] == "Course"
    assert course["name"] == training.title
    assert course["hasCourseInstance"][0]["@type"] == "CourseInstance"
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_csv_export_follows_filters_and_neutralises_formulas(localhost_client, content):
    content.trainings("fr")
    content.trainings("en")
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="en")
    TrainingPage.objects.filter(pk=TrainingPage.objects.child_of(catalogue).first().pk).update(
        introduction="=HYPERLINK(1)"
    )
    response = localhost_client.get("/fr/formations/export-csv/", {"free": "1"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Titre"
    free = TrainingPage.objects.live().filter(locale__language_code="fr", is_free=True)
    english_free = TrainingPage.objects.live().filter(locale__language_code="en", is_free=True)
    # The listing shows the English trainings too (no French version), the export the catalogue's own.
    assert (
        result_count(localhost_client.get("/fr/formations/", {"free": "1"}))
        == free.count() + english_free.count()
    )
    assert len(rows) - 1 == free.count()
    assert {row[0] for row in rows[1:]} == set(free.values_list("title", flat=True))
    english = list(
        csv.reader(io.StringIO(localhost_client.get("/en/trainings/export-csv/").content.decode("utf-8-sig")))
    )
    assert any(row[2] == "'=HYPERLINK(1)" for row in english)


@pytest.mark.django_db
def test_organisation_section_lists_its_trainings_and_initiatives(localhost_client, content):
    trainings = content.trainings("nl", providers=["becode", "agoria"])
    content.initiatives("nl", organisations=["becode"])
    response = localhost_client.get("/nl/opleidingen/organisations/becode/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "BeCode" in html and "Initiatieven" in html
    for training in trainings:
        assert (training.title in html) == (training.provider.slug == "becode"), training.title
    assert localhost_client.get("/nl/opleidingen/organisations/nobody/").status_code == 404


@pytest.mark.django_db
def test_initiatives_repository_facets_and_identifier(localhost_client, content):
    from home.factories import translate
    from trainings.factories import InitiativePageFactory

    initiatives = content.initiatives("fr")
    response = localhost_client.get("/fr/initiatives/", {"objective": "skills"})
    assert response.status_code == 200
    with_skills = [page for page in initiatives if page.strategic_objectives.filter(slug="skills").exists()]
    assert result_count(response) == len(with_skills) < len(initiatives)
    english = content.add(
        InitiativePageFactory,
        InitiativeIndexPage.objects.get(locale__language_code="en"),
        slug="women-in-digital-strategy",
        title="Women in Digital strategy",
    )
    translate(english)
    translations = InitiativePage.objects.filter(translation_key=english.translation_key)
    assert translations.count() == 4
    assert {page.identifier for page in translations} == {english.identifier}
    assert (
        InitiativePage.objects.filter(locale__language_code="en", identifier=english.identifier).count() == 1
    )
    french = translations.get(locale__language_code="fr")
    html = localhost_client.get(french.url).content.decode()
    assert english.identifier in html and "Citer" in html


CSV_HEADER = "reference,title,provider,format,level,region,languages,free,price,women_only,competence_areas,target_groups,sessions\n"


@pytest.fixture
def import_terms(content):
    """What the rows below name: the providers (BeCode, Agoria), the vocabularies' formats, levels, regions
    and target groups, and the competence area "data-ai"."""
    from home.factories import CompetenceAreaFactory

    content.organisations()
    CompetenceAreaFactory(slug="data-ai", name="Data and AI")


def _write(tmp_path, body):
    path = tmp_path / "trainings.csv"
    path.write_text(CSV_HEADER + body, encoding="utf-8")
    return str(path)


@pytest.mark.usefixtures("import_terms")
@pytest.mark.django_db
def test_import_valid_file_then_rerun_updates_without_duplicates(tmp_path):
    path = _write(
        tmp_path,
        "imp-1,Python for beginners,becode,online,basic,brussels,fr;nl,yes,,yes,data-ai,women-jobseekers,2030-01-10/2030-02-10@Online\n"
        "imp-2,Cloud for managers,agoria,on-site,advanced,flanders,nl,no,120.50,no,,,\n",
    )
    call_command("import_trainings", path, "--catalogue", "trainings", stdout=io.StringIO())
    assert TrainingPage.objects.filter(external_reference__startswith="imp-").count() == 2
    page = TrainingPage.objects.get(external_reference="imp-1")
    assert page.live and page.languages == ["fr", "nl"] and page.sessions.count() == 1
    assert page.provider.name == "BeCode" and page.format.slug == "online" and page.region.slug == "brussels"
    assert list(page.competence_areas.values_list("slug", flat=True)) == ["data-ai"]
    assert page.get_parent().specific == TrainingCatalogPage.objects.get(locale__language_code="en")
    path = _write(tmp_path, "imp-1,Python for everyone,becode,online,basic,brussels,fr,yes,,yes,,,\n")
    call_command("import_trainings", path, "--catalogue", "trainings", stdout=io.StringIO())
    assert TrainingPage.objects.filter(external_reference="imp-1").count() == 1
    assert TrainingPage.objects.get(external_reference="imp-1").title == "Python for everyone"


@pytest.mark.usefixtures("import_terms")
@pytest.mark.django_db
def test_import_refuses_a_file_with_one_bad_row_and_names_row_and_column(tmp_path):
    path = _write(
        tmp_path,
        "bad-1,Good row,becode,online,basic,brussels,fr,yes,,no,,,\n"
        "bad-2,Bad row,becode,by-pigeon,basic,brussels,fr,yes,,no,,,\n",
    )
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_trainings", path, "--catalogue", "trainings", stdout=io.StringIO(), stderr=errors
        )
    assert "row 3, column format" in errors.getvalue()
    assert not TrainingPage.objects.filter(external_reference__startswith="bad-").exists()
    call_command(
        "import_trainings",
        path,
        "--catalogue",
        "trainings",
        "--skip-invalid",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert list(
        TrainingPage.objects.filter(external_reference__startswith="bad-").values_list(
            "external_reference", flat=True
        )
    ) == ["bad-1"]


@pytest.mark.django_db
def test_price_must_not_be_negative_and_free_has_no_price():
    from django.core.exceptions import ValidationError

    from trainings.factories import TrainingPageFactory

    training = TrainingPageFactory(parent=TrainingCatalogPage.objects.get(locale__language_code="en"))
    training.full_clean()  # a valid training, made invalid by the price alone
    training.is_free, training.price = False, -5
    with pytest.raises(ValidationError):
        training.full_clean()
    training.is_free, training.price = True, 10
    with pytest.raises(ValidationError):
        training.full_clean()


@pytest.mark.usefixtures("vocabularies")
@pytest.mark.django_db
def test_seed_benchmark_creates_live_searchable_trainings():
    before = TrainingPage.objects.live().count()
    call_command("seed_benchmark", "--trainings", "30", stdout=io.StringIO())
    assert TrainingPage.objects.live().count() == before + 30
    from wagtail.models import Page

    assert not any(Page.find_problems())
    with pytest.raises(CommandError):
        call_command("seed_benchmark", stdout=io.StringIO())


@pytest.mark.usefixtures("vocabularies")
@pytest.mark.django_db
def test_seed_benchmark_creates_events_with_speakers_and_role_models():
    """What `make bench` seeds besides trainings: events (their speakers are translatable rows, in the
    event's language) and role models."""
    from events.models import EventPage, EventPageSpeaker
    from testimonials.models import TestimonialPage

    call_command("seed_benchmark", "--events", "6", "--role-models", "4", stdout=io.StringIO())
    events = EventPage.objects.live().filter(locale__language_code="en")
    assert events.count() >= 6
    speakers = EventPageSpeaker.objects.filter(page__in=events)
    assert speakers.exists()
    assert set(speakers.values_list("locale__language_code", flat=True)) == {"en"}
    assert TestimonialPage.objects.live().count() >= 4


# -- admin upload --------------------------------------------------------------------------------------

VALID_ROW = "adm-1,Python for beginners,becode,online,basic,brussels,fr;nl,yes,,yes,data-ai,,\n"
INVALID_ROW = "adm-2,Bad row,becode,by-pigeon,basic,brussels,fr,yes,,no,,,\n"


@pytest.fixture
def french_moderator(localhost_client, django_user_model):
    """The import publishes: it is for those who may publish in the catalogue (Wagtail's Moderators)."""
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_user("importer", "importer@example.org", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    localhost_client.force_login(user)
    return user


def _upload(client, body, **data):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    if body is not None:
        content = body if isinstance(body, bytes) else body.encode("utf-8")
        data["file"] = SimpleUploadedFile("trainings.csv", content, content_type="text/csv")
    return client.post(reverse("trainings_import"), data, follow=True)


@pytest.mark.usefixtures("import_terms")
@pytest.mark.django_db
def test_editor_imports_a_csv_in_the_admin_with_errors_in_her_language(localhost_client, french_moderator):
    from django.urls import reverse

    assert "Importer des formations" in localhost_client.get(reverse("trainings_import")).content.decode()
    assert reverse("trainings_import") in localhost_client.get("/admin/").content.decode()  # in the menu
    response = _upload(localhost_client, CSV_HEADER + VALID_ROW + INVALID_ROW)
    assert response.status_code == 400
    html = response.content.decode()
    assert "ligne 3, colonne format" in html and "by-pigeon" in html
    assert "rien n’a été importé" in html
    assert not TrainingPage.objects.filter(external_reference__startswith="adm-").exists()

    response = _upload(localhost_client, CSV_HEADER + VALID_ROW + INVALID_ROW, skip_invalid="on")
    assert response.status_code == 200
    assert "1 créée(s), 0 mise(s) à jour, 1 ligne(s) en erreur ignorée(s)" in response.content.decode()
    training = TrainingPage.objects.get(external_reference="adm-1")
    assert training.live and training.locale.language_code == "en"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"PK\x03\x04\x00\x00binary spreadsheet", "pas un fichier CSV"),
        (
            (CSV_HEADER + "lat-1,Caf\xe9,becode,online,basic,brussels,fr,yes,,no,,,\n").encode("latin-1"),
            "UTF-8",
        ),
        (CSV_HEADER + VALID_ROW.replace("adm-1", "big") * 201, "plus de 200 lignes"),
        (CSV_HEADER.encode() + b"x" * (2 * 1024 * 1024), "Le fichier dépasse 2 Mo"),
        (b"", "Le fichier soumis est vide"),
        (None, "Choisissez un fichier CSV"),
    ],
)
def test_a_file_that_is_not_a_usable_csv_is_refused_with_a_clear_message(
    localhost_client, french_moderator, body, message
):
    response = _upload(localhost_client, body)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TrainingPage.objects.filter(title__startswith="Caf").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["Partners", "Editors"])
def test_who_may_not_publish_can_neither_see_nor_use_the_import(localhost_client, django_user_model, group):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    user = django_user_model.objects.create_user("no-import", "p@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    localhost_client.force_login(user)
    assert reverse("trainings_import") not in localhost_client.get("/admin/").content.decode()
    response = localhost_client.get(reverse("trainings_import"))
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "permission denied"
    _upload(localhost_client, CSV_HEADER + VALID_ROW)
    assert not TrainingPage.objects.filter(external_reference="adm-1").exists()


@pytest.mark.django_db
def test_a_training_page_links_to_its_provider_section_and_back_to_its_catalogue(localhost_client, content):
    """In Dutch: the provider's name opens the catalogue's section of that organisation, "back" the catalogue
    (both worked out from the training's own URL, without loading the catalogue)."""
    training = content.trainings("nl", providers=["becode"])[0]
    page = soup(localhost_client.get(training.url))
    provider_link = page.select_one("article.training .meta a")["href"]
    back_link = page.select("article.training a")[-1]["href"]

    assert provider_link == "/nl/opleidingen/organisations/becode/"
    assert back_link == "/nl/opleidingen/"
    for link in (provider_link, back_link):
        response = localhost_client.get(link)
        assert response.status_code == 200 and training.title in response.content.decode(), link
