from django import template

from home.translations import language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The language switcher's links for whatever is being shown: a Wagtail page or a plain view."""
    request = context.get("request")
    if request is None:
        return []
    return language_links(request, context.get("page"))


@register.simple_tag
def missing_translations(languages):
    """The switcher's languages that lead to an ancestor because this page is not translated into them."""
    return [language for language in languages if not language.exact]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu's items in the visitor's language (cached; see home.menu)."""
    from home.menu import main_menu_items

    request = context.get("request")
    return main_menu_items(request) if request is not None else []


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one and at both ends, with gaps: never a loop over every page."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """An address made absolute for other sites (og:image): a local /media/ path gets this site's host, while an
    object store's address (uploads/object_storage.py) is absolute already and stays as it is."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url
