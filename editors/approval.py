"""What a moderator is told after approving a page: that it was approved and published, or moved to the next step.

Wagtail says nothing after an approval from the dashboard's "awaiting your review" (its workflow action view only
redirects), and "Page … has been updated" after an approval from the page's editor. Both say here what happened.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page


def say_the_page_was_approved(request, page_id):
    page = Page.objects.get(pk=page_id)
    title = page.get_admin_display_title()
    if page.live and not page.has_unpublished_changes:
        messages.success(request, _("The page «%(title)s» has been approved and published.") % {"title": title})
    else:
        messages.success(
            request, _("The page «%(title)s» has been approved: it moves on to the next stage.") % {"title": title}
        )


def say_the_changes_were_requested(request, page_id):
    page = Page.objects.get(pk=page_id)
    messages.success(
        request,
        _("Changes to the page «%(title)s» have been requested: it goes back to its editor.")
        % {"title": page.get_admin_display_title()},
    )


class WorkflowActionWithMessage(WorkflowActionView):
    """Wagtail's workflow action (the dashboard's and the translation editor's approve / request changes), then a
    message saying what it did. Answered at Wagtail's own path (editors/urls.py), so its URL name is unchanged."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        task_state = type(self.task_state).objects.get(pk=self.task_state.pk)
        if task_state.status == task_state.STATUS_APPROVED and self.action_name == "approve":
            say_the_page_was_approved(request, self.object.pk)
        elif task_state.status == task_state.STATUS_REJECTED and self.action_name == "reject":
            say_the_changes_were_requested(request, self.object.pk)
        return response
