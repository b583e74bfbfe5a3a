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
