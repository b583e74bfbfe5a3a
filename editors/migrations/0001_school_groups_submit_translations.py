"""Every school's editors and moderators may submit translations (wagtail-localize's one global permission).

Which pages they may translate is narrowed to their own school by editors.translation (the permission alone
would let them translate any page); provisioning grants it to the groups of schools created from now on.
"""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    SchoolWorkspace = apps.get_model("network", "SchoolWorkspace")
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    submit, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    for workspace in SchoolWorkspace.objects.all():
        workspace.editors.permissions.add(submit)
        workspace.moderators.permissions.add(submit)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_school_workspace"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
