from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem

from editors import approval, dashboard, explorer, listing_buttons, moderation, translation

listing_buttons.replace_wagtail_localize_listing_buttons(hooks._hooks)
explorer.filter_users_by_existence()
hooks.register("construct_page_chooser_queryset", explorer.chooser_rows_in_bulk)
hooks.register("register_page_listing_more_buttons", listing_buttons.page_listing_more_buttons)


@hooks.register("register_admin_urls")
def register_translation_moderation_url():
    return [
        path(
            "editors/translations/<int:translation_id>/submit/",
            translation.submit_for_moderation,
            name="editors_submit_translation",
        ),
    ]


def school_versions(request):
    """The user's schools, looked up once per request."""
    if not hasattr(request, "_editors_schools"):
        request._editors_schools = dashboard.schools_of(request.user)
    return request._editors_schools


@hooks.register("construct_homepage_panels")
def add_school_panel(request, panels):
    versions = school_versions(request)
    if versions:
        panels.insert(0, dashboard.SchoolPanel(request.user, versions))


@hooks.register("construct_homepage_panels")
def moderate_in_one_query(request, panels):
    moderation.replace_the_moderation_panel(panels)


@hooks.register("construct_homepage_summary_items")
def count_the_schools_pages(request, items):
    school = dashboard.home_school(school_versions(request))
    if school is None:
        return
    for index, item in enumerate(items):
        if type(item) is PagesSummaryItem:
            items[index] = dashboard.SchoolPagesSummaryItem(request, school)


class SchoolExplorerMenuItem(ExplorerMenuItem):
    """The sidebar's "Pages", opening at the user's school instead of the tree root."""

    def __init__(self, original, school):
        super().__init__(
            original.label,
            reverse("wagtailadmin_explore", args=[school.pk]),
            name=original.name,
            icon_name=original.icon_name,
            classname=original.classname,
            attrs=original.attrs,
            order=original.order,
        )
        self.school = school

    def get_context(self, request):
        context = super().get_context(request)
        context["start_page_id"] = self.school.pk
        return context

    def render_component(self, request):
        return PageExplorerMenuItemComponent(
            self.name, self.label, self.url, self.school.pk, icon_name=self.icon_name, classname=self.classname
        )


@hooks.register("construct_main_menu")
def open_the_explorer_at_the_school(request, menu_items):
    school = dashboard.home_school(school_versions(request))
    if school is None:
        return
    for index, item in enumerate(menu_items):
        if isinstance(item, ExplorerMenuItem):
            menu_items[index] = SchoolExplorerMenuItem(item, school)


# Wagtail's message, translated by its catalogues and locale_admin: gettext on a name keeps makemessages from copying
# it into ours, where it would shadow them.
WHATS_NEW = "What's new in Wagtail %(version)s"


def _whats_new(version):
    return _(WHATS_NEW) % {"version": version}


whats_new_label = lazy(_whats_new, str)


@hooks.register("insert_global_admin_css")
def admin_on_a_phone_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editors/admin.css"))


@hooks.register("construct_help_menu")
def whats_new_in_the_users_language(request, menu_items):
    """Wagtail builds its help menu once per process and formats "What's new in Wagtail %(version)s" then, so every
    user read it in the language of the process's first admin request (Kazakh in the Russian admin, or the reverse).
    Its label is made lazy again: formatted when each request renders it."""
    for item in menu_items:
        if item.name.startswith("whats-new-in-wagtail-"):
            item.label = whats_new_label(item.name.removeprefix("whats-new-in-wagtail-"))


# order=-1: wagtail-localize's own before_edit_page hook is registered first (editors.listing_buttons imports its
# wagtail_hooks module), and it answers with the translation editor: these two must run before it.
@hooks.register("before_edit_page", order=-1)
def show_the_moderators_request(request, page):
    """The moderator's comment, when they asked for changes, at the top of the page's editor (not only by e-mail).

    Runs before wagtail-localize's hook, so translation editors show it too.
    """
    if request.method != "GET":
        return None
    state = page.current_workflow_state
    if state is None or state.status != state.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    comment = task_state.get_comment() if task_state else ""
    moderator = task_state.finished_by if task_state else None
    name = (moderator.get_full_name() or moderator.get_username()) if moderator else ""
    if comment:
        messages.warning(
            request,
            _("The moderator (%(moderator)s) asked for changes: «%(comment)s». Make them, then resubmit the page.")
            % {"moderator": name, "comment": comment},
        )
    else:
        messages.warning(
            request,
            _("The moderator (%(moderator)s) asked for changes. Make them, then resubmit the page.")
            % {"moderator": name},
        )
    return None


# After show_the_moderators_request, before wagtail-localize's translation editor.
hooks.register("before_edit_page", translation.through_moderation, order=-1)


def moderates_current_task(page, user):
    """Whether the page is in moderation at a task the user acts on (a moderator of its school)."""
    task = page.current_workflow_task
    return task is not None and bool(task.specific.get_actions(page, user))


@hooks.register("construct_page_action_menu")
def one_way_to_publish_in_moderation(menu_items, request, context):
    """A moderator of a page in moderation sees "Approve and publish", not also a bare "Publish" beside it."""
    page = context.get("page")
    if page is None or page.pk is None or not moderates_current_task(page, request.user):
        return
    menu_items[:] = [item for item in menu_items if getattr(item, "name", "") != "action-publish"]


@hooks.register("after_edit_page")
def say_what_approving_did(request, page):
    """Wagtail confirms any action of the edit form with "Page … has been updated"; after a workflow action, say what
    it did (editors/approval.py)."""
    action = request.POST.get("workflow-action-name")
    if action not in ("approve", "reject"):
        return None
    storage = messages.get_messages(request)
    queued = getattr(storage, "_queued_messages", None)
    if queued:
        queued.pop()  # Wagtail's "has been updated", queued a moment ago by the same request
    if action == "approve":
        approval.say_the_page_was_approved(request, page.pk)
    else:
        approval.say_the_changes_were_requested(request, page.pk)
    return None
