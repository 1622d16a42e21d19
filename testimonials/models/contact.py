"""Messages to experts sent through the directory."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models.delivery import EmailDeliveryMixin

from .pages import TestimonialPage


class ContactPurpose(models.TextChoices):
    SPEAKING = "speaking", _("Invitation to speak at an event")
    MEDIA = "media", _("Media or interview request")
    MENTORING = "mentoring", _("Mentoring")
    OTHER = "other", _("Something else")


class ContactRequest(EmailDeliveryMixin, models.Model):
    """A message to an expert sent through the directory: stored first, then forwarded by e-mail by the task
    worker (EmailDeliveryMixin)."""

    expert = models.ForeignKey(
        TestimonialPage,
        verbose_name=_("expert"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    expert_name = models.CharField(_("expert name"), max_length=255)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=16, choices=ContactPurpose.choices)
    message = models.TextField(_("message"), max_length=3000)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} → {self.expert_name}"

    def delivery_messages(self):
        """To the expert (when she has an address) and the editors, answering to the sender; and a copy to the
        sender. All in the language she wrote in."""
        from django.core.mail import EmailMessage
        from django.template.loader import render_to_string
        from django.utils import translation

        from home.text import one_line

        context = {
            "contact_request": self,
            "expert_url": self.expert.get_full_url() if self.expert else "",
        }
        with translation.override(self.language or settings.LANGUAGE_CODE):
            subject = one_line(render_to_string("testimonials/email/contact_subject.txt", context))
            body = render_to_string("testimonials/email/contact_body.txt", context)
            messages = {}
            if self.expert and self.expert.contact_email:
                messages["expert"] = EmailMessage(
                    subject,
                    body,
                    settings.DEFAULT_FROM_EMAIL,
                    [self.expert.contact_email],
                    reply_to=[self.email],
                )
            messages["editors"] = EmailMessage(
                subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                list(settings.EDITORS_EMAIL),
                reply_to=[self.email],
            )
            messages["sender"] = EmailMessage(
                one_line(render_to_string("testimonials/email/contact_copy_subject.txt", context)),
                render_to_string("testimonials/email/contact_copy_body.txt", context),
                settings.DEFAULT_FROM_EMAIL,
                [self.email],
                reply_to=list(settings.EDITORS_EMAIL),
            )
        return messages
