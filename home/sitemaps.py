from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Every live public page of the site in every language (Wagtail's own lists only the default tree)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_tree = Q()
        for translation in root.get_translations(inclusive=True):
            in_any_tree |= Q(path__startswith=translation.path)
        return Page.objects.live().public().filter(in_any_tree).order_by("path").defer_streamfields().specific()
