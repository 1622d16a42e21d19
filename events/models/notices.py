"""What partners are told about their submission once moderators have looked at it, and the moderation task that
lets moderators reject a submission outright.

A partner gets an e-mail, in the language she submitted in, when a moderator requests changes (with the
moderator's comment), when her event is published (with its public address) and when it is rejected (with
the comment). Each is a PartnerNotice, sent by the task worker and recorded like any other e-mail
(EmailDeliveryMixin); events.moderation creates them from Wagtail's workflow signals."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import GroupApprovalTask

from home.models.delivery import EmailDeliveryMixin
from home.text import one_line

from .submissions import EventSubmission


class NoticeKind(models.TextChoices):
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


SUBJECTS = {
    NoticeKind.CHANGES_REQUESTED: _("Changes requested for your event: %(title)s (%(reference)s)"),
    NoticeKind.PUBLISHED: _("Your event is published: %(title)s (%(reference)s)"),
    NoticeKind.REJECTED: _("Your event was not accepted: %(title)s (%(reference)s)"),
}


class PartnerNotice(EmailDeliveryMixin, models.Model):
    submission = models.ForeignKey(
        EventSubmission, verbose_name=_("event submission"), on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("notice"), max_length=20, choices=NoticeKind.choices)
    comment = models.TextField(_("moderator's comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel(name, read_only=True)
        for name in [
            "submission",
            "kind",
            "comment",
            "delivery_status",
            "delivery_attempts",
            "delivery_error",
            "delivery_attempted_at",
        ]
    ]

    class Meta:
        verbose_name = _("partner notice")
        verbose_name_plural = _("partner notices")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.submission.reference} · {self.get_kind_display()}"

    @classmethod
    def notify(cls, page, kind, comment=""):
        """The notice of `kind` for the submission whose draft is `page` (None when the page is not a partner
        submission, or when she was already told her event is published), sent by the worker after commit."""
        submission = EventSubmission.objects.filter(page_id=page.pk).first()
        if submission is None:
            return None
        if kind == NoticeKind.PUBLISHED and submission.notices.filter(kind=kind).exists():
            return None
        notice = cls.objects.create(submission=submission, kind=kind, comment=comment)
        notice.queue_delivery()
        return notice

    def delivery_messages(self):
        submission = self.submission
        page = submission.page.specific if submission.page else None
        context = {
            "submission": submission,
            "notice": self,
            "public_url": page.get_full_url() if page is not None and page.live else "",
            "edit_url": self._edit_url(page),
        }
        with translation.override(submission.language):
            names = {"title": submission.event_title, "reference": submission.reference}
            message = EmailMessage(
                subject=one_line(gettext(SUBJECTS[self.kind]) % names),
                body=render_to_string(f"events/emails/partner_{self.kind}.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[submission.contact_email],
                reply_to=list(settings.EDITORS_EMAIL),
            )
        return {"partner": message}

    def _edit_url(self, page):
        """Where a partner with an account changes her draft (anonymous partners answer by e-mail)."""
        if page is None or self.submission.submitted_by_id is None:
            return ""
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])


class EventApprovalTask(GroupApprovalTask):
    """Wagtail's group approval with one more action for moderators: "Reject", which ends the workflow (the
    draft stays unpublished) and tells the partner, with the moderator's comment. "Request changes" keeps
    Wagtail's meaning: the partner may change her draft and submit it again."""

    class Meta:
        verbose_name = _("event approval task")
        verbose_name_plural = _("event approval tasks")

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions.append(("decline", _("Reject"), True))
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "decline":
            return super().on_action(task_state, user, action_name, **kwargs)
        comment = kwargs.get("comment", "")
        task_state.reject(user=user, update=False, comment=comment)
        task_state.workflow_state.cancel(user=user)
        PartnerNotice.notify(task_state.workflow_state.content_object, NoticeKind.REJECTED, comment)
        return None

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, request changes or reject (the partner is told)")
