"""Editors' side of the foundation: the admin screens for pages, vocabularies and organisations work."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.factories import OrganisationFactory, translate
from home.models import HomePage, Organisation, Region, StandardPage

pytestmark = pytest.mark.django_db


def test_editor_can_open_the_page_editors(editor_client, general_pages):
    for page in (HomePage.objects.get(locale__language_code="en"), general_pages["about"]["en"]):
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200


def test_editor_can_list_and_edit_vocabularies_and_organisations(editor_client, vocabularies):
    translate(OrganisationFactory(name="BeCode", slug="becode"))
    for model in (Region, Organisation):
        list_url = reverse(f"wagtailsnippets_home_{model._meta.model_name}:list")
        assert editor_client.get(list_url).status_code == 200
        obj = model.objects.filter(locale__language_code="fr").first()
        edit_url = reverse(f"wagtailsnippets_home_{model._meta.model_name}:edit", args=[obj.pk])
        assert editor_client.get(edit_url).status_code == 200


def test_editor_can_publish_a_new_standard_page_in_dutch(editor_client):
    dutch_home = HomePage.objects.get(locale__language_code="nl")
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", dutch_home.pk])
    data = nested_form_data(
        {
            "title": "Nieuws",
            "slug": "nieuws",
            "introduction": "Het laatste nieuws.",
            "body": streamfield([("paragraph", rich_text("<p>Welkom bij het nieuws.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "action-publish"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = StandardPage.objects.get(slug="nieuws")
    assert page.live and page.locale.language_code == "nl"
    assert editor_client.get("/nl/nieuws/").status_code == 200


@pytest.mark.parametrize(
    ("lang", "heading"), [("fr", "Un problème est survenu"), ("de", "Etwas ist schiefgelaufen")]
)
def test_server_error_page_is_translated(lang, heading):
    with translation.override(lang):
        html = render_to_string("500.html")
    assert f'lang="{lang}"' in html
    assert heading in html
