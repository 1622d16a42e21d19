"""The "Translation status" admin report: per language, the pages with no translation, with a translation not
published yet, and with a translation older than its source; filtered by language, status, section and page
type, with the counts per language and status."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from events.factories import EventPageFactory
from events.models import EventIndexPage
from home.factories import publish, translate
from tests.html import soup
from trainings.factories import TrainingPageFactory
from trainings.models import TrainingCatalogPage

pytestmark = pytest.mark.django_db

REPORT = "translation_status_report"


@pytest.fixture
def pages(editor_client, django_capture_on_commit_callbacks):
    """An English training never translated, one translated then changed and republished, one translated and
    unchanged, one draft never published, and an event whose French translation was just started."""
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="en")
    events = EventIndexPage.objects.get(locale__language_code="en")
    untranslated = publish(TrainingPageFactory(parent=catalogue, title="Quokka basics"))
    changed = publish(TrainingPageFactory(parent=catalogue, title="Pangolin security"))
    translations = translate(changed)
    changed.title = "Pangolin security, second edition"
    changed.save_revision().publish()
    settled = publish(TrainingPageFactory(parent=catalogue, title="Axolotl coding"))
    translate(settled)
    TrainingPageFactory(parent=catalogue, title="Okapi draft", live=False)
    event = publish(EventPageFactory(parent=events, title="Narwhal workshop"))
    french = Locale.objects.get(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[event.pk]), {"locales": [french.pk]}
        )
    return {
        "untranslated": untranslated,
        "changed": changed,
        "changed_fr": translations["fr"],
        "settled": settled,
        "event": event,
        "event_fr": event.get_translation(french),
        "catalogue": catalogue,
    }


def rows(response):
    """[(page, section, page type, language, status, action)] of the report's table."""
    assert response.status_code == 200
    table = soup(response).select("table.listing:not(#translation-status-counts) tbody tr")
    return [tuple(cell.get_text(" ", strip=True) for cell in row.select("td")) for row in table]


def counts(response):
    """{language: [count per status..., total]} of the counts table."""
    table = soup(response).select_one("#translation-status-counts")
    return {
        row.th.get_text(strip=True): [int(cell.get_text()) for cell in row.select("td")]
        for row in table.select("tbody tr")
    }


def section_value(response, label):
    select = soup(response).select_one('select[name="section"]')
    return next(option["value"] for option in select.select("option") if option.get_text(strip=True) == label)


def test_editor_sees_what_is_missing_not_published_or_out_of_date_in_french(editor_client, pages):
    response = editor_client.get(reverse(REPORT), {"locale": "fr"})
    found = {row[0]: row for row in rows(response)}

    assert found["Quokka basics"][3:5] == ("Français", "Missing")
    assert found["Pangolin security, second edition"][3:5] == ("Français", "Older than its source")
    assert found["Narwhal workshop"][3:5] == ("Français", "Not published")
    assert found["Quokka basics"][1:3] == ("Training catalogue", "Training")
    assert found["Narwhal workshop"][1:3] == ("Events", "Event")
    # Up to date, never published, and the index pages translated by the minimal site: not listed.
    assert "Axolotl coding" not in found
    assert "Okapi draft" not in found
    assert "Training catalogue" not in found
    assert {row[3] for row in rows(editor_client.get(reverse(REPORT)))} >= {
        "Français",
        "Nederlands",
        "Deutsch",
    }

    # The rows link to the translation to make or to finish.
    links = {a.get_text(strip=True): a["href"] for a in soup(response).select("table.listing td a")}
    assert links["Translate"] == reverse(
        "wagtail_localize:submit_page_translation", args=[pages["untranslated"].pk]
    )
    assert reverse("wagtailadmin_pages:edit", args=[pages["event_fr"].pk]) in {
        a["href"] for a in soup(response).select("table.listing td a")
    }


def test_counts_follow_the_section_and_the_status_filter_narrows_the_rows(editor_client, pages):
    response = editor_client.get(reverse(REPORT))
    trainings = section_value(response, "Training catalogue")

    in_trainings = editor_client.get(reverse(REPORT), {"section": trainings})
    # Missing, not published, older than its source, total: Quokka missing in three languages, Pangolin
    # out of date in three; the event is in another section.
    assert counts(in_trainings) == {
        "English": [0, 0, 0, 0],
        "Français": [1, 0, 1, 2],
        "Nederlands": [1, 0, 1, 2],
        "Deutsch": [1, 0, 1, 2],
    }
    assert {row[0] for row in rows(in_trainings)} == {"Quokka basics", "Pangolin security, second edition"}

    events = section_value(response, "Events")
    in_events = editor_client.get(reverse(REPORT), {"section": events})
    assert counts(in_events)["Français"] == [0, 1, 0, 1]
    assert counts(in_events)["Nederlands"] == [1, 0, 0, 1]

    outdated_dutch = rows(editor_client.get(reverse(REPORT), {"locale": "nl", "status": "outdated"}))
    assert [(row[0], row[3]) for row in outdated_dutch] == [
        ("Pangolin security, second edition", "Nederlands")
    ]


def test_publishing_a_synchronised_translation_takes_it_off_the_report(editor_client, pages):
    # The translator synchronises the French page with its changed source (as "Sync translated pages" does)
    # and publishes it.
    changed_fr = pages["changed_fr"]
    source = TranslationSource.objects.get(object_id=pages["changed"].translation_key)
    source.update_from_db()
    source.translations.get(target_locale=changed_fr.locale).save_target(publish=False)
    changed_fr.refresh_from_db()
    changed_fr.get_latest_revision().publish()

    response = editor_client.get(reverse(REPORT), {"status": "outdated"})
    assert {(row[0], row[3]) for row in rows(response)} == {
        ("Pangolin security, second edition", "Nederlands"),
        ("Pangolin security, second edition", "Deutsch"),
    }


def test_the_report_speaks_the_editors_language(editor_client, pages, django_user_model):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "fr"
    profile.save()

    response = editor_client.get(reverse(REPORT), {"locale": "fr"})
    assert "État des traductions" in soup(response).title.get_text()
    found = {row[0]: row for row in rows(response)}
    assert found["Quokka basics"][4] == "Manquante"
    assert found["Pangolin security, second edition"][4] == "Plus ancienne que l’original"
    assert found["Narwhal workshop"][4] == "Non publiée"
    # Sections are named in the editor's language.
    assert found["Quokka basics"][1] == "Catalogue des formations"
    assert found["Narwhal workshop"][1] == "Événements"
    assert "Traduire" in {a.get_text(strip=True) for a in soup(response).select("table.listing td a")}


def test_only_editors_and_moderators_open_the_report(client, django_user_model, pages):
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    # Wagtail turns the refusal into a return to the dashboard, with no report row shown.
    refused = client.get(reverse(REPORT))
    assert refused.status_code == 302
    assert refused.url == reverse("wagtailadmin_home")
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()
    reader.groups.add(Group.objects.get(name="Moderators"))
    assert client.get(reverse(REPORT)).status_code == 200
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_home")).content.decode()  # Reports menu
