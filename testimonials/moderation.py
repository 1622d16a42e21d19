"""Moderation of the experts' own profiles, and what she is told about it.

A confirmed sign-up, and every change she makes later, is a revision of her role-model page submitted to the
workflow of the role-model index: the one the editors set on it or one of its ancestors (Wagtail's default
"Moderators approval" on a fresh site), otherwise the "Expert profiles" workflow made here. Submissions have no
user: she has no account.

She is told (testimonials.models.ExpertNotice, sent by the task worker) when her page is published and when a
moderator requests changes (Wagtail's `page_published` and `workflow_rejected` signals, as for the partners of
the events app). Connected in TestimonialsConfig.ready."""

from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_rejected

from home.workflows import one_task_workflow, workflow_under

from .models import ExpertNotice, ExpertSignup, NoticeKind, TestimonialPage

WORKFLOW_NAME = "Expert profiles"
TASK_NAME = "Review of the expert profiles"
MODERATORS_GROUP = "Moderators"


def experts_workflow():
    return one_task_workflow(WORKFLOW_NAME, TASK_NAME, MODERATORS_GROUP)


def workflow_for(index):
    return workflow_under(index, experts_workflow)


def submit_for_moderation(page):
    """Submit the latest revision of `page`: a workflow already under way (or waiting for her changes) is
    cancelled and started again, so the moderators review what she sent last."""
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=None)
    workflow_for(page.get_parent().specific).start(page, None)


def signup_of(page_id):
    return ExpertSignup.objects.filter(page_id=page_id).first()


def tell_expert_changes_requested(sender, instance, user=None, **kwargs):
    """workflow_rejected: a moderator asks her for changes (with the comment of the task)."""
    signup = signup_of(instance.object_id) if instance.object_id.isdigit() else None
    if signup is not None:
        task_state = instance.current_task_state
        ExpertNotice.send(signup, NoticeKind.CHANGES_REQUESTED, task_state.comment if task_state else "")


def tell_expert_published(sender, instance, **kwargs):
    """page_published of her own page (not of a translation an editor made): each version that goes live."""
    signup = signup_of(instance.pk)
    if signup is not None:
        ExpertNotice.send(signup, NoticeKind.PUBLISHED)


def connect():
    workflow_rejected.connect(
        tell_expert_changes_requested,
        sender=WorkflowState,
        dispatch_uid="testimonials-expert-changes-requested",
    )
    page_published.connect(
        tell_expert_published, sender=TestimonialPage, dispatch_uid="testimonials-expert-published"
    )
