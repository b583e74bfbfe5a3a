from wagtail import hooks

from .middleware import mark_page


@hooks.register("before_serve_page")
def mark_page_for_the_cache(page, request, serve_args, serve_kwargs):
    # Only what Wagtail's page router serves is ever stored; other views (search, forms, feeds) are not.
    mark_page(request)
