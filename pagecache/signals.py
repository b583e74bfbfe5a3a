"""Bump the content generation when anything a public page shows changes outside publication.

Publication, unpublication, moves, deletions and privacy changes already bump it (follow.signals). This adds
what pages also show: a live page saved directly (code, data migrations, the demo loader), the people and other
records of the network and home apps, images and documents, sites, locales and site settings. Saving a draft
of a live page touches only its draft fields and does not invalidate anything.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page

from follow.models import FeedState

CONTENT_APPS = {"home", "network"}
SHOWN_MODELS = {"wagtailcore.site", "wagtailcore.locale", "wagtailimages.image", "wagtaildocs.document"}
# Models of the content apps that no public page shows (admin workspaces).
NOT_SHOWN = {"network.schoolworkspace"}
# The fields a draft save, a lock or a workflow step writes on a live page: none of them is public.
DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "wagtail_admin_comments",
}


def shown_on_pages(model):
    if model.__module__ == "__fake__":
        return False  # a migration's historical model: the tables may not all exist yet
    label = model._meta.label_lower
    if label in NOT_SHOWN:
        return False
    if model._meta.app_label in CONTENT_APPS or label in SHOWN_MODELS:
        return True
    return issubclass(model, (BaseSiteSetting, BaseGenericSetting))


@receiver(post_save)
def saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or sender.__module__ == "__fake__":
        return
    if isinstance(instance, Page):
        if instance.live and not (update_fields and set(update_fields) <= DRAFT_FIELDS):
            FeedState.bump()
        return
    if shown_on_pages(sender):
        FeedState.bump()


@receiver(post_delete)
def deleted(sender, instance, **kwargs):
    # Deleted pages are follow.signals' business; other records shown on pages are ours.
    if not isinstance(instance, Page) and shown_on_pages(sender):
        FeedState.bump()


def content_models():
    return [model for model in apps.get_models() if shown_on_pages(model)]
