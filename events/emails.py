"""The e-mails of a partner's event submission (EventSubmission.delivery_messages): to the moderators in the
site's language, and the acknowledgement to the partner in the language she submitted in. Sent by the task
worker; built from the stored submission alone (no request)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from home.text import one_line


def submission_messages(submission):
    page = submission.page
    admin_url = (
        settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])
        if page is not None
        else ""
    )
    context = {"submission": submission, "page": page, "admin_url": admin_url}
    names = {"title": submission.event_title, "reference": submission.reference}
    with translation.override(settings.LANGUAGE_CODE):
        to_moderators = EmailMessage(
            subject=one_line(_("New event to review: %(title)s (%(reference)s)") % names),
            body=render_to_string("events/emails/moderators.txt", context),
            to=list(settings.EDITORS_EMAIL),
            reply_to=[submission.contact_email],
        )
    with translation.override(submission.language):
        to_partner = EmailMessage(
            subject=one_line(_("We received your event: %(title)s (%(reference)s)") % names),
            body=render_to_string("events/emails/acknowledgement.txt", context),
            to=[submission.contact_email],
        )
    return {"moderators": to_moderators, "partner": to_partner}
