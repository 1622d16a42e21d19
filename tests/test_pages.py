"""Editor rules for the foundation page types and shared blocks."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.blocks import CallToActionBlock
from home.models import CompetenceArea, HomePage, StandardPage, localized_terms


class PageRulesTests(WagtailPageTestCase):
    def test_standard_pages_live_under_home_and_standard_pages(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_home_page_only_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_pages_render(self):
        for page in StandardPage.objects.live():
            self.assertPageIsRenderable(page)


@pytest.mark.usefixtures("general_pages")
def test_call_to_action_needs_exactly_one_destination(db):
    block = CallToActionBlock()
    about = StandardPage.objects.get(slug="about")
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "t", "link_text": "go", "page": None, "external_url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python(
                {"title": "t", "link_text": "go", "page": about.pk, "external_url": "https://example.org"}
            )
        )
    value = block.clean(
        block.to_python({"title": "t", "link_text": "go", "page": about.pk, "external_url": ""})
    )
    assert value.url() == "/en/about/"


@pytest.mark.usefixtures("general_pages")
def test_call_to_action_links_to_the_page_in_the_active_language(db):
    from django.utils import translation

    block = CallToActionBlock()
    about = StandardPage.objects.get(slug="about")
    value = block.to_python({"title": "t", "link_text": "go", "page": about.pk, "external_url": ""})
    with translation.override("fr"):
        assert value.url() == "/fr/a-propos/"


@pytest.mark.usefixtures("vocabularies")
def test_terms_are_shown_in_the_active_language_whatever_locale_a_page_points_to(db):
    from django.utils import translation

    english = CompetenceArea.objects.get(slug="safety", locale__language_code="en")
    with translation.override("de"):
        german = localized_terms(CompetenceArea)[english.translation_key]
    assert german.name == "Sicherheit"
    assert german.slug == english.slug


def _route(route, home, components):
    """What a route() call gives for `components`: (page type, page id, routable view name, arguments) or
    "404"."""
    from django.http import Http404
    from django.test import RequestFactory

    request = RequestFactory().get("/" + "/".join(components))
    try:
        page, args, kwargs = route(home, request, components)
    except Http404:
        return "404"
    if args and callable(args[0]):  # RoutablePageMixin: (view, view args, view kwargs)
        args = (args[0].__name__, *args[1:])
    return type(page), page.pk, args, kwargs


@pytest.mark.usefixtures("general_pages")
def test_one_query_routing_finds_what_wagtail_finds_level_by_level(content):
    """HomePage.route finds a page with one query for the whole path; for every page of a site with every
    page type in every language, for routes of routable pages, drafts and unknown paths, it must give
    exactly what Wagtail's own level-by-level routing gives."""
    content.one_of_each()
    for code in ("en", "fr", "nl", "de"):
        content.seed_trainings(25, code)  # in bulk
    homes = {home.pk: home for home in HomePage.objects.all()}
    from events.models import EventPage

    StandardPage.objects.live().filter(locale__language_code="nl").first().unpublish()  # a draft
    # a page whose slug is also a route of its routable parent: the parent's route wins
    event = EventPage.objects.live().filter(locale__language_code="fr").first()
    event.copy(to=event.get_parent(), update_attrs={"slug": "feed", "title": "Feed"}, keep_live=True)
    paths = []
    for page in Page.objects.filter(depth__gt=2).exclude(pk__in=homes):
        home = next(h for h in homes.values() if page.path.startswith(h.path))
        components = page.url_path[len(home.url_path) :].strip("/").split("/")
        paths += [
            (home, components),
            (home, [*components, "ics"]),
            (home, [*components, "no-such-page"]),
            (home, [*components, "export-csv"]),
            (home, [*components, "organisations", "becode"]),
        ]
    paths += [(home, ["no-such-page", "deeper"]) for home in homes.values()]
    assert len(paths) > 500
    for home, components in paths:
        expected = _route(Page.route, home, components)
        assert _route(HomePage.route, home, components) == expected, components


def test_a_restriction_on_a_parent_page_closes_its_children_at_once(client, db):
    """View restrictions are looked up only for pages under a restricted one (a cached list of paths): adding
    or removing a restriction must still take effect on the next visit."""
    from wagtail.models import PageViewRestriction

    from events.factories import events_index, make_event

    index = events_index("de")
    event = make_event(index, title="Infoabend Programmieren")
    assert client.get(event.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(event.url)
    assert response.status_code == 302 and "login" in response["Location"]
    restriction.delete()
    assert client.get(event.url).status_code == 200
