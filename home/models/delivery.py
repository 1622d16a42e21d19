import logging

from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Not sent yet")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Sending failed")


class EmailDeliveryMixin(models.Model):
    """For anything a visitor submits: store it first, then send its e-mails and record how that went, so a
    failed e-mail loses nothing and editors see it in the admin (filter on the delivery status)."""

    delivery_status = models.CharField(
        _("e-mail delivery"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    delivery_error = models.TextField(_("delivery error"), blank=True)
    delivery_attempted_at = models.DateTimeField(_("last delivery attempt"), null=True, blank=True)

    class Meta:
        abstract = True

    def deliver(self, messages: list[EmailMessage]) -> bool:
        """Send `messages`; never raises. Saves the outcome on this (already stored) object."""
        errors = []
        for message in messages:
            try:
                message.send(fail_silently=False)
            except Exception as exc:  # noqa: BLE001 - any transport error must be recorded, not raised
                logger.warning("E-mail to %s failed for %r: %s", message.to, self, exc)
                errors.append(f"{', '.join(message.to)}: {exc}")
        self.delivery_status = DeliveryStatus.FAILED if errors else DeliveryStatus.SENT
        self.delivery_error = "\n".join(errors)
        self.delivery_attempted_at = timezone.now()
        self.save(update_fields=["delivery_status", "delivery_error", "delivery_attempted_at"])
        return not errors
