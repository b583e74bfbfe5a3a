"""Approved experience published before this migration named the school of the submission's Kazakh page even when
the page lives in the Russian or English tree: point it at the school and region of its own language."""

from django.db import migrations

SCHOOL_DEPTH = 4  # home (2) → region (3) → Leading School (4), as network.models.base says
STEPLEN = 4  # treebeard's path step


def school_of_the_same_language(apps, schema_editor):
    ApprovedExperiencePage = apps.get_model("workflows", "ApprovedExperiencePage")
    LeadingSchoolPage = apps.get_model("network", "LeadingSchoolPage")
    for page in ApprovedExperiencePage.objects.all():
        school = LeadingSchoolPage.objects.filter(path=page.path[: STEPLEN * SCHOOL_DEPTH]).first()
        if school is not None and school.pk != page.school_id:
            ApprovedExperiencePage.objects.filter(pk=page.pk).update(school_id=school.pk, region_id=school.region_id)


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0002_subject_profile"),
        ("network", "0006_teacher_positions"),
    ]

    operations = [migrations.RunPython(school_of_the_same_language, migrations.RunPython.noop)]
