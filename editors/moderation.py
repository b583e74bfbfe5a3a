"""The dashboard's "Awaiting your review" in a fixed number of queries, however many schools the network has.

Every provisioned school has its own moderation task (network.provisioning: one GroupApprovalTask per school, 750
at national scale). Wagtail's panel finds the task states a user may moderate with `TaskState.objects.reviewable_by`,
which loads every active task and, for each, asks whether the user is in its groups (one query a task: 750 queries
on every dashboard of every editor and moderator) before OR-ing 750 querysets together. Here the group approval tasks
are answered in one query (the tasks whose groups include one of the user's, or all of them for a superuser), and any
other kind of task still answers for itself, as in Wagtail. The panel is Wagtail's, with its template; only the
queryset it reads differs (swapped in through the documented `construct_homepage_panels` hook).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import GroupApprovalTask, Page, Revision, Task, TaskState


def reviewable_task_states(user):
    """What `TaskState.objects.reviewable_by(user)` returns, without a query per task."""
    exact = ContentType.objects.get_for_model(GroupApprovalTask)
    group_tasks = GroupApprovalTask.objects.filter(active=True, content_type=exact)
    if not user.is_superuser:
        group_tasks = group_tasks.filter(groups__in=user.groups.all())
    states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__in=group_tasks.values("pk"))
    for task in Task.objects.filter(active=True).exclude(content_type=exact).specific():
        states = states | task.get_task_states_user_can_moderate(user=user)
    return states


class SchoolTasksToModeratePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review" (same name, order, template and context), reading reviewable_task_states."""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"states": [], "request": request, "csrf_token": parent_context["csrf_token"]}
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        states = (
            reviewable_task_states(request.user)
            .select_related("revision", "revision__user", "workflow_state", "workflow_state__workflow")
            .prefetch_related("revision__content_object", "revision__content_object__latest_revision")
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )
        for state in states:
            obj = state.revision.content_object
            if not obj:
                continue
            is_page = isinstance(obj, Page)
            viewset = None if is_page else obj.snippet_viewset
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": state.task.specific.get_actions(obj, request.user),
                    "workflow_tasks": state.workflow_state.all_tasks_with_status(),
                    "workflow_action_url_name": (
                        "wagtailadmin_pages:workflow_action" if is_page else viewset.get_url_name("workflow_action")
                    ),
                    "workflow_preview_url_name": (
                        None
                        if not getattr(obj, "is_previewable", False)
                        else "wagtailadmin_pages:workflow_preview"
                        if is_page
                        else viewset.get_url_name("workflow_preview")
                    ),
                    "revisions_compare_url_name": (
                        "wagtailadmin_pages:revisions_compare" if is_page else viewset.get_url_name("revisions_compare")
                    ),
                }
            )
        return context


def replace_the_moderation_panel(panels):
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = SchoolTasksToModeratePanel()
