"""The editors' "Popular searches" report: what visitors search for, and which searches have editors' picks.

Wagtail's own "Search terms" report is for superusers only; editors are the ones who add editors' picks, so this
one is open to every page editor and to whoever may manage the picks, with a link to add or edit the picks of each
query. Teachers and council members, who use the admin only for the review, neither see it nor reach it."""

import datetime

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied, user_has_any_page_permission
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

PERIODS = {"7": 7, "30": 30, "90": 90}
DEFAULT_PERIOD = "30"


PICK_PERMISSIONS = ("wagtailsearchpromotions.add_searchpromotion", "wagtailsearchpromotions.change_searchpromotion")


def may_see_popular_searches(user):
    return user.is_active and (
        user_has_any_page_permission(user) or any(user.has_perm(codename) for codename in PICK_PERMISSIONS)
    )


class PicksColumn(Column):
    cell_template_name = "search/admin/picks_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.pick_count:
            context["url"] = reverse("wagtailsearchpromotions:edit", args=[instance.pk])
        else:
            context["url"] = reverse("wagtailsearchpromotions:add") + "?query=" + str(instance.pk)
        context["count"] = instance.pick_count
        return context


class PopularSearchesReportView(ReportView):
    page_title = _("Popular searches")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    index_url_name = "search_popular_searches"
    index_results_url_name = "search_popular_searches_results"
    template_name = "search/admin/popular_searches.html"
    default_ordering = "-period_hits"
    paginate_by = 50
    columns = [
        Column("query_string", label=_("Search query"), sort_key="query_string"),
        NumberColumn("period_hits", label=_("Searches"), sort_key="period_hits"),
        PicksColumn("pick_count", label=_("Editors' picks")),
    ]
    list_export = ["query_string", "period_hits", "pick_count"]
    export_headings = {
        "query_string": _("Search query"),
        "period_hits": _("Searches"),
        "pick_count": _("Editors' picks"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_popular_searches(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @property
    def period(self):
        value = self.request.GET.get("period", DEFAULT_PERIOD)
        return value if value in PERIODS else DEFAULT_PERIOD

    def get_base_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=PERIODS[self.period])
        return Query.objects.filter(daily_hits__date__gte=since).annotate(
            period_hits=Sum("daily_hits__hits", filter=Q(daily_hits__date__gte=since)),
            pick_count=Count("editors_picks", distinct=True),
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["periods"] = [(value, _("last %(days)s days") % {"days": days}) for value, days in PERIODS.items()]
        context["period"] = self.period
        return context
