"""The demo content `make run` shows (`manage.py load_demo_content`): every test here is about the demo itself,
so it is marked `demo` and runs in a session that loads the full demo (tests/conftest.py; scripts/test.sh
runs it apart). Every other test builds what it looks at with the factories on the minimal site."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from events.factories import events_index
from events.models import EventKind, EventPage
from home.languages import language_codes
from home.models import HomePage, Organisation, Region, TargetGroup
from trainings.models import InitiativePage, TrainingPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_demo_content_command_is_idempotent():
    def counts():
        return (
            Page.objects.count(),
            Revision.objects.count(),
            Organisation.objects.count(),
            TargetGroup.objects.count(),
            Translation.objects.count(),
            get_image_model().objects.count(),
        )

    before = counts()
    call_command("load_demo_content", verbosity=0)
    assert counts() == before


def test_demo_content_exists_in_four_languages():
    assert HomePage.objects.filter(live=True).count() == 4
    for model in (Region, TargetGroup, Organisation):
        per_locale = {
            code: model.objects.filter(locale__language_code=code).count() for code in language_codes()
        }
        assert len(set(per_locale.values())) == 1 and per_locale["en"] > 0, per_locale
    assert Region.objects.get(slug="wallonia", locale__language_code="nl").name == "Wallonië"


def test_demo_content_has_trainings_and_initiatives_in_four_languages():
    for code in language_codes():
        assert TrainingPage.objects.live().filter(locale__language_code=code).count() >= 40
        assert InitiativePage.objects.live().filter(locale__language_code=code).count() >= 10


def test_demo_content_has_events_of_every_kind_past_and_upcoming_in_four_languages():
    for code in language_codes():
        events = EventPage.objects.live().filter(locale__language_code=code)
        assert events.count() >= 8
        kinds = set(events.values_list("kind", flat=True))
        assert kinds == set(EventKind.values)
        now = timezone.now()
        assert events.filter(end__lt=now).exists() and events.filter(start__gt=now).exists()
    index = events_index("de")
    assert index.show_in_menus and index.live


def test_demo_failing_panel_tops_the_panel_balance_report():
    from events.wagtail_hooks import panel_balance_rows

    english_rows = [row for row in panel_balance_rows(0) if row.page.locale.language_code == "en"]
    assert english_rows[0].page.title == "Careers in cybersecurity: a debate"
    assert not english_rows[0].balance.passes
