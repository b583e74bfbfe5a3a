from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import post_page_move

from network.models import LeadingSchoolPage
from network.models.base import ListingCopyMixin
from network.tree import SCHOOL_DEPTH, ancestor_path, region_at


@receiver(post_save, sender=LeadingSchoolPage)
def provision_new_school(sender, instance, created, raw=False, **kwargs):
    """A new school (or a new translation of one) gets its sections, groups, collection and workflow.

    Deferred to the commit so that the admin's create view (or wagtail-localize) has finished with the page.
    """
    if created and not raw:
        from network.provisioning import provision_school

        school_pk = instance.pk
        transaction.on_commit(lambda: provision_school(LeadingSchoolPage(pk=school_pk)))


@receiver(post_save)
def copy_locale_and_live_of_a_plain_page(sender, instance, raw=False, update_fields=None, **kwargs):
    """An event or resource saved as a plain `Page` skips ListingCopyMixin.save: its listing copies are written here.

    Wagtail works on plain pages where it needs no specific fields: the scheduled expiry (`publish_scheduled`
    unpublishes `Page.objects.filter(live=True, expire_at__lt=now)`), the admin's bulk unpublish, a page's aliases.
    """
    if raw or sender.__module__ == "__fake__" or not isinstance(instance, Page):
        return
    if isinstance(instance, ListingCopyMixin):
        return  # its own save wrote the copies
    if update_fields is not None and not set(update_fields) & set(ListingCopyMixin.COPIED_FIELDS):
        return
    model = instance.specific_class
    if model is not None and issubclass(model, ListingCopyMixin):
        model.objects.filter(pk=instance.pk).update(listing_locale=instance.locale_id, listing_live=instance.live)


@receiver(post_page_move)
def relocate_school_content(sender, instance, **kwargs):
    """A moved page (a post, a section, a whole school) takes its new school and region along.

    Treebeard moves rows by SQL, so the school and region stored on posts, events and resources (and the region
    stored on schools) are recomputed here for the moved subtree.
    """
    from network.models import BlogPostPage, EventPage, ResourcePage

    moved = Page.objects.get(pk=instance.pk)
    own_school_path = ancestor_path(moved.path, SCHOOL_DEPTH)
    schools = LeadingSchoolPage.objects.filter(Q(path__startswith=moved.path) | Q(path=own_school_path))
    for school in schools.only("id", "path"):
        region = region_at(school.path)
        region_id = region.pk if region else None
        LeadingSchoolPage.objects.filter(pk=school.pk).update(region_id=region_id)
        for model in (BlogPostPage, EventPage, ResourcePage):
            model.objects.filter(path__startswith=school.path).filter(path__startswith=moved.path).update(
                school_id=school.pk, region_id=region_id
            )
