"""How long personal data sent through the public forms is kept, and its deletion (`manage.py
purge_personal_data`, run daily by the task worker: home.tasks.purge_personal_data).

Each rule names a model (by label, so that home imports no other app), the date a row counts from, the
setting that holds the number of days it is kept (bdt_site/settings/base.py) and, optionally, which rows it
applies to (`only`, field lookups: an expert sign-up only while it is unconfirmed). A row older than that is
deleted with what depends on it (an event submission's notices, a sign-up's e-mails and, through its post_delete
handler testimonials.experts.forget_portrait, the portrait she uploaded); nothing else is touched: the event page
a submission created stays, as public content. The privacy notice states the same periods."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class RetentionRule:
    model_label: str
    date_field: str
    setting: str
    only: dict = field(default_factory=dict)

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def days(self):
        days = getattr(settings, self.setting)
        if not isinstance(days, int) or days < 1:
            raise ImproperlyConfigured(
                f"{self.setting} must be a whole number of days, at least 1 (is {days!r})."
            )
        return days

    def expired(self, now):
        """The rows older than the retention period at `now`."""
        cutoff = now - timedelta(days=self.days())
        return self.model._default_manager.filter(**{f"{self.date_field}__lt": cutoff}, **self.only)


RULES = [
    RetentionRule("home.ContactMessage", "created_at", "CONTACT_RETENTION_DAYS"),
    RetentionRule("testimonials.ContactRequest", "created_at", "EXPERT_CONTACT_RETENTION_DAYS"),
    RetentionRule("events.EventSubmission", "created_at", "EVENT_SUBMISSION_RETENTION_DAYS"),
    # A confirmed sign-up stays with the profile it became, until she deletes it (testimonials.experts).
    RetentionRule(
        "testimonials.ExpertSignup",
        "created_at",
        "EXPERT_SIGNUP_UNCONFIRMED_RETENTION_DAYS",
        only={"confirmed_at__isnull": True},
    ),
]


def purge(*, now=None, dry_run=False):
    """Delete the rows of every rule older than its period (all or nothing); {model label: rows deleted, or
    that would be with `dry_run`}."""
    now = now or timezone.now()
    counts = {}
    with transaction.atomic():
        for rule in RULES:
            expired = rule.expired(now)
            if dry_run:
                counts[rule.model_label] = expired.count()
            else:
                counts[rule.model_label] = expired.delete()[1].get(rule.model._meta.label, 0)
    return counts
