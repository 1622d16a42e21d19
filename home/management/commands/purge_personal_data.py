"""Delete the personal data kept longer than its retention period (home/retention.py): contact messages after
CONTACT_RETENTION_DAYS, expert contact requests after EXPERT_CONTACT_RETENTION_DAYS, event submissions after
EVENT_SUBMISSION_RETENTION_DAYS, unconfirmed expert sign-ups after EXPERT_SIGNUP_UNCONFIRMED_RETENTION_DAYS. The
task worker runs it every day (home.tasks)."""

from django.core.management.base import BaseCommand

from home.retention import RULES, purge


class Command(BaseCommand):
    help = (
        "Delete contact messages, expert contact requests, event submissions and unconfirmed expert sign-ups "
        "older than their retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = purge(dry_run=dry_run)
        for rule in RULES:
            verb = "would delete" if dry_run else "deleted"
            self.stdout.write(
                f"{rule.model_label}: {verb} {counts[rule.model_label]} older than {rule.days()} days"
            )
