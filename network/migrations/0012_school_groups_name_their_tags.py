"""Every school's editors and moderators may view and change tags: the Russian and English names of the tags their
school's posts carry (network/forms.py BlogTagForm and network/wagtail_hooks.py narrow it to those). Provisioning
grants the same to the groups of schools created from now on."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    SchoolWorkspace = apps.get_model("network", "SchoolWorkspace")
    content_type, _created = ContentType.objects.get_or_create(app_label="network", model="blogtag")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_blogtag", defaults={"name": f"Can {action} tag"}
        )[0]
        for action in ("view", "change")
    ]
    for workspace in SchoolWorkspace.objects.select_related("editors", "moderators"):
        workspace.editors.permissions.add(*permissions)
        workspace.moderators.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0011_image_block_with_alt_text"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
