"""Monitoring in the Wagtail admin: its menu item, URLs, the roles' viewset and a dashboard panel per role."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from monitoring import urls
from monitoring.models import MonitoringRole
from monitoring.scopes import Access


@hooks.register("register_admin_urls")
def register_monitoring_urls():
    return [path("monitoring/", include((urls.urlpatterns, "monitoring"), namespace="monitoring"))]


class MonitoringMenuItem(MenuItem):
    def is_shown(self, request):
        return Access.of(request).any


@hooks.register("register_admin_menu_item")
def register_monitoring_menu():
    return MonitoringMenuItem(
        _("Monitoring"), reverse("monitoring:overview"), icon_name="table", name="monitoring", order=240
    )


class MonitoringPanel(Component):
    """The figures of the user's own scope on the admin home: the network, their region, or their school."""

    name = "monitoring"
    order = 80
    template_name = "monitoring/admin/dashboard_panel.html"

    def __init__(self, access):
        self.access = access

    def get_context_data(self, parent_context):
        from monitoring import figures
        from monitoring.links import AdminLinks
        from monitoring.periods import Period
        from monitoring.report import summary_rows
        from monitoring.views import scope_title

        scope = self.access.default_scope()
        period = Period.current()
        current = figures.read(period, scope)
        previous = figures.read(period.previous, scope)
        rows = summary_rows(current, previous, AdminLinks(scope, period))
        shown = {
            "events",
            "registrations",
            "attendance_rate",
            "resources",
            "submissions",
            "overdue",
            "partners_over",
            "thin",
        }
        return {
            "rows": [row for row in rows if row.slug in shown],
            "scope_title": scope_title(scope),
            "period": period,
            "computed_at": current.computed_at,
            "overview_url": AdminLinks(scope, period).region(scope.region_id)
            if scope.region_id
            else AdminLinks(scope, period).school(scope.school_id)
            if scope.school_id
            else reverse("monitoring:overview"),
        }


@hooks.register("construct_homepage_panels")
def add_monitoring_panel(request, panels):
    access = Access.of(request)
    if access.any:
        panels.append(MonitoringPanel(access))


class MonitoringRoleViewSet(ModelViewSet):
    """Administrators give trainers their region and the Centre its national view."""

    model = MonitoringRole
    icon = "table"
    menu_label = _("Monitoring roles")
    add_to_settings_menu = True
    form_fields = ["user", "role", "region"]
    list_display = ["user", "role", "region"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__last_name"]


@hooks.register("register_admin_viewset")
def register_monitoring_roles():
    return MonitoringRoleViewSet("monitoring_roles")
