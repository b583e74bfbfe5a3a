from django import template

from home.fragments import cached_value
from home.translations import language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The language switcher's links for whatever is being shown: a Wagtail page or a plain view."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return language_links(request, page)
    # The same for every visitor of a page until something is published (home/fragments.py).
    return cached_value(request, "languages", [page.pk], lambda: language_links(request, page))


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


class CachedFragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name, self.vary, self.nodelist = name, vary, nodelist

    def render(self, context):
        from home.fragments import EXPIRY_KEY, cached

        name = self.name.resolve(context)
        vary = [value.resolve(context) for value in self.vary]

        def render():
            expiries = []
            with context.push({EXPIRY_KEY: expiries}):
                return self.nodelist.render(context), expiries

        return cached(context.get("request"), name, vary, render, context.get(EXPIRY_KEY))


@register.tag
def cached_fragment(parser, token):
    """{% cached_fragment "name" value… %}…{% endcached_fragment %}: the enclosed part, rendered once per content
    generation, language, host and the values given (home.fragments). Nothing inside may depend on the visitor."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_fragment needs a name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return CachedFragmentNode(parser.compile_filter(bits[1]), vary, nodelist)


@register.simple_tag(takes_context=True)
def fragment_valid_until(context, moment):
    """Inside {% cached_fragment %}: what is shown stops being true at `moment` (an upcoming event's end)."""
    from home.fragments import EXPIRY_KEY

    expiries = context.get(EXPIRY_KEY)
    if expiries is not None and moment is not None:
        expiries.append(moment)
    return ""
