"""`publish_scheduled` skips a revision that may not go live (a role model without consent) and publishes the rest."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from home.models import HomePage, StandardPage
from testimonials.factories import TestimonialPageFactory as RoleModelFactory
from testimonials.models import TestimonialIndexPage as RoleModelIndex
from testimonials.models import TestimonialPage as RoleModel

pytestmark = pytest.mark.django_db


def scheduled_pages():
    """A role model without consent due a minute before a standard page (so she comes first in the loop)."""
    past = timezone.now() - timedelta(minutes=5)
    index = RoleModelIndex.objects.get(locale__language_code="en")
    role_model = RoleModelFactory(
        parent=index,
        title="Scheduled without consent",
        slug="scheduled-no-consent",
        consent_date=None,
        live=False,
    )
    role_model.save_revision(approved_go_live_at=past)

    home = HomePage.objects.get(locale__language_code="en")
    body = [("paragraph", "<p>Published on time.</p>")]
    page = home.add_child(
        instance=StandardPage(title="Scheduled news", slug="scheduled-news", body=body, live=False)
    )
    page.save_revision(approved_go_live_at=past + timedelta(minutes=1))
    return role_model, page


def test_a_role_model_without_consent_is_skipped_and_logged_and_the_rest_published(caplog):
    role_model, page = scheduled_pages()

    with caplog.at_level(logging.WARNING, logger="home.management.commands.publish_scheduled"):
        call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()

    role_model = RoleModel.objects.get(pk=role_model.pk)
    assert not role_model.live
    # Left as it was: still scheduled, so it goes live once someone fixes it, and is reported at every run.
    assert role_model.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert not PageLogEntry.objects.filter(page=role_model, action="wagtail.publish.scheduled").exists()

    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1
    message = warnings[0].getMessage()
    assert f"TestimonialPage {role_model.pk}" in message
    assert "Scheduled without consent" in message
    assert "consent_date" in message and "cannot be published without" in message


def test_dry_run_lists_and_changes_nothing():
    role_model, page = scheduled_pages()
    out = StringIO()
    call_command("publish_scheduled", "--dry-run", stdout=out)
    assert "Scheduled news" in out.getvalue()
    assert "Scheduled without consent" in out.getvalue()
    page.refresh_from_db()
    assert not page.live
    assert page.revisions.filter(approved_go_live_at__isnull=False).exists()
