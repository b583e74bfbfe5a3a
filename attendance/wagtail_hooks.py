"""The organisers' "Event registrations" menu and the "Registrations" button on each event page in the explorer."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from attendance import access, admin_urls


@hooks.register("register_admin_urls")
def register_attendance_urls():
    return [
        path(
            "event-registrations/", include((admin_urls.urlpatterns, "attendance_admin"), namespace="attendance_admin")
        )
    ]


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_organiser(request.user)


@hooks.register("register_admin_menu_item")
def register_registrations_menu():
    return OrganiserMenuItem(
        _("Event registrations"),
        reverse("attendance_admin:index"),
        icon_name="date",
        name="event-registrations",
        order=240,
    )


@hooks.register("register_page_listing_buttons")
def registrations_button(page, user, next_url=None, **kwargs):
    from network.models import EventPage

    if page.specific_class is EventPage and access.may_organise_path(user, page.path):
        yield ListingButton(_("Registrations"), reverse("attendance_admin:event", args=[page.pk]), priority=60)
