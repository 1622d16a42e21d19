"""The site's background tasks, on the "background" task backend (settings.TASKS): django-tasks-db stores them
in the database and `manage.py worker` runs them, so nothing waits on a mail server inside a request and
nothing is lost while the worker is stopped.

Wagtail's own moderation e-mails (to moderators when a page is submitted, to the submitter when it is approved
or rejected) go through the worker too: `workflow_notifications_in_the_background()`, called from
HomeConfig.ready (which runs before wagtail.admin's), connects receivers under the dispatch_uids Wagtail uses
for its notifiers, so Django ignores Wagtail's own connections; ours enqueue `send_workflow_notification`, which
calls Wagtail's notifier in the worker. (Wagtail's notifiers log a failed e-mail and do not retry.)"""

from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus, task

BACKEND = "background"


@task(backend=BACKEND)
def deliver_emails(model_label, pk):
    """Send the e-mails of one EmailDeliveryMixin object not sent yet; on failure, enqueue the next try after
    its wait (a backend that cannot defer, as in most tests, records the failure at once)."""
    obj = apps.get_model(model_label).objects.filter(pk=pk).first()
    if obj is None:
        return "gone"
    can_retry = deliver_emails.get_backend().supports_defer
    retry_in = obj.attempt_delivery(can_retry=can_retry)
    if retry_in is not None:
        deliver_emails.using(run_after=timezone.now() + retry_in).enqueue(model_label, pk)
    return obj.delivery_status


@task(backend=BACKEND)
def publish_scheduled():
    """Wagtail's scheduled publishing (the project's `publish_scheduled` command): unpublish what has expired,
    publish what is due. The worker enqueues it every settings.SCHEDULED_PUBLISHING_SECONDS."""
    call_command("publish_scheduled", verbosity=0)
    return "done"


def schedule_publishing():
    """Enqueue `publish_scheduled` unless one is already waiting (several workers share one queue); forget the
    runs that finished more than an hour ago (one a minute would pile up)."""
    from django_tasks_db.models import DBTaskResult

    runs = DBTaskResult.objects.filter(task_path=publish_scheduled.module_path, backend_name=BACKEND)
    runs.filter(finished_at__lt=timezone.now() - timedelta(hours=1)).delete()
    if not runs.filter(status=TaskResultStatus.READY).exists():
        publish_scheduled.enqueue()


@task(backend=BACKEND)
def send_workflow_notification(notifier_name, model_label, pk, user_pk=None):
    """Wagtail's notifier `notifier_name` (wagtail.admin.signal_handlers) for the TaskState or WorkflowState."""
    from wagtail.admin import signal_handlers

    instance = apps.get_model(model_label).objects.filter(pk=pk).first()
    if instance is None:
        return "gone"
    user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
    return getattr(signal_handlers, notifier_name)(instance=instance, user=user)


def workflow_notifications_in_the_background():
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

    # Wagtail's dispatch_uid -> (signal, sender, its notifier in wagtail.admin.signal_handlers)
    notifiers = {
        "group_approval_task_submitted_email_notification": (
            task_submitted,
            TaskState,
            "task_submission_email_notifier",
        ),
        "workflow_state_submitted_email_notification": (
            workflow_submitted,
            WorkflowState,
            "workflow_submission_email_notifier",
        ),
        "workflow_state_rejected_email_notification": (
            workflow_rejected,
            WorkflowState,
            "workflow_rejection_email_notifier",
        ),
        "workflow_state_approved_email_notification": (
            workflow_approved,
            WorkflowState,
            "workflow_approval_email_notifier",
        ),
    }
    for dispatch_uid, (signal, sender, notifier_name) in notifiers.items():
        signal.connect(_enqueuer(notifier_name), sender=sender, dispatch_uid=dispatch_uid, weak=False)


def _enqueuer(notifier_name):
    def enqueue(sender, instance, user=None, **kwargs):
        send_workflow_notification.enqueue(
            notifier_name, instance._meta.label, instance.pk, user.pk if user is not None else None
        )

    return enqueue


# -- retention of personal data (home/retention.py) ------------------------------------------------------
PURGE_EVERY = timedelta(days=1)


@task(backend=BACKEND)
def purge_personal_data():
    """Delete the personal data kept longer than its retention period (`manage.py purge_personal_data`). The
    worker enqueues it once a day."""
    call_command("purge_personal_data", verbosity=0)
    return "done"


def schedule_purge():
    """Enqueue `purge_personal_data` unless one is waiting or one was enqueued less than PURGE_EVERY ago (the
    worker calls this with schedule_publishing; several workers share one queue); forget runs older than a
    week."""
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    runs = DBTaskResult.objects.filter(task_path=purge_personal_data.module_path, backend_name=BACKEND)
    runs.filter(finished_at__lt=now - timedelta(days=7)).delete()
    if not runs.filter(Q(status=TaskResultStatus.READY) | Q(enqueued_at__gte=now - PURGE_EVERY)).exists():
        purge_personal_data.enqueue()
