"""The trainings CSV round trip: the catalogue's export is a file the admin import reads back as it is (export,
import, export gives the same file); the import reads column names and values in any site language, in any
case, or as codes, into the catalogue of the language chosen; a bad file is refused row by row in the
editor's language, and nothing stored is lost; the template to fill in is the export's header row."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.test_trainings import french_moderator  # noqa: F401 - the fixture
from trainings.models import TrainingCatalogPage, TrainingPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(localhost_client, request):
    """The test client, logged in as a moderator (who may publish in every catalogue) whose admin is in
    French (tests/test_trainings.py's `french_moderator`)."""
    request.getfixturevalue("french_moderator")
    return localhost_client


def upload(client, body, language, **data):
    content = body if isinstance(body, bytes) else body.encode("utf-8")
    data["file"] = SimpleUploadedFile("trainings.csv", content, content_type="text/csv")
    return client.post(reverse("trainings_import"), {"language": language, **data}, follow=True)


def export(client, catalogue):
    response = client.get(f"{catalogue.url}export-csv/")
    assert response.status_code == 200
    return response.content


def test_export_import_export_gives_the_same_file(localhost_client, moderator, content):
    trainings = content.trainings("fr", providers=["becode", "women-in-tech"])
    rich = trainings[1]
    rich.description = "<p>Deux mois <b>intensifs</b>.</p><p>Puis un stage.</p>"
    rich.venue, rich.certification, rich.duration = "Rue Haute 1, Bruxelles", "Certificat", "8 semaines"
    rich.registration_url = "https://example.org/inscription"
    rich.introduction = "=SOMME(1)"
    rich.save_revision().publish()
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="fr")
    count = TrainingPage.objects.child_of(catalogue).count()

    first = export(localhost_client, catalogue)
    rows = list(csv.reader(io.StringIO(first.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Titre", "Organisme", "Résumé"]
    assert len(rows) == count + 1

    response = upload(moderator, first, "fr")
    assert response.status_code == 200, response.content.decode()[-3000:]
    assert f"0 créée(s), {count} mise(s) à jour" in response.content.decode()
    assert TrainingPage.objects.child_of(catalogue).count() == count

    assert export(localhost_client, catalogue) == first
    rich = TrainingPage.objects.get(pk=rich.pk)
    assert rich.description == "<p>Deux mois <b>intensifs</b>.</p><p>Puis un stage.</p>"
    assert rich.introduction == "=SOMME(1)"


# The same training written by a French, a Dutch and a German editor: column names and values in their
# language, in any case, imported into another language's catalogue.
LABELLED_FILES = {
    "fr": (
        "Référence;Titre;FORMAT;niveau;Région;Langues d'enseignement;Réservée aux femmes;Coût;"
        "Domaines de compétences;Publics cibles;Aménagements;Sessions\n"
        "lab-1;Web pour toutes;en ligne;DÉBUTANT;bruxelles-capitale;Français; néerlandais;oui;gratuit;"
        "Programmation et développement web;Demandeuses d'emploi;Accès en fauteuil roulant;"
        "2030-01-10/2030-02-10@Bruxelles\n"
    ),
    "nl": (
        "Referentie;Titel;Vorm;Niveau;Regio;Onderwijstalen;Alleen voor vrouwen;Kostprijs;"
        "Competentiegebieden;Doelgroepen;Voorzieningen;Sessies\n"
        "lab-1;Web pour toutes;ONLINE;basis;Brussels Hoofdstedelijk Gewest;Frans; NEDERLANDS;Ja;GRATIS;"
        "programmeren en webontwikkeling;werkzoekende vrouwen;toegankelijk voor rolstoelen;"
        "2030-01-10/2030-02-10@Bruxelles\n"
    ),
    "de": (
        "Referenz;Titel;Format;Ebene;Region;Unterrichtssprachen;Nur für Frauen;Kosten;"
        "Kompetenzbereiche;Zielgruppen;Ausstattung;Termine\n"
        "lab-1;Web pour toutes;Online;grundlagen;Brüssel-Hauptstadt;Französisch; Niederländisch;JA;kostenlos;"
        "Programmierung und Webentwicklung;Arbeitsuchende Frauen;Rollstuhlgerechter Zugang;"
        "2030-01-10/2030-02-10@Bruxelles\n"
    ),
}


@pytest.mark.parametrize("written_in", ["fr", "nl", "de"])
def test_names_in_any_language_and_case_are_read_into_the_chosen_catalogue(
    moderator, vocabularies, written_in
):
    body = LABELLED_FILES[written_in].replace(";", ",").replace(", ", ";")  # lists stay ';'-separated
    target = {"fr": "nl", "nl": "de", "de": "fr"}[written_in]
    response = upload(moderator, body, target)
    assert response.status_code == 200, response.content.decode()[-3000:]

    training = TrainingPage.objects.get(external_reference="lab-1")
    assert training.live and training.locale.language_code == target
    assert training.get_parent().specific == TrainingCatalogPage.objects.get(locale__language_code=target)
    # Each term is the target language's version of the one named.
    for term, slug in [(training.format, "online"), (training.level, "basic"), (training.region, "brussels")]:
        assert (term.slug, term.locale.language_code) == (slug, target)
    assert [(t.slug, t.locale.language_code) for t in training.competence_areas.all()] == [
        ("programming-web", target)
    ]
    assert [t.slug for t in training.target_groups.all()] == ["women-jobseekers"]
    assert training.languages == ["fr", "nl"]
    assert training.facilities == ["wheelchair"]
    assert training.women_only and training.is_free and training.price is None
    assert [(s.start_date.isoformat(), s.location) for s in training.sessions.all()] == [
        ("2030-01-10", "Bruxelles")
    ]


def test_a_bad_file_is_refused_row_by_row_in_french_and_nothing_stored_is_lost(moderator, vocabularies):
    good = LABELLED_FILES["fr"].replace(";", ",").replace(", ", ";")
    assert upload(moderator, good, "fr").status_code == 200
    stored = TrainingPage.objects.get(external_reference="lab-1")
    header, row = good.splitlines()
    bad_rows = [
        row.replace("Web pour toutes", "Web deuxième édition"),  # a valid change, not to be applied
        row.replace("lab-1", "lab-2").replace("en ligne", "par pigeon"),
        row.replace("lab-1", "lab-3").replace("gratuit", "beaucoup"),
        row.replace("lab-1", "lab-4").replace("2030-01-10/2030-02-10", "10/01/2030"),
        row.replace("lab-1", "lab-5").replace("oui", "peut-être"),
        "lab-6,,,,,,,,,,,\n",
    ]
    response = upload(moderator, "\n".join([header, *bad_rows]) + "\n", "fr")

    assert response.status_code == 400
    html = response.content.decode()
    assert "rien n’a été importé" in html
    assert "ligne 3, colonne FORMAT" in html and "par pigeon" in html
    assert "ligne 4, colonne Coût" in html
    assert "ligne 5, colonne Sessions" in html
    assert "ligne 6, colonne Réservée aux femmes" in html
    assert "ligne 7, colonne Titre" in html
    # Nothing of the file was applied: the stored training is as it was, no other was made.
    stored.refresh_from_db()
    assert stored.title == "Web pour toutes"
    assert not TrainingPage.objects.filter(
        external_reference__in=["lab-2", "lab-3", "lab-4", "lab-5"]
    ).exists()

    # Without a header the file names no column: one message, no error page.
    response = upload(moderator, "just,some,words\n1,2,3\n", "fr")
    assert response.status_code == 400
    assert "ligne 1, colonne reference" in response.content.decode()


def test_the_template_is_the_export_header_in_the_editors_language(localhost_client, moderator, content):
    content.trainings("fr")
    response = moderator.get(reverse("trainings_import_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    template = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="fr")
    exported = list(csv.reader(io.StringIO(export(localhost_client, catalogue).decode("utf-8-sig"))))
    assert template == [exported[0]]
    page = moderator.get(reverse("trainings_import")).content.decode()
    assert reverse("trainings_import_template") in page
    # The template, filled in with nothing, imports nothing and says so.
    response = upload(moderator, response.content, "fr")
    assert response.status_code == 200
    assert "0 créée(s), 0 mise(s) à jour" in response.content.decode()
