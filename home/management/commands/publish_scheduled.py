"""Wagtail's `publish_scheduled`, except that a revision that may not go live is skipped, not fatal.

Wagtail publishes every due revision in one loop, so one page whose validation refuses to go live (a role model
without her consent date, testimonials.models.TestimonialPage.clean) stopped the command and delayed every
page scheduled after it, at every run. Here each due revision is published on its own (in a savepoint, so a
refused one stays scheduled exactly as it was); a refused one is logged as a warning with its id and title and
the reason, and the others are published. Expired objects are unpublished as Wagtail does, and `--dryrun`
(or `--dry-run`) only lists, with Wagtail's own output."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduledCommand
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)


def validation_reason(error):
    """The validation messages, with the field they concern (no field values)."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(str(message) for message in messages)}"
            for field, messages in error.message_dict.items()
        )
    return " ".join(str(message) for message in error.messages)


class Command(WagtailPublishScheduledCommand):
    help = (
        "Unpublish expired pages and objects and publish the scheduled ones; a revision that fails validation "
        "is skipped and logged."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", dest="dryrun", help="Same as --dryrun.")

    def handle(self, *args, **options):
        if options["dryrun"]:
            return super().handle(*args, **options)  # lists only, changes nothing
        self.unpublish_expired()
        published, skipped = self.publish_due_revisions()
        if options.get("verbosity", 1) > 1:
            self.stdout.write(f"Published {published} scheduled revision(s), skipped {skipped}.")
        return None

    @staticmethod
    def models_with_draft_state():
        from django.apps import apps

        return [Page] + [
            model
            for model in apps.get_models()
            if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
        ]

    def unpublish_expired(self):
        """As Wagtail does: every live object whose expiry date has passed is unpublished."""
        for model in self.models_with_draft_state():
            expired = list(
                model.objects.filter(live=True, expire_at__lt=timezone.now()).order_by("expire_at")
            )
            for obj in expired:
                obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")

    def publish_due_revisions(self):
        published = skipped = 0
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).order_by("approved_go_live_at")
        for revision in list(due):
            try:
                with transaction.atomic():
                    revision.publish(log_action="wagtail.publish.scheduled")
            except ValidationError as error:
                skipped += 1
                model = revision.content_type.model_class()
                logger.warning(
                    "Scheduled publishing skipped: %s %s “%s” (revision %s) cannot go live: %s",
                    model.__name__ if model else "object",
                    revision.object_id,
                    (revision.content or {}).get("title", revision.object_str),
                    revision.pk,
                    validation_reason(error),
                )
            else:
                published += 1
        return published, skipped
