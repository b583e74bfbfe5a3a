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


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", in the visitor's language (one query)."""
    from wagtail.models import Locale, Page

    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_main_menu", None)
    if cached is None:
        cached = list(
            Page.objects.live().public().in_menu().filter(depth=3, locale=Locale.get_active()).order_by("path")
        )
        request._main_menu = cached
    return cached


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one and at both ends, with gaps: never a loop over every page."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
