"""The four-language foundation: routing, language switching, hreflang, errors, sitemap, API, settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Page

from home.models import StandardPage
from tests.html import soup

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
LANGS = ["en", "fr", "nl", "de"]


@pytest.mark.parametrize("lang", LANGS)
def test_each_locale_home_page_is_in_its_language_with_alternates(client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == lang
    alternates = {
        link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)
    }
    assert set(alternates) == {"en", "fr", "nl", "de", "x-default"}
    assert alternates["x-default"].endswith("/en/")
    assert alternates["nl"].endswith("/nl/")
    assert len(page.find_all("h1")) == 1


def test_home_pages_hold_real_translations_not_english_copies(client):
    titles = {lang: soup(client.get(f"/{lang}/")).find("p", class_="lead").get_text() for lang in LANGS}
    assert len(set(titles.values())) == 4
    assert "carrières numériques" in titles["fr"]
    assert "digitale loopbanen" in titles["nl"]
    assert "digitale Berufe" in titles["de"]


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("nl-BE,nl;q=0.9", "/nl/"),
        ("de-DE,de;q=0.9,en;q=0.5", "/de/"),
        ("fr-CA", "/fr/"),
        ("en-GB", "/en/"),
        ("es-ES,es;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_preferred_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language} if accept_language else {})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_switcher_links_to_the_same_page_in_every_language(client, general_pages):
    page = soup(client.get("/fr/a-propos/"))
    links = {a["lang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links == {"en": "/en/about/", "fr": "/fr/a-propos/", "nl": "/nl/over-ons/", "de": "/de/ueber-uns/"}
    assert page.select_one(".language-switcher a[aria-current]")["lang"] == "fr"


def test_switcher_on_an_untranslated_page_goes_to_that_languages_home_with_a_note(client, home_pages):
    english_only = StandardPage(title="Summer news", slug="summer-news", body=[])
    home_pages["en"].add_child(instance=english_only)
    english_only.save_revision().publish()

    page = soup(client.get("/en/summer-news/"))
    links = {a["lang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links["en"] == "/en/summer-news/"
    assert links["de"] == "/de/?untranslated=1"
    assert links["nl"] == "/nl/?untranslated=1"
    # An untranslated page has no alternates to announce.
    assert not page.find_all("link", rel="alternate", hreflang=True)

    german_home = client.get(links["de"])
    assert german_home.status_code == 200
    note = soup(german_home).find(class_="notice").get_text()
    assert "noch nicht verfügbar" in note


def test_unknown_page_gives_a_translated_404(client):
    response = client.get("/de/this-does-not-exist/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "de"
    assert page.h1.get_text() == "Seite nicht gefunden"


def test_header_navigation_is_built_from_the_active_locale_tree(client, general_pages):
    menu = [(a.get_text(), a["href"]) for a in soup(client.get("/nl/")).select(".main-menu a")]
    assert ("Over Be Digital Together", "/nl/over-ons/") in menu
    assert all(href.startswith("/nl/") for _text, href in menu)
    assert "Contact" not in {text for text, _href in menu}  # not marked 'show in menus'


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["Accessibilité", "Vie privée", "Contact"]),
        ("de", ["Barrierefreiheit", "Datenschutz", "Kontakt"]),
    ],
)
def test_footer_links_to_statement_privacy_and_contact_in_the_visitors_language(
    client, lang, expected, general_pages
):
    links = soup(client.get(f"/{lang}/")).select(".site-footer a")
    assert [a.get_text() for a in links] == expected
    for a in links:
        assert a["href"].startswith(f"/{lang}/")
        assert client.get(a["href"]).status_code == 200


def test_dates_are_localised(client, general_pages):
    page = soup(client.get("/de/ueber-uns/"))
    shown = page.select_one("p.meta time").get_text()
    assert re.fullmatch(r"\d{1,2}\. \w+ \d{4}", shown), shown


def test_skip_link_targets_main(client):
    page = soup(client.get("/en/about/"))
    skip = page.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    assert page.find("main")["id"] == "main"
    assert page.find("header") and page.find("footer") and page.find("nav")


def test_sitemap_lists_every_live_page_with_alternates(client, general_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    live_pages = Page.objects.live().filter(depth__gte=2).count()
    assert body.count("<loc>") == live_pages
    assert "/de/ueber-uns/</loc>" in body
    assert 'hreflang="fr" href="http://testserver/fr/a-propos/"' in body


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_api_lists_pages_by_type_and_locale(client, general_pages):
    response = client.get("/api/v2/pages/", {"type": "home.StandardPage", "locale": "de"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["title"] for item in items} >= {"Datenschutzerklärung", "Erklärung zur Barrierefreiheit"}
    assert "Kontakt" not in {item["title"] for item in items}  # a page type of its own
    assert all(item["meta"]["locale"] == "de" for item in items)
    contact = client.get("/api/v2/pages/", {"type": "home.ContactPage", "locale": "de"}).json()["items"]
    assert [item["title"] for item in contact] == ["Kontakt"]
    assert client.get("/api/v2/images/").status_code == 200


def test_api_is_read_only(client):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405


def test_search_page_answers_in_the_active_language(client, general_pages):
    response = client.get("/nl/search/", {"q": "iedereen"})
    assert response.status_code == 200
    assert "Toegankelijkheidsverklaring" in response.content.decode()
    assert client.get("/nl/search/", {"q": "x", "page": "zzz"}).status_code == 200


def _run_django(settings_module, env_extra, *args):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": settings_module, **env_extra})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = _run_django("bdt_site.settings.production", {}, "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_pass_the_deploy_check():
    env = {
        "SECRET_KEY": "x7#Lq9!vT2@pWm4^zR8&nB3*kY6%hD1+gF5(cJ0)sA-uE_oI=Zr",
        "ALLOWED_HOSTS": "bedigitaltogether.example",
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # required by production; the check does not connect
    }
    result = _run_django("bdt_site.settings.production", env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_make_few_queries_once_the_chrome_is_cached(
    client, django_assert_max_num_queries, general_pages
):
    client.get("/fr/a-propos/")  # fills the menu, footer and language-link caches
    with django_assert_max_num_queries(9):
        response = client.get("/fr/a-propos/")
    assert response.status_code == 200


def test_a_newly_published_menu_page_shows_at_once_in_that_language_only(client, home_pages):
    assert "Agenda" not in client.get("/de/").content.decode()
    page = StandardPage(
        title="Agenda", slug="agenda", show_in_menus=True, body=[], locale=home_pages["de"].locale
    )
    home_pages["de"].add_child(instance=page)
    page.save_revision().publish()
    menu = [a.get_text() for a in soup(client.get("/de/")).select(".main-menu a")]
    assert "Agenda" in menu
    assert "Agenda" not in [a.get_text() for a in soup(client.get("/fr/")).select(".main-menu a")]
