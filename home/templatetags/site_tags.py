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
