"""Partners are told, in the language they submitted in, when a moderator requests changes (with the comment),
when their event is published (with its public address) and when it is rejected (with the comment); failed
notices are resent from the admin. (The tests' task backend sends at once; tests/test_tasks.py runs the real
worker.)"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Site, WorkflowState

from events.factories import make_event
from events.models import EventPage, EventSubmission, PartnerNotice
from home.models import SiteLinks
from tests.html import soup
from tests.mail import FAILING_EMAIL_BACKEND
from tests.test_events_submissions import form_data, submit_url
from tests.test_testimonials import contact_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("vocabularies", "experts", "general_pages")]

COMMENT = "Merci d'ajouter l'adresse exacte et l'heure de fin."


def submit(code, title):
    """An anonymous partner's submission in language `code` (its acknowledgements sent), the outbox emptied."""
    response = Client().post(submit_url(code), form_data(title=title, languages=[code]))
    assert response.status_code == 200, response.content.decode()[:500]
    submission = EventSubmission.objects.get(event_title=title)
    assert submission.delivery_status == "sent"
    mail.outbox.clear()
    return submission, EventPage.objects.get(pk=submission.page_id)


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user("moderator-n", "mod@example.org", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


def act(client, page, action, comment=None):
    task_state = page.current_workflow_task_state
    assert task_state is not None
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    data = {"comment": comment} if comment is not None else {}
    response = client.post(url, data)
    assert response.status_code in {200, 302}
    return response


def only_notice_to(address):
    assert len(mail.outbox) == 1, [message.subject for message in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [address]
    assert message.reply_to == ["editors@localhost"]
    return message


def test_changes_requested_in_french_with_the_moderators_comment(client, moderator):
    submission, page = submit("fr", "Atelier code pour débutantes")

    act(client, page, "reject", COMMENT)  # Wagtail's "Request changes"

    message = only_notice_to("anna@example.org")
    assert message.subject == (
        f"Modifications demandées pour votre événement\u00a0: Atelier code pour débutantes ({submission.reference})"
    )
    assert "Notre équipe de modération a lu «\u00a0Atelier code pour débutantes\u00a0»" in message.body
    assert COMMENT in message.body
    assert "Répondez à cet e-mail" in message.body  # she has no account: she answers by e-mail
    notice = PartnerNotice.objects.get(submission=submission)
    assert (notice.kind, notice.comment, notice.delivery_status, notice.delivery_attempts) == (
        "changes_requested",
        COMMENT,
        "sent",
        1,
    )
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_published_in_dutch_with_the_public_address_and_told_once(client, moderator):
    submission, page = submit("nl", "Codeerclub voor meisjes")

    act(client, page, "approve")

    page.refresh_from_db()
    assert page.live
    message = only_notice_to("anna@example.org")
    assert (
        message.subject == f"Uw evenement is gepubliceerd: Codeerclub voor meisjes ({submission.reference})"
    )
    assert "Goed nieuws" in message.body
    assert page.get_full_url() in message.body
    assert client.get(page.url).status_code == 200

    # An editor corrects a typo and publishes again: the partner is not told a second time.
    page.save_revision(user=moderator).publish()
    assert len(mail.outbox) == 1
    assert PartnerNotice.objects.filter(submission=submission).count() == 1


def test_rejected_in_german_with_the_comment_and_the_draft_stays_unpublished(client, moderator):
    submission, page = submit("de", "Werbeveranstaltung")
    comment = "Reine Produktwerbung passt leider nicht zu unserem Programm."

    # The moderator finds "Reject" among the workflow actions of the draft (with a comment box).
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    task_state = page.current_workflow_task_state
    assert 'data-workflow-action-name="decline"' in edit
    assert (
        reverse("wagtailadmin_pages:collect_workflow_action_data", args=[page.pk, "decline", task_state.pk])
        in edit
    )
    act(client, page, "decline", comment)

    message = only_notice_to("anna@example.org")
    assert (
        message.subject
        == f"Ihre Veranstaltung wurde nicht angenommen: Werbeveranstaltung ({submission.reference})"
    )
    assert "hat unsere Moderation entschieden, die Veranstaltung nicht" in message.body
    assert comment in message.body
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state is None  # the workflow is over: nothing left to moderate
    assert PartnerNotice.objects.get(submission=submission).kind == "rejected"


def test_pages_that_are_not_partner_submissions_tell_nobody(client, moderator):
    page = make_event(title="Editors' own event", publish=False)
    page.save_revision(user=moderator).publish()
    assert not mail.outbox
    assert not PartnerNotice.objects.exists()


def test_a_failed_notice_is_recorded_and_resent_from_the_admin(client, moderator):
    submission, page = submit("fr", "Atelier à renvoyer")
    with override_settings(EMAIL_BACKEND=FAILING_EMAIL_BACKEND):
        act(client, page, "reject", COMMENT)
    notice = PartnerNotice.objects.get(submission=submission)
    assert notice.delivery_status == "failed"
    assert "relay down" in notice.delivery_error
    assert not mail.outbox

    listing = client.get("/admin/partner-notices/", {"delivery_status": "failed"}).content.decode()
    resend = reverse("partner_notices:resend", args=[notice.pk])
    assert submission.reference in listing and resend in listing

    response = client.post(resend, follow=True)
    assert "have been sent" in response.content.decode()
    message = only_notice_to("anna@example.org")
    assert COMMENT in message.body and message.subject.startswith("Modifications demandées")
    notice.refresh_from_db()
    assert (notice.delivery_status, notice.delivery_attempts) == ("sent", 1)
    assert resend not in client.get("/admin/partner-notices/").content.decode()


def test_the_forms_that_collect_personal_data_link_to_the_privacy_notice_in_their_language(general_pages):
    """The expert contact form and the event submission form (the search and filter forms collect none; the
    footer of every page links to the notice too)."""
    chosen = SiteLinks.for_site(Site.objects.get(is_default_site=True)).privacy_page
    for code, label in [("fr", "Lire la politique de confidentialité"), ("de", "Datenschutzerklärung lesen")]:
        notice = general_pages[chosen.slug][code]
        for url in (contact_url(code, "sofie-vermeulen"), submit_url(code)):
            form = soup(Client().get(url)).select_one("main form")
            link = form.find("a", string=label)
            assert link is not None and link["href"] == notice.url, url
