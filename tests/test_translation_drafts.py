"""Translating never publishes untranslated text: "Translate this page" (wagtail-localize's submit view, as an
editor uses it) makes a draft translation of a live page, so no public output changes until a translator
publishes it from the translation editor; then the translation shows everywhere in its language."""

import re

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from events.models import EventIndexPage
from trainings.models import TrainingCatalogPage, TrainingPage

pytestmark = pytest.mark.django_db

FRENCH_TITLE = "Les bases du web pour toutes"


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    text = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)


def timeless(text):
    """`text` without the time stamps of the moment it was made: an empty feed's <updated> (the time of the
    request) and the calendar's DTSTAMP."""
    return re.sub(r"DTSTAMP:.*|<updated>[^<]*</updated>", "", text)


def snapshot(client, urls):
    return {url: body(client, url) for url in urls}


def translate_this_page(client, page, code, on_commit):
    """What the editor does: "Translate this page", choose the language, submit (the callbacks that
    wagtail-localize leaves for the end of the transaction run, as they would after a real request)."""
    french = Locale.objects.get(language_code=code)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    with on_commit(execute=True):
        response = client.post(url, {"locales": [french.pk]})
    assert response.status_code == 302, response.content[:500]
    return page.get_translation(french).specific


def translate_title_and_publish(client, translated, title, on_commit):
    """What the translator does in wagtail-localize's editor: translate the title, then Publish."""
    translation = Translation.objects.get(
        source__object_id=translated.translation_key, target_locale=translated.locale
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, encode_multipart(BOUNDARY, {"value": title}), content_type=MULTIPART_CONTENT)
    assert response.status_code in (200, 201), response.content[:500]
    with on_commit(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"}
        )
    assert response.status_code in (200, 302)
    translated.refresh_from_db()
    return translated


def test_translating_a_live_training_changes_no_public_listing_until_it_is_published(
    localhost_client, editor_client, content, django_capture_on_commit_callbacks
):
    english = content.trainings("en")[0]
    french_catalogue = TrainingCatalogPage.objects.get(locale__language_code="fr")
    english_catalogue = TrainingCatalogPage.objects.get(locale__language_code="en")
    urls = [
        french_catalogue.url,
        f"{french_catalogue.url}?q=web",
        f"{french_catalogue.url}export-csv/",
        "/fr/search/?q=web",
        "/sitemap.xml",
        english_catalogue.url,
    ]
    before = snapshot(localhost_client, urls)

    french = translate_this_page(editor_client, english, "fr", django_capture_on_commit_callbacks)

    # The translation exists, as a draft holding the English text until a translator publishes it.
    assert isinstance(french, TrainingPage)
    assert french.title == english.title
    assert not french.live
    assert english.live
    for url in urls:
        assert body(localhost_client, url) == before[url], f"{url} changed when the translation was started"
    assert localhost_client.get(f"{french_catalogue.url}{french.slug}/").status_code == 404

    translate_title_and_publish(editor_client, french, FRENCH_TITLE, django_capture_on_commit_callbacks)

    assert french.live
    assert french.title == FRENCH_TITLE
    assert FRENCH_TITLE in body(localhost_client, french_catalogue.url)
    assert FRENCH_TITLE in body(localhost_client, f"{french_catalogue.url}?q=web")
    assert FRENCH_TITLE in body(localhost_client, f"{french_catalogue.url}export-csv/")
    assert f'href="{french.url}"' in body(localhost_client, "/fr/search/?q=web")
    assert f"{french_catalogue.url}{french.slug}/</loc>" in body(localhost_client, "/sitemap.xml")
    assert body(localhost_client, english_catalogue.url) == before[english_catalogue.url]


def test_translating_a_live_event_leaves_the_feeds_alone_until_it_is_published(
    localhost_client, editor_client, content, django_capture_on_commit_callbacks
):
    english = content.events("en")[0]
    index = EventIndexPage.objects.get(locale__language_code="de")
    urls = [index.url, f"{index.url}feed/", f"{index.url}ics/"]
    before = {url: timeless(body(localhost_client, url)) for url in urls}

    german = translate_this_page(editor_client, english, "de", django_capture_on_commit_callbacks)

    assert not german.live
    for url in urls:
        assert timeless(body(localhost_client, url)) == before[url], url

    translate_title_and_publish(
        editor_client, german, "Werkstatt für alle", django_capture_on_commit_callbacks
    )

    assert german.live
    for url in urls:
        assert "Werkstatt für alle" in body(localhost_client, url), url
