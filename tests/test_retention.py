"""Retention (issue 16, point 4): `manage.py purge_personal_data` deletes contact messages, expert contact
requests and event submissions (with the notices sent about them), and expert sign-ups never confirmed (with
their e-mails and portrait), older than their configurable periods, keeps the recent ones and touches nothing
else; the task worker enqueues it once a day. The privacy notice of the demo states the default periods in four
languages."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from events.factories import make_event
from events.models import EventPage, EventSubmission, PartnerNotice
from home.demo import LANGUAGES, read
from home.models import ContactMessage
from home.tasks import purge_personal_data, schedule_purge
from testimonials.models import ContactRequest, ExpertNotice, ExpertSignup, TestimonialPage
from tests.test_expert_signup import confirm, join_url, link_in, png, signup_data

pytestmark = pytest.mark.django_db


def aged(instance, days):
    """`instance`, stored `days` days ago (created_at is set on creation)."""
    type(instance).objects.filter(pk=instance.pk).update(created_at=timezone.now() - timedelta(days=days))
    return instance


def contact_message(days, name):
    return aged(
        ContactMessage.objects.create(name=name, email="a@example.org", topic="question", message="Hi"), days
    )


def expert_request(days, name):
    return aged(
        ContactRequest.objects.create(
            expert_name="Julia", name=name, email="b@example.org", purpose="media", message="An interview?"
        ),
        days,
    )


def submission(days, title, page=None):
    found = EventSubmission.objects.create(
        language="fr",
        organisation="Org",
        contact_name="Claire",
        contact_email="c@example.org",
        event_title=title,
        page=page,
    )
    return aged(found, days)


def names(model, field):
    return set(model.objects.values_list(field, flat=True))


def test_old_rows_go_recent_ones_stay_and_nothing_else_is_touched(settings):
    settings.CONTACT_RETENTION_DAYS, settings.EXPERT_CONTACT_RETENTION_DAYS = 365, 180
    settings.EVENT_SUBMISSION_RETENTION_DAYS = 730
    contact_message(366, "old message")
    contact_message(364, "recent message")
    expert_request(181, "old request")
    expert_request(179, "recent request")
    event = make_event(title="Published from a submission")
    old_submission = submission(731, "old submission", page=event)
    PartnerNotice.objects.create(submission=old_submission, kind="published")
    submission(729, "recent submission")
    pages_before = EventPage.objects.count()

    out = StringIO()
    call_command("purge_personal_data", stdout=out)

    assert names(ContactMessage, "name") == {"recent message"}
    assert names(ContactRequest, "name") == {"recent request"}
    assert names(EventSubmission, "event_title") == {"recent submission"}
    assert not PartnerNotice.objects.exists()  # the notices about the deleted submission go with it
    assert EventPage.objects.count() == pages_before  # the event page it created stays
    assert EventPage.objects.get(pk=event.pk).live
    report = out.getvalue()
    assert "home.ContactMessage: deleted 1 older than 365 days" in report
    assert "testimonials.ContactRequest: deleted 1 older than 180 days" in report
    assert "events.EventSubmission: deleted 1 older than 730 days" in report


def test_the_periods_come_from_the_settings_and_a_dry_run_deletes_nothing(settings):
    settings.CONTACT_RETENTION_DAYS = 30
    contact_message(31, "a month ago")
    contact_message(29, "this month")
    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "home.ContactMessage: would delete 1 older than 30 days" in out.getvalue()
    assert ContactMessage.objects.count() == 2
    call_command("purge_personal_data", stdout=StringIO())
    assert names(ContactMessage, "name") == {"this month"}


def test_a_period_that_is_not_a_positive_number_of_days_stops_the_purge(settings):
    contact_message(400, "old message")
    settings.CONTACT_RETENTION_DAYS = 0
    with pytest.raises(ImproperlyConfigured, match="CONTACT_RETENTION_DAYS"):
        call_command("purge_personal_data", stdout=StringIO())
    assert ContactMessage.objects.count() == 1


def test_the_worker_enqueues_the_purge_once_a_day(settings):
    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    runs = DBTaskResult.objects.filter(task_path=purge_personal_data.module_path)
    schedule_purge()
    schedule_purge()  # the worker's next round, a minute later: one is waiting already
    assert runs.count() == 1
    runs.update(status="SUCCESSFUL", finished_at=timezone.now())
    schedule_purge()  # ran today: not again
    assert runs.count() == 1
    runs.update(enqueued_at=timezone.now() - timedelta(days=1, minutes=1))
    schedule_purge()  # a day later
    assert runs.count() == 2
    assert runs.filter(status="READY").count() == 1


def test_the_demo_privacy_notice_states_the_default_periods_in_four_languages(settings):
    privacy = next(spec for spec in read("home", "site")["pages"] if spec["slug"].en == "privacy")
    texts = [
        text
        for block in privacy["fields"]["body"]["$stream"]
        if block["type"] == "paragraph"
        for text in block["value"]["$paragraphs"]
    ]
    for code in LANGUAGES:
        notice = " ".join(text.get(code) for text in texts)
        for days in (
            settings.CONTACT_RETENTION_DAYS,
            settings.EXPERT_CONTACT_RETENTION_DAYS,
            settings.EVENT_SUBMISSION_RETENTION_DAYS,
            settings.EXPERT_SIGNUP_UNCONFIRMED_RETENTION_DAYS,
        ):
            assert f"{days} " in notice, (code, days)


def expert_signup(days, email, portrait=False):
    """A sign-up sent through the public form `days` days ago (with an uploaded portrait if `portrait`)."""
    data = signup_data(email=email, portrait_alt_text="Her portrait" if portrait else "")
    response = Client().post(join_url("nl"), {**data, **({"portrait": png()} if portrait else {})})
    assert response.status_code == 302
    return aged(ExpertSignup.objects.get(email=email), days)


@pytest.mark.usefixtures("vocabularies")
def test_unconfirmed_sign_ups_go_with_their_portrait_and_e_mails_confirmed_ones_stay(settings):
    settings.EXPERT_SIGNUP_UNCONFIRMED_RETENTION_DAYS = 7
    forgotten = expert_signup(8, "forgotten@example.org", portrait=True)
    portrait = forgotten.portrait
    portrait.get_rendition("fill-320x320")
    recent = expert_signup(6, "recent@example.org")
    confirmed = expert_signup(30, "confirmed@example.org", portrait=True)
    confirm(link_in(next(message for message in mail.outbox if message.to == [confirmed.email])))
    confirmed.refresh_from_db()
    assert confirmed.page_id is not None

    out = StringIO()
    call_command("purge_personal_data", stdout=out)

    assert "testimonials.ExpertSignup: deleted 1 older than 7 days" in out.getvalue()
    assert set(ExpertSignup.objects.values_list("email", flat=True)) == {recent.email, confirmed.email}
    assert not ExpertNotice.objects.filter(signup_id=forgotten.pk).exists()
    # The portrait she uploaded goes with its renditions (post_delete of each sign-up the queryset deletes).
    assert not get_image_model().objects.filter(pk=portrait.pk).exists()
    assert not Rendition.objects.filter(image_id=portrait.pk).exists()
    # The confirmed one keeps its portrait and the draft profile made of it.
    assert get_image_model().objects.filter(pk=confirmed.portrait_id).exists()
    assert TestimonialPage.objects.filter(pk=confirmed.page_id).exists()


@pytest.mark.usefixtures("vocabularies")
def test_the_unconfirmed_sign_ups_period_comes_from_its_setting(settings):
    settings.EXPERT_SIGNUP_UNCONFIRMED_RETENTION_DAYS = 30
    expert_signup(8, "waiting@example.org")
    call_command("purge_personal_data", stdout=StringIO())
    assert ExpertSignup.objects.filter(email="waiting@example.org").exists()
    settings.EXPERT_SIGNUP_UNCONFIRMED_RETENTION_DAYS = 0
    with pytest.raises(ImproperlyConfigured, match="EXPERT_SIGNUP_UNCONFIRMED_RETENTION_DAYS"):
        call_command("purge_personal_data", stdout=StringIO())
