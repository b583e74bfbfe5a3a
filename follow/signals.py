"""Keep feeds fresh and tell immediate subscribers when something is published.

Anything that changes what a feed may show bumps the feed generation: publishing, unpublishing, moving or
deleting a page, and adding or removing a privacy restriction.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import FeedState
from .sources import source_for_model
from .tasks import notify_published


@receiver(page_published)
def published(sender, instance, **kwargs):
    FeedState.bump()
    if source_for_model(type(instance)) is not None:
        page_id = instance.pk
        # After the commit: the task (a worker in production) must see the published page.
        transaction.on_commit(lambda: notify_published.enqueue(page_id))


@receiver(page_unpublished)
@receiver(post_page_move)
def unpublished_or_moved(sender, **kwargs):
    FeedState.bump()


@receiver(post_delete, sender=Page)
def deleted(sender, **kwargs):
    # Deleting a specific page deletes its base Page row too, which sends this signal once.
    FeedState.bump()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, **kwargs):
    FeedState.bump()
