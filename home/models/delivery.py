import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Sending failed")


class EmailDeliveryMixin(models.Model):
    """For anything a visitor submits, and for every notice the site sends: store it first, then let the task
    worker send its e-mails (home.tasks.deliver_emails) and record how that went, so a failed e-mail loses
    nothing and editors see it in the admin (filter on the delivery status).

    A model names its e-mails in `delivery_messages()`: {key: EmailMessage}, each in its recipient's language.
    A message that went out is remembered by its key (`delivery_done`), so a later try sends only the others.
    A try that fails is tried again later (settings.EMAIL_DELIVERY_ATTEMPTS tries in all, the wait doubling
    from settings.EMAIL_RETRY_SECONDS) while the status stays "queued"; after the last one it is "failed"."""

    delivery_status = models.CharField(
        _("e-mail delivery"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    delivery_error = models.TextField(_("delivery error"), blank=True)
    delivery_attempted_at = models.DateTimeField(_("last delivery attempt"), null=True, blank=True)
    delivery_attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    delivery_done = models.JSONField(_("e-mails already sent"), default=list, blank=True, editable=False)

    class Meta:
        abstract = True

    def delivery_messages(self) -> dict[str, EmailMessage]:
        raise NotImplementedError

    def queue_delivery(self, *, again=False):
        """Hand the sending to the task worker; the object must be stored. The task is a row of the same
        database, so it is stored with the object, in the same transaction (none without the other). `again`
        (an editor's resend): a fresh series of tries."""
        from home.tasks import deliver_emails

        if again:
            self.delivery_attempts = 0
        self.delivery_status = DeliveryStatus.QUEUED
        self.save(update_fields=["delivery_status", "delivery_attempts"])
        deliver_emails.enqueue(self._meta.label, self.pk)
        # What became of it, when the backend ran it at once (the tests' backend; the worker, if quick).
        self.refresh_from_db(
            fields=["delivery_status", "delivery_error", "delivery_attempts", "delivery_done"]
        )

    def attempt_delivery(self, *, can_retry=True) -> timedelta | None:
        """Send the messages not sent yet; never raises. Records the outcome on this object and returns how
        long to wait before the next try, or None when there is nothing more to try."""
        done = set(self.delivery_done)
        errors = []
        for key, message in self.delivery_messages().items():
            if key in done:
                continue
            try:
                message.send(fail_silently=False)
            except Exception as exc:  # noqa: BLE001 - any transport error must be recorded, not raised
                logger.warning("E-mail to %s failed for %r: %s", message.to, self, exc)
                errors.append(f"{', '.join(message.to)}: {exc}")
            else:
                done.add(key)
        self.delivery_attempts += 1
        self.delivery_done = sorted(done)
        self.delivery_error = "\n".join(errors)
        self.delivery_attempted_at = timezone.now()
        retry_in = None
        if not errors:
            self.delivery_status = DeliveryStatus.SENT
        elif can_retry and self.delivery_attempts < settings.EMAIL_DELIVERY_ATTEMPTS:
            self.delivery_status = DeliveryStatus.QUEUED
            retry_in = timedelta(seconds=settings.EMAIL_RETRY_SECONDS * 2 ** (self.delivery_attempts - 1))
        else:
            self.delivery_status = DeliveryStatus.FAILED
        self.save(
            update_fields=[
                "delivery_status",
                "delivery_error",
                "delivery_attempted_at",
                "delivery_attempts",
                "delivery_done",
            ]
        )
        return retry_in
