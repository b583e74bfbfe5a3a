"""A teacher's author record meets their account (accounts.services.link_author_record links them on confirmation).

Existing records are linked where the match is certain: a user whose school membership names the record's school
(any language version of it) and whose full name is the record's, and only when exactly one record and one user
match. Every other record stays unlinked, as before; its school's editors keep maintaining it by hand.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def link_existing_records(apps, schema_editor):
    Teacher = apps.get_model("network", "Teacher")
    SchoolMembership = apps.get_model("workflows", "SchoolMembership")
    candidates = {}
    for membership in SchoolMembership.objects.select_related("user", "school"):
        name = f"{membership.user.first_name} {membership.user.last_name}".strip()
        if name:
            candidates.setdefault((membership.school.translation_key, name), []).append(membership.user_id)
    records = {}
    for record in Teacher.objects.filter(user__isnull=True, school__isnull=False).select_related("school"):
        records.setdefault((record.school.translation_key, record.full_name.strip()), []).append(record.pk)
    for key, record_ids in records.items():
        users = candidates.get(key, [])
        if len(record_ids) == 1 and len(users) == 1 and not Teacher.objects.filter(user_id=users[0]).exists():
            Teacher.objects.filter(pk=record_ids[0]).update(user_id=users[0])


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0006_teacher_positions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('workflows', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='teacher',
            name='user',
            field=models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='author_record', to=settings.AUTH_USER_MODEL, verbose_name='account'),
        ),
        migrations.RunPython(link_existing_records, migrations.RunPython.noop),
    ]
