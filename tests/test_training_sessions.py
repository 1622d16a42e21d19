"""A training whose sessions are all over says so and no longer invites visitors to register."""

import datetime

import pytest

from home.factories import publish
from tests.html import soup
from trainings.factories import TrainingPageFactory, TrainingPageSessionFactory
from trainings.models import TrainingCatalogPage

pytestmark = pytest.mark.django_db

REGISTER = "https://example.org/inschrijven"


def training_with_sessions(*starts):
    catalogue = TrainingCatalogPage.objects.get(locale__language_code="nl")
    page = TrainingPageFactory(parent=catalogue, registration_url=REGISTER, locale=catalogue.locale)
    for start in starts:
        TrainingPageSessionFactory(page=page, start_date=start, end_date=start + datetime.timedelta(days=5))
    return publish(page)


def test_a_training_whose_sessions_are_all_over_has_no_register_button(client):
    long_ago = datetime.date.today() - datetime.timedelta(days=90)
    page = soup(client.get(training_with_sessions(long_ago, long_ago + datetime.timedelta(days=30)).url))
    assert "Alle sessies van deze opleiding zijn voorbij" in page.select_one("main .notice").text
    assert not page.select(f'a[href="{REGISTER}"]')


def test_a_training_with_a_session_to_come_invites_to_register(client):
    today = datetime.date.today()
    page = soup(client.get(training_with_sessions(today - datetime.timedelta(days=60), today).url))
    assert page.select(f'a[href="{REGISTER}"]') and page.select_one("main .notice") is None
