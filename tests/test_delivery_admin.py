"""Failed contact e-mails: editors and moderators see them in the admin and can send them again; partners cannot."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from testimonials.models import ContactRequest
from testimonials.models import TestimonialPage as RoleModel
from tests.mail import FAILING_EMAIL_BACKEND

pytestmark = pytest.mark.django_db

LISTING = "/admin/contact-requests/"
FAILING = FAILING_EMAIL_BACKEND


@pytest.fixture
def failed_request():
    """Stored by the directory's contact form (in Dutch), then its e-mails failed."""
    expert = RoleModel.objects.get(slug="sofie-vermeulen", locale__language_code="nl")
    contact_request = ContactRequest.objects.create(
        expert=expert,
        expert_name=expert.title,
        name="Anne Organiser",
        email="anne@example.com",
        organisation="Tech Panel Days",
        purpose="speaking",
        message="We would love to have you on our panel about security in May.",
        language="nl",
    )
    with override_settings(EMAIL_BACKEND=FAILING):
        contact_request.queue_delivery()  # the tests' task backend runs it at once: one try, failed
    contact_request.refresh_from_db()
    assert contact_request.delivery_status == "failed"
    return contact_request


def member(django_user_model, group, language=None):
    user = django_user_model.objects.create_user(
        f"{group.lower()}-user", f"{group.lower()}@example.org", "pw"
    )
    user.groups.add(Group.objects.get(name=group))
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


def resend_url(contact_request):
    return reverse("contact_requests:resend", args=[contact_request.pk])


@pytest.mark.usefixtures("experts")
def test_a_moderator_sees_the_failed_request_and_resends_it(client, django_user_model, failed_request):
    client.force_login(member(django_user_model, "Moderators"))
    listing = client.get(LISTING, {"delivery_status": "failed"})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Anne Organiser" in html and "Sending failed" in html
    assert resend_url(failed_request) in html
    assert "anne@example.com" not in html  # the listing keeps personal data to a minimum

    inspect = client.get(reverse("contact_requests:inspect", args=[failed_request.pk]))
    assert resend_url(failed_request) in inspect.content.decode()

    confirm = client.get(resend_url(failed_request))
    assert confirm.status_code == 200
    assert "again, to the same recipients as before?" in confirm.content.decode()
    assert not mail.outbox  # asking sends nothing

    response = client.post(resend_url(failed_request), follow=True)
    assert response.status_code == 200
    assert "have been sent" in response.content.decode()
    failed_request.refresh_from_db()
    assert failed_request.delivery_status == "sent"
    assert failed_request.delivery_error == ""
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert failed_request.expert.contact_email in recipients
    assert "editors@localhost" in recipients
    # The same e-mails as the first time: in the language she wrote in, answering to the sender; and her copy.
    assert len(mail.outbox) == 3
    *relayed, copy = mail.outbox
    assert all(
        message.subject.endswith(f"wil {failed_request.expert_name} contacteren") for message in relayed
    )
    assert all(message.reply_to == ["anne@example.com"] for message in relayed)
    assert copy.to == ["anne@example.com"]
    assert failed_request.message in copy.body

    # Sent now: no resend button any more, and a second POST sends nothing.
    assert resend_url(failed_request) not in client.get(LISTING).content.decode()
    client.post(resend_url(failed_request))
    assert len(mail.outbox) == 3


@pytest.mark.usefixtures("experts")
def test_a_failed_resend_records_the_new_attempt_with_a_translated_message(
    client, django_user_model, failed_request
):
    first_attempt = failed_request.delivery_attempted_at
    client.force_login(member(django_user_model, "Moderators", language="fr"))
    with override_settings(EMAIL_BACKEND=FAILING):
        response = client.post(resend_url(failed_request), follow=True)
    assert response.status_code == 200
    assert "a de nouveau échoué" in response.content.decode()
    failed_request.refresh_from_db()
    assert failed_request.delivery_status == "failed"
    assert "relay down" in failed_request.delivery_error
    assert failed_request.delivery_attempted_at > first_attempt
    assert not mail.outbox


@pytest.mark.usefixtures("experts")
def test_editors_see_them_too_as_the_readme_says(client, django_user_model, failed_request):
    client.force_login(member(django_user_model, "Editors"))
    listing = client.get(LISTING, {"delivery_status": "failed"})
    assert listing.status_code == 200
    assert resend_url(failed_request) in listing.content.decode()


@pytest.mark.usefixtures("experts")
def test_nobody_edits_what_was_sent(client, django_user_model, failed_request):
    client.force_login(member(django_user_model, "Moderators"))
    edit_url = reverse("contact_requests:edit", args=[failed_request.pk])
    client.post(edit_url, {"name": "Changed", "email": "changed@example.org", "message": "Changed"})
    failed_request.refresh_from_db()
    assert failed_request.name == "Anne Organiser"
    assert failed_request.email == "anne@example.com"


@pytest.mark.usefixtures("experts")
def test_a_partner_can_neither_see_nor_resend_them(client, django_user_model, failed_request):
    client.force_login(member(django_user_model, "Partners"))
    assert client.get(LISTING).status_code != 200
    assert client.get(resend_url(failed_request)).status_code != 200
    client.post(resend_url(failed_request))
    failed_request.refresh_from_db()
    assert failed_request.delivery_status == "failed"
    assert not mail.outbox
