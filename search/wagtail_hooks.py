from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PopularSearchesReportView, may_see_popular_searches


class PopularSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_popular_searches(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/popular-searches/", PopularSearchesReportView.as_view(), name="search_popular_searches"),
        path(
            "reports/popular-searches/results/",
            PopularSearchesReportView.as_view(results_only=True),
            name="search_popular_searches_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return PopularSearchesMenuItem(
        _("Popular searches"),
        reverse("search_popular_searches"),
        name="popular-searches",
        icon_name="search",
        order=1290,
    )
