"""Moderation set-up: the events workflow, the 'Partners' group and the system user for anonymous submissions.

Everything here is idempotent. Every new events index gets it as soon as it is saved (`setup_new_index`,
connected in EventsConfig.ready: made in the admin, by a translation or by the demo content), so a site
without demo content has its Partners group and workflow from its first events page; the submission view
calls `workflow_for(index)` so a submission always enters moderation.

The partner who submitted an event is told (events.models.PartnerNotice, sent by the task worker) when a
moderator requests changes (Wagtail's `workflow_rejected`, with the comment of the task), when her event is
first published (`page_published`) and when it is rejected (EventApprovalTask's own action)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, WorkflowPage, WorkflowState
from wagtail.signals import page_published, workflow_rejected

from events.models import EventApprovalTask, EventPage, NoticeKind, PartnerNotice
from home.workflows import one_task_workflow, workflow_under

WORKFLOW_NAME = "Event submissions"
TASK_NAME = "Approval by the events moderators"
PARTNERS_GROUP = "Partners"
MODERATORS_GROUP = "Moderators"
SYSTEM_USERNAME = "partner-submissions"


def submissions_user():
    """An inactive account that owns anonymous submissions (it can never log in)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"is_active": False, "first_name": "Partner", "last_name": "form"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def events_workflow():
    return one_task_workflow(WORKFLOW_NAME, TASK_NAME, MODERATORS_GROUP, task_model=EventApprovalTask)


def workflow_for(index):
    """The workflow that applies to pages under `index` (ours, or any inherited one)."""
    return workflow_under(index, events_workflow)


@transaction.atomic
def partners_group(index):
    """Partners may add event pages under `index` and edit their own drafts; never publish."""
    group, _created = Group.objects.get_or_create(name=PARTNERS_GROUP)
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(access)
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    GroupPagePermission.objects.get_or_create(group=group, page=index, permission=add_page)
    return group


def reviewers_can_see_submissions():
    """Editors and moderators read the submissions and the notices sent to partners (and their e-mail
    delivery status, and resend failed ones); partners cannot."""
    permissions = Permission.objects.filter(
        content_type__app_label="events",
        codename__in=[
            "view_eventsubmission",
            "change_eventsubmission",
            "view_partnernotice",
            "change_partnernotice",
        ],
    )
    for name in ["Editors", MODERATORS_GROUP]:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


def setup(index):
    reviewers_can_see_submissions()
    workflow = events_workflow()
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    partners_group(index)
    return workflow


def setup_new_index(sender, instance, created=False, raw=False, **kwargs):
    """post_save of EventIndexPage: moderation for a new events index."""
    if created and not raw:
        setup(instance)


@receiver(workflow_rejected, sender=WorkflowState, dispatch_uid="events-partner-changes-requested")
def tell_partner_changes_requested(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state
    comment = task_state.comment if task_state else ""
    PartnerNotice.notify(instance.content_object, NoticeKind.CHANGES_REQUESTED, comment)


@receiver(page_published, sender=EventPage, dispatch_uid="events-partner-published")
def tell_partner_published(sender, instance, **kwargs):
    PartnerNotice.notify(instance, NoticeKind.PUBLISHED)
