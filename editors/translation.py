"""Translating a school's pages with wagtail-localize, within the school and through its moderation.

wagtail-localize knows one global permission, "submit translations", and publishes as soon as a user who may
publish asks it to. Here:

- a user may start, sync or submit a translation only of a page they may edit (their own school's, since the
  provisioned groups have page permissions on their school only), into a language version of the parent they may
  add pages to;
- translations start as drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False in the settings);
- an editor, who may not publish, saves the translation as a new revision and submits it to the page's moderation
  workflow (``submit_for_moderation``); the live page is not touched until a moderator approves. wagtail-localize's
  own "save" (``Translation.save_target``) writes the translated fields into the page row itself, which for a live
  page would make them public at once: it is not used for editors;
- a moderator, too, sends a translation through the workflow: wagtail-localize's translation editor offers
  "Publish in …" to whoever may publish the page (``page_perms.can_publish()`` in its ``edit_translation`` view) and
  would cancel the page's workflow; ``through_moderation`` hides that action and refuses its POST for anyone but a
  superuser while the page has a workflow, and the moderation panel offers submit / approve / request changes;
- syncing with "publish immediately" is allowed only to those who may publish every translation it touches
  directly (a superuser, or a publisher of pages without a workflow).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import MissingRelatedObjectError, MissingTranslationError, Translation, TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def may_translate(user, page):
    """Whether the user may start or sync translations of this page: they may edit it."""
    return user.is_active and (user.is_superuser or page.permissions_for_user(user).can_edit())


def may_add_translation_to(user, page, locale):
    """Whether the translation of the page into the locale lands in a tree the user may add pages to."""
    if user.is_superuser:
        return True
    parent = page.get_parent().get_translation_or_none(locale)
    return parent is not None and parent.permissions_for_user(user).can_add_subpage()


class SchoolPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", refused for pages outside the user's school."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not may_translate(request.user, page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        if not hasattr(self, "_form"):
            self._form = super().get_form()
        return self._form

    def form_valid(self, form):
        refused = [
            locale
            for locale in form.cleaned_data["locales"]
            if not may_add_translation_to(self.request.user, self.object, locale)
        ]
        if refused:
            form.add_error(
                "locales",
                _(
                    "You may not add pages to the version of this section in: %(languages)s. Ask the school's "
                    "moderator or an administrator to translate the section first."
                )
                % {"languages": ", ".join(locale.get_display_name() for locale in refused)},
            )
            return self.render_to_response(self.get_context_data())
        return super().form_valid(form)


class SchoolUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", refused outside the user's school; publishing only by publishers."""

    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        instance = source.get_source_instance()
        if not isinstance(instance, Page) and not request.user.is_superuser:
            raise PermissionDenied
        if isinstance(instance, Page) and not may_translate(request.user, instance):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if form.cleaned_data["publish_translations"] and not self.may_publish_every_translation():
            messages.error(
                self.request,
                _(
                    "You may not publish these translations yourself: sync them without publishing, then submit each "
                    "translation for moderation from its translation editor."
                ),
            )
            return redirect(self.request.path)
        return super().form_valid(form)

    def may_publish_every_translation(self):
        if self.request.user.is_superuser:
            return True
        for translation in self.object.translations.filter(enabled=True):
            target = translation.get_target_instance()
            if not isinstance(target, Page) or not may_publish_translation_directly(self.request.user, target):
                return False
        return True


def may_publish_translation_directly(user, page):
    """Whether the user may publish a translation outside the page's moderation workflow.

    Only a superuser (as in Wagtail, who may bypass a workflow); a page without a workflow, by whoever may publish it.
    """
    if user.is_superuser:
        return True
    return page.get_workflow() is None and page.permissions_for_user(user).can_publish()


def enabled_translation_of(page):
    """The wagtail-localize translation whose target is this page, if it is edited in the translation editor."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


class PermissionsThroughModeration:
    """A page's permissions for a user, except that publishing goes through the workflow."""

    def __init__(self, permissions):
        self._permissions = permissions

    def __getattr__(self, name):
        return getattr(self._permissions, name)

    def can_publish(self):
        return False


def through_moderation(request, page):
    """For wagtail-localize's translation editor of a page with a workflow: no direct "Publish in …".

    Runs as a ``before_edit_page`` hook ahead of wagtail-localize's, which renders the translation editor for the same
    page object: its ``permissions_for_user`` then says "may not publish", so the editor's props have canPublish false
    and the moderation panel is shown; a POST of its "publish" action is refused.
    """
    if page.alias_of_id or enabled_translation_of(page) is None:
        return None
    if may_publish_translation_directly(request.user, page):
        return None
    if request.method == "POST" and request.POST.get("action") == "publish":
        raise PermissionDenied
    permissions_for_user = page.permissions_for_user
    page.permissions_for_user = lambda user: PermissionsThroughModeration(permissions_for_user(user))
    return None


def moderation_state(page):
    """The page's workflow state if it is awaiting moderation or changes, else None."""
    state = page.current_workflow_state
    if state and state.status in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES):
        return state
    return None


@require_POST
def submit_for_moderation(request, translation_id):
    """Save the translation as a new revision of the translated page and submit it to the page's workflow."""
    translation = get_object_or_404(Translation.objects.select_related("source", "target_locale"), pk=translation_id)
    page = translation.get_target_instance()
    if not isinstance(page, Page) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, _("This page has no moderation workflow: ask an administrator to publish it."))
        return redirect(edit_url)
    state = moderation_state(page)
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        messages.warning(request, _("This translation is already awaiting moderation."))
        return redirect(edit_url)
    try:
        translated = translation.source.get_ephemeral_translated_instance(translation.target_locale)
    except MissingTranslationError:
        messages.error(
            request,
            _(
                "Some text is not translated yet: translate every segment before submitting, so that nothing is "
                "published in the wrong language."
            ),
        )
        return redirect(edit_url)
    except MissingRelatedObjectError:
        messages.error(
            request, _("The page uses an item that has no version in this language yet: translate it first.")
        )
        return redirect(edit_url)
    # As wagtail-localize does when it saves a translation: a translated slug made valid and free among its siblings.
    slug = slugify(translated.slug, allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)) or page.slug
    translated.slug = find_available_slug(page.get_parent(), slug, ignore_page_id=page.pk)
    try:
        # A revision only: the page row, which is what visitors see, changes when the revision is published.
        translated.save_revision(user=request.user, log_action=True)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(edit_url)
    page = Page.objects.get(pk=page.pk).specific
    if state is not None:
        state.resubmit(user=request.user)
    else:
        workflow.start(page, request.user)
    messages.success(
        request,
        _("The translation «%(title)s» has been submitted for moderation.") % {"title": page.get_admin_display_title()},
    )
    return redirect(edit_url)
