"""The review in the Wagtail admin: a "Reviews" menu, its URLs and a dashboard panel."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from workflows import roles, urls


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("reviews/", include((urls.urlpatterns, "workflows"), namespace="workflows"))]


@hooks.register("insert_global_admin_css")
def review_forms_css():
    return format_html('<link rel="stylesheet" href="{}">', static("workflows/admin.css"))


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_reviewer(request.user)


reviews_menu = Menu(register_hook_name="register_reviews_menu_item", construct_hook_name="construct_reviews_menu")


@hooks.register("register_reviews_menu_item")
def register_inbox_item():
    return ReviewerMenuItem(_("Inbox"), reverse("workflows:inbox"), icon_name="tasks", order=100)


@hooks.register("register_admin_menu_item")
def register_reviews_menu():
    return SubmenuMenuItem(_("Reviews"), reviews_menu, icon_name="tasks", name="reviews", order=250)


class ReviewsPanel(Component):
    name = "workflows_reviews"
    order = 90
    template_name = "workflows/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        from workflows.views import dashboard_counts

        return dashboard_counts(self.user)


@hooks.register("construct_homepage_panels")
def add_reviews_panel(request, panels):
    if roles.is_reviewer(request.user):
        panels.append(ReviewsPanel(request.user))


# Administrators say who is who: teachers' schools and reviewers' scoped roles.
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup  # noqa: E402

from workflows.models import ReviewerRole, SchoolMembership  # noqa: E402


class ReviewerRoleViewSet(ModelViewSet):
    model = ReviewerRole
    icon = "user"
    form_fields = ["user", "role", "school", "partner_school", "region", "subject"]
    list_display = ["user", "role", "school", "partner_school", "region", "subject"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__last_name"]


class SchoolMembershipViewSet(ModelViewSet):
    model = SchoolMembership
    icon = "group"
    form_fields = ["user", "school", "partner_school", "position"]
    list_display = ["user", "school", "partner_school", "position"]
    search_fields = ["user__username", "user__last_name"]


class WhoIsWhoGroup(ModelViewSetGroup):
    menu_label = _("Reviewers and teachers")
    menu_icon = "group"
    menu_order = 260
    items = (ReviewerRoleViewSet("reviewer_roles"), SchoolMembershipViewSet("school_memberships"))


@hooks.register("register_admin_viewset")
def register_who_is_who():
    return WhoIsWhoGroup()


@hooks.register("construct_main_menu")
def hide_reports_from_reviewers(request, menu_items):
    """A reviewer who edits no page has nothing to read in "Reports": the menu does not offer it."""
    if roles.reviews_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "reports"]
