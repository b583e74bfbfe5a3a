from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from network.models import LeadingSchoolPage


@receiver(post_save, sender=LeadingSchoolPage)
def provision_new_school(sender, instance, created, raw=False, **kwargs):
    """A new school (or a new translation of one) gets its sections, groups, collection and workflow.

    Deferred to the commit so that the admin's create view (or wagtail-localize) has finished with the page.
    """
    if created and not raw:
        from network.provisioning import provision_school

        school_pk = instance.pk
        transaction.on_commit(lambda: provision_school(LeadingSchoolPage(pk=school_pk)))
