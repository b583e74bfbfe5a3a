"""Wagtail's network-wide Editors and Moderators groups may hide search terms from "popular searches"."""

from django.db import migrations

CODENAMES = ["add_hiddensearchterm", "change_hiddensearchterm", "delete_hiddensearchterm", "view_hiddensearchterm"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("visitors")
    config.models_module = True  # the permissions are otherwise created only after all migrations ran
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="visitors", codename__in=CODENAMES))
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("visitors", "0001_hidden_search_terms"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
