"""Index updates run as background tasks (django-tasks): immediate in development and tests, the database queue
in production, so that publishing a page never waits for the index."""

from django_tasks import task

from . import indexing


@task()
def index_pages_task(page_ids):
    indexing.index_pages(page_ids)


@task()
def index_subtree_task(page_id):
    indexing.index_subtree(page_id)


@task()
def index_documents_task(document_ids):
    indexing.index_documents(document_ids)


@task()
def log_query_task(query_string):
    """Count one search in Wagtail's query log (it feeds popular searches and editors' picks)."""
    from wagtail.contrib.search_promotions.models import Query

    Query.get(query_string).add_hit()
