"""Teachers work in the cabinet on the public site now: the "Teachers" group no longer opens the admin."""

from django.db import migrations


def revoke_admin_access(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Teachers").first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="wagtailadmin",
                                                            codename="access_admin"))


def restore_admin_access(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Teachers").first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="wagtailadmin",
                                                         codename="access_admin"))


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0003_experience_school_in_its_language"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(revoke_admin_access, restore_admin_access)]
