"""What partners submit through the public events form."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from events.emails import submission_messages
from home.fields import optional_link
from home.languages import language_choices
from home.models.delivery import EmailDeliveryMixin


def new_reference():
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "EV-" + "".join(secrets.choice(alphabet) for _i in range(8))


class EventSubmission(EmailDeliveryMixin, models.Model):
    """What a partner sent through the public form; stored before any e-mail is sent."""

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, default=new_reference, editable=False
    )
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    organisation = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    event_title = models.CharField(_("event title"), max_length=200)
    page = optional_link("wagtailcore.Page", _("draft event page"))
    submitted_by = optional_link(settings.AUTH_USER_MODEL, _("submitted by"))
    panel_rule_waived = models.BooleanField(
        _("submitted despite the panel rule"),
        default=False,
        help_text=_("The partner confirmed a panel that does not meet the No Women No Panel rule."),
    )
    data = models.JSONField(_("submitted data"), default=dict, blank=True)

    panels = [
        FieldPanel("organisation", read_only=True),
        FieldPanel("contact_name", read_only=True),
        FieldPanel("contact_email", read_only=True),
        FieldPanel("event_title", read_only=True),
        FieldPanel("language", read_only=True),
        FieldPanel("page", read_only=True),
        FieldPanel("panel_rule_waived", read_only=True),
        FieldPanel("delivery_status", read_only=True),
        FieldPanel("delivery_attempts", read_only=True),
        FieldPanel("delivery_error", read_only=True),
    ]

    class Meta:
        verbose_name = _("event submission")
        verbose_name_plural = _("event submissions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.reference} · {self.event_title}"

    def delivery_messages(self):
        return submission_messages(self)
