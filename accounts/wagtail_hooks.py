from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import admin_urls
from accounts.admin_views import may_decide


class TeachersMenuItem(MenuItem):
    def is_shown(self, request):
        return may_decide(request.user)


@hooks.register("register_admin_urls")
def register_teachers_urls():
    return [path("teachers/", include((admin_urls.urlpatterns, "accounts_admin"), namespace="accounts_admin"))]


@hooks.register("register_admin_menu_item")
def register_teachers_menu_item():
    return TeachersMenuItem(
        _("Teachers of this school"), reverse("accounts_admin:teachers"), icon_name="group", order=260
    )
