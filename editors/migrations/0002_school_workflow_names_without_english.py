"""Provisioned workflows and tasks were named "<school>: moderation" and "<school>: moderators' approval", shown
as such in the Kazakh and Russian admin ("Жіберу: … moderation"). They take the names network.provisioning now
gives: the school's title, and "<school>: модерация".
"""

from django.db import migrations

OLD_WORKFLOW_SUFFIX = ": moderation"
OLD_TASK_SUFFIX = ": moderators' approval"


def rename(apps, schema_editor):
    SchoolWorkspace = apps.get_model("network", "SchoolWorkspace")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    for workspace in SchoolWorkspace.objects.select_related("workflow"):
        workflow = workspace.workflow
        if not workflow.name.endswith(OLD_WORKFLOW_SUFFIX):
            continue
        title = workflow.name[: -len(OLD_WORKFLOW_SUFFIX)]
        workflow.name = title[:255]
        workflow.save(update_fields=["name"])
        for link in WorkflowTask.objects.filter(workflow=workflow).select_related("task"):
            if link.task.name.endswith(OLD_TASK_SUFFIX):
                link.task.name = f"{title}: модерация"[:255]
                link.task.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("editors", "0001_school_groups_submit_translations"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
