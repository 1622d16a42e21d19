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


def test_call_to_action_links_to_the_page_in_the_active_language(db):
    from django.utils import translation

    block = CallToActionBlock()
    about = StandardPage.objects.get(slug="about")
    value = block.to_python({"title": "t", "link_text": "go", "page": about.pk, "external_url": ""})
    with translation.override("fr"):
        assert value.url() == "/fr/a-propos/"


def test_terms_are_shown_in_the_active_language_whatever_locale_a_page_points_to(db):
    from django.utils import translation

    english = CompetenceArea.objects.get(slug="safety", locale__language_code="en")
    with translation.override("de"):
        german = localized_terms(CompetenceArea)[english.translation_key]
    assert german.name == "Sicherheit"
    assert german.slug == english.slug
