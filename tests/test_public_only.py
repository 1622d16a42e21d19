"""Nothing private leaks: pages behind a password, a login or a group, drafts, and the pages under a restricted
parent never appear, nor are counted, in any public output — listings, facet counts, feeds, calendar and
CSV exports, organisation sections, the expert directory and its contact form, speaker suggestions,
menus, call-to-action blocks, the search and its suggestions, the sitemap and the API.

Each test makes public pages of one type with the factories (tests/conftest.py `content`), copies one of them
(so the copies match the same filters, words and organisations as public ones), makes the copies private in
every way, and checks that each public output is exactly what it was before they existed.
"""

import re
import uuid

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from testimonials.directory import suggest_speakers
from testimonials.models import TestimonialIndexPage as RoleModelIndexPage
from testimonials.models import TestimonialPage as RoleModelPage
from trainings.models import InitiativeIndexPage, InitiativePage, TrainingCatalogPage, TrainingPage

pytestmark = pytest.mark.django_db

MARKER = "zzprivate"
PRIVATE_KINDS = ("password", "login", "group", "draft")


def restrict(page, kind):
    if kind == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
    elif kind == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif kind == "group":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get_or_create(name="Private readers")[0]])


def private_copies(source, parent=None):
    """Copies of `source` (same type, facets, organisations and words, plus MARKER in the title), one per
    kind of privacy: password, login, group restriction and draft."""
    copies = {}
    for kind in PRIVATE_KINDS:
        copy = source.copy(
            to=parent,
            update_attrs={
                "title": f"{source.title} {MARKER}{kind}",
                "slug": f"{source.slug[:40]}-{MARKER}-{kind}-{uuid.uuid4().hex[:6]}",
            },
            keep_live=kind != "draft",
            log_action=None,
        )
        restrict(copy, kind)
        copies[kind] = copy.specific
    return copies


def normalised(response):
    """The body, without what changes from one request to the next (CSRF tokens, calendar time stamps)."""
    assert response.status_code == 200, (response.status_code, response.content[:500])
    text = response.content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)
    text = re.sub(r"^DTSTAMP:.*$", "", text, flags=re.M)
    return text


def snapshot(client, urls):
    return {url: normalised(client.get(url)) for url in urls}


def assert_unchanged(client, urls, before):
    for url in urls:
        after = normalised(client.get(url))
        assert MARKER not in after.lower(), f"a private page shows at {url}"
        assert after == before[url], f"{url} changed when private pages were added (counted?)"


def first_word(title):
    return max(re.findall(r"\w+", title), key=len)


# -- trainings and initiatives ---------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "fr"])
def test_private_trainings_stay_out_of_the_catalogue_counts_export_and_organisation_pages(
    localhost_client, content, language
):
    content.trainings(language, providers=["becode", "agoria"])
    catalogue = TrainingCatalogPage.objects.get(locale__language_code=language)
    source = (
        TrainingPage.objects.live().child_of(catalogue).filter(provider__isnull=False).order_by("pk").first()
    )
    provider_slug = source.provider.slug
    word = first_word(source.title)
    urls = [
        catalogue.url,
        f"{catalogue.url}?q={word}",
        f"{catalogue.url}?format=online&level=basic",
        f"{catalogue.url}export-csv/",
        f"{catalogue.url}export-csv/?q={word}",
        f"{catalogue.url}organisations/{provider_slug}/",
    ]
    before = snapshot(localhost_client, urls)
    copies = private_copies(source)
    assert_unchanged(localhost_client, urls, before)
    # The pages themselves are closed to anonymous visitors: a password form, a login, or nothing.
    assert 'name="password"' in localhost_client.get(copies["password"].url).content.decode()
    assert localhost_client.get(copies["login"].url).status_code == 302
    assert localhost_client.get(copies["group"].url).status_code == 302
    assert localhost_client.get(f"{catalogue.url}{copies['draft'].slug}/").status_code == 404


def test_private_initiatives_stay_out_of_the_repository_and_organisation_pages(localhost_client, content):
    content.initiatives("nl", organisations=["becode", "agoria"])
    index = InitiativeIndexPage.objects.get(locale__language_code="nl")
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="nl")
    source = InitiativePage.objects.live().child_of(index).order_by("pk").first()
    organisation = source.organisations.select_related("organisation").first().organisation
    urls = [
        index.url,
        f"{index.url}?q={first_word(source.title)}",
        f"{catalogue.url}organisations/{organisation.slug}/",
    ]
    before = snapshot(localhost_client, urls)
    private_copies(source)
    assert_unchanged(localhost_client, urls, before)


# -- events ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "de"])
def test_private_events_stay_out_of_listings_feeds_and_calendars(localhost_client, content, language):
    content.events(language)
    index = EventIndexPage.objects.get(locale__language_code=language)
    source = index.upcoming_events().first()
    urls = [
        index.url,
        f"{index.url}?kind={source.kind}",
        f"{index.url}?when=past",
        f"{index.url}feed/",
        f"{index.url}ics/",
    ]
    before = snapshot(localhost_client, urls)
    private_copies(source)
    assert_unchanged(localhost_client, urls, before)


# -- role models and the expert directory ----------------------------------------------------------------
@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_private_role_models_stay_out_of_the_listing_directory_contact_form_and_suggestions(localhost_client):
    index = RoleModelIndexPage.objects.get(locale__language_code="fr")
    source = (
        RoleModelPage.objects.live()
        .child_of(index)
        .filter(open_to_speaking=True)
        .exclude(languages=[])
        .order_by("pk")
        .first()
    )
    areas = list(source.competence_areas.values_list("slug", flat=True))
    urls = [
        index.url,
        f"{index.url}?sector={source.sector}",
        f"{index.url}experts/",
        f"{index.url}experts/?q={first_word(source.job_title)}",
        f"{index.url}experts/?language={source.languages[0]}",
    ]
    before = snapshot(localhost_client, urls)
    with translation.override("fr"):
        suggested_before = [page.pk for page in suggest_speakers(areas, source.languages, limit=50)]
    copies = private_copies(source)
    assert_unchanged(localhost_client, urls, before)
    with translation.override("fr"):
        assert [page.pk for page in suggest_speakers(areas, source.languages, limit=50)] == suggested_before
    for copy in copies.values():
        contact = f"{index.url}experts/{copy.pk}/contact/"
        assert localhost_client.get(contact).status_code == 404
        response = localhost_client.post(
            contact, {"name": "A", "email": "a@example.org", "purpose": "speaking", "message": "Hello"}
        )
        assert response.status_code == 404


def test_role_models_under_a_restricted_index_are_neither_suggested_nor_searchable(localhost_client, content):
    source = next(page for page in content.role_models("en") if page.open_to_speaking)
    index = RoleModelIndexPage.objects.get(locale__language_code="en")
    areas = list(source.competence_areas.values_list("slug", flat=True))
    with translation.override("en"):
        assert suggest_speakers(areas, source.languages, limit=50)
    restrict(index, "login")
    with translation.override("en"):
        assert suggest_speakers(areas, source.languages, limit=50) == []
    api = localhost_client.get(
        "/api/v2/pages/", {"type": "testimonials.TestimonialPage", "locale": "en"}
    ).json()
    assert api["meta"]["total_count"] == 0
    french = localhost_client.get("/api/v2/pages/", {"type": "testimonials.TestimonialPage", "locale": "fr"})
    assert french.status_code == 200  # the other languages' indexes are not restricted
    search = localhost_client.get("/en/search/", {"q": source.title}).content.decode()
    assert source.url not in search


# -- site-wide outputs: search, suggestions, sitemap, API, menus, call-to-action blocks -------------------
def test_private_pages_of_every_type_stay_out_of_search_sitemap_and_api(localhost_client, content):
    from home.factories import StandardPageFactory, publish

    home = HomePage.objects.get(locale__language_code="en")
    content.trainings("en", providers=["becode"])
    content.initiatives("en", organisations=["becode"])
    content.events("en")
    content.role_models("en")
    publish(StandardPageFactory(parent=home, title="Digital inclusion charter", slug="charter"))
    sources = [
        TrainingPage.objects.live().filter(locale=home.locale).order_by("pk").first(),
        InitiativePage.objects.live().filter(locale=home.locale).order_by("pk").first(),
        EventPage.objects.live().filter(locale=home.locale).order_by("pk").first(),
        RoleModelPage.objects.live().filter(locale=home.locale).order_by("pk").first(),
        StandardPage.objects.live().filter(locale=home.locale).order_by("pk").first(),
    ]
    # A page that looks public, under a parent with a view restriction.
    section = StandardPage(title="Members' corner", slug=f"members-{uuid.uuid4().hex[:6]}", body=[])
    home.add_child(instance=section)
    restrict(section, "password")
    sources[-1].copy(
        to=section,
        update_attrs={"title": f"Under a private parent {MARKER}child", "slug": "under-private"},
        keep_live=True,
        log_action=None,
    )
    words = [first_word(source.title) for source in sources]
    urls = [
        "/sitemap.xml",
        "/api/v2/pages/?locale=en&limit=50",
        *[f"/api/v2/pages/?type={source._meta.label}&locale=en&limit=50" for source in sources],
        *[f"/en/search/?q={word}" for word in words],
        *[f"/en/search/autocomplete/?q={word[:4]}" for word in words],
        f"/api/v2/pages/?search={MARKER}",
    ]
    before = snapshot(localhost_client, urls)
    private_ids = []
    for source in sources:
        private_ids += [copy.pk for copy in private_copies(source).values()]
    assert_unchanged(localhost_client, urls, before)
    found = localhost_client.get(f"/en/search/?q={MARKER}").content.decode().lower()
    assert not any(f"{MARKER}{kind}" in found for kind in (*PRIVATE_KINDS, "child"))
    for page_id in private_ids:
        assert localhost_client.get(f"/api/v2/pages/{page_id}/", follow=True).status_code == 404


@pytest.mark.usefixtures("vocabularies", "experts", "general_pages")
def test_a_signed_in_editor_gets_the_same_public_api_answer(localhost_client, django_user_model):
    page = StandardPage.objects.live().filter(locale__language_code="en").first()
    copy = private_copies(page)["login"]
    editor = django_user_model.objects.create_superuser("api-editor", "api@example.org", "pw")
    localhost_client.force_login(editor)
    assert localhost_client.get(f"/api/v2/pages/{copy.pk}/", follow=True).status_code == 404
    assert localhost_client.get(f"/api/v2/pages/{page.pk}/").status_code == 200


def test_restricted_pages_leave_the_menu_and_call_to_actions_lose_their_button(localhost_client):
    home = HomePage.objects.get(locale__language_code="en")
    menu_page = StandardPage(title=f"Staff area {MARKER}", slug="staff-area", body=[], show_in_menus=True)
    home.add_child(instance=menu_page)
    menu_page.save_revision().publish()
    assert MARKER in localhost_client.get("/en/").content.decode().lower()
    restrict(menu_page, "login")
    assert MARKER not in localhost_client.get("/en/").content.decode().lower()

    host = StandardPage(
        title="Join us",
        slug="join-us",
        body=[
            (
                "call_to_action",
                {"title": "Read on", "text": "", "link_text": "Go to the staff area", "page": menu_page},
            )
        ],
    )
    home.add_child(instance=host)
    host.save_revision().publish()
    html = localhost_client.get(host.url).content.decode()
    assert "Read on" in html
    assert menu_page.url not in html and "Go to the staff area" not in html


def test_the_public_rule_is_the_one_every_output_uses():
    """A page under a restricted ancestor is excluded by the shared rule, and released with it."""
    from home.visibility import is_public, public_pages

    home = HomePage.objects.get(locale__language_code="en")
    page = Page.objects.live().child_of(home).first().specific
    assert is_public(page) and public_pages(Page.objects.filter(pk=page.pk)).exists()
    restriction = PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    page.refresh_from_db()
    assert not is_public(page) and not public_pages(Page.objects.filter(pk=page.pk)).exists()
    restriction.delete()
    assert is_public(page) and public_pages(Page.objects.filter(pk=page.pk)).exists()
