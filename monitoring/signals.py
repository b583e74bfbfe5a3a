"""A publication in a school (post, event, resource, approved experience) recounts that school after the commit."""

from django.db import transaction
from wagtail.signals import page_published, page_unpublished


def on_school_content_changed(sender, instance, **kwargs):
    school_id = getattr(instance, "school_id", None)
    if school_id is None:
        return
    from monitoring.tasks import refresh_school_figures

    transaction.on_commit(lambda: refresh_school_figures.enqueue(school_id))


page_published.connect(on_school_content_changed, dispatch_uid="monitoring_page_published")
page_unpublished.connect(on_school_content_changed, dispatch_uid="monitoring_page_unpublished")
