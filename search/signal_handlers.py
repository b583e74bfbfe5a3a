"""Keep the search index in step with what visitors may see: publication, unpublication, moves, deletions,
privacy changes of sections and collections, and documents (their titles and tags)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import CollectionViewRestriction, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import indexing, tasks


def _after_commit(task, *args):
    if indexing.is_supported():
        # After the commit, so that a worker in another process sees the new state.
        transaction.on_commit(lambda: task.enqueue(*args))


def on_page_published(sender, instance, **kwargs):
    _after_commit(tasks.index_pages_task, [instance.pk])


def on_page_unpublished(sender, instance, **kwargs):
    # Immediately, in the same transaction: an unpublished page must vanish even if the queue is slow.
    indexing.remove_pages([instance.pk])


def on_page_moved(sender, instance, **kwargs):
    # The URL comes from the page tree at query time; the school, region and privacy of the subtree may change.
    _after_commit(tasks.index_subtree_task, instance.pk)


def on_view_restriction_changed(sender, instance, signal, **kwargs):
    if not indexing.is_supported():
        return
    if signal is post_save:
        # Hide a newly private section at once, in the same transaction; the task then re-reads the subtree.
        from wagtail.models import Page

        from .models import SearchEntry

        path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
        if path:
            SearchEntry.objects.filter(page__path__startswith=path).delete()
    _after_commit(tasks.index_subtree_task, instance.page_id)


def on_collection_restriction_changed(sender, instance, signal, **kwargs):
    from wagtail.documents import get_document_model

    if not indexing.is_supported():
        return
    ids = list(
        get_document_model()
        .objects.filter(collection__path__startswith=instance.collection.path)
        .values_list("pk", flat=True)
    )
    if signal is post_save:
        from .models import SearchEntry

        SearchEntry.objects.filter(document_id__in=ids).delete()
    _after_commit(tasks.index_documents_task, ids)


def on_document_saved(sender, instance, **kwargs):
    _after_commit(tasks.index_documents_task, [instance.pk])


def on_tagged_item_changed(sender, instance, **kwargs):
    from wagtail.documents import get_document_model

    if isinstance(getattr(instance, "content_object", None), get_document_model()):
        _after_commit(tasks.index_documents_task, [instance.object_id])


def connect():
    from taggit.models import TaggedItem
    from wagtail.documents import get_document_model

    page_published.connect(on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search_page_restriction_{id(signal)}",
        )
        signal.connect(
            on_collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search_collection_restriction_{id(signal)}",
        )
        signal.connect(on_tagged_item_changed, sender=TaggedItem, dispatch_uid=f"search_tagged_item_{id(signal)}")
    post_save.connect(on_document_saved, sender=get_document_model(), dispatch_uid="search_document_saved")
