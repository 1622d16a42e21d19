"""Moderation workflows that apps set up for content from outside the editors' team (events submitted by
partners, profiles of experts who join the directory): a workflow of one group-approval task, made once by
name, and the workflow that applies under an index page.

Both are idempotent: a name already taken is reused as it is, so editors can rename groups or add tasks to the
workflow afterwards without the next submission undoing it."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask


@transaction.atomic
def one_task_workflow(name, task_name, group_name, task_model=GroupApprovalTask):
    """The workflow called `name`; made, when it has no task, with one `task_model` task called `task_name`
    (made if needed) that the group `group_name` approves."""
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = task_model.objects.filter(name=task_name).first()
        if task is None:
            task = task_model.objects.create(name=task_name)
            task.groups.set([Group.objects.get_or_create(name=group_name)[0]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def workflow_under(index, make_workflow):
    """The active workflow that applies to pages under `index` (set on it or an ancestor), else the one
    `make_workflow()` gives, then assigned to `index`."""
    workflow = index.get_workflow()
    if workflow is None or not workflow.active:
        workflow = make_workflow()
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow
