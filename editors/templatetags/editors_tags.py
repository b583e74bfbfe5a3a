from django import template
from django.utils.translation import gettext
from wagtail.models import Page

from editors.translation import moderation_state

register = template.Library()


@register.inclusion_tag("editors/translation_moderation.html", takes_context=True)
def translation_moderation(context, translation, instance, page_perms):
    """The translation's moderation panel, for pages whose editor may not publish them."""
    if not isinstance(instance, Page) or page_perms is None or page_perms.can_publish():
        return {"show": False}
    state = moderation_state(instance)
    awaiting = state is not None and state.status == state.STATUS_IN_PROGRESS
    return {
        "show": True,
        "translation": translation,
        "state": state,
        "awaiting": awaiting,
        "actions": moderators_actions(instance, context["request"].user) if awaiting else [],
        "task_state": instance.current_workflow_task_state if awaiting else None,
        "page": instance,
        "workflow": instance.get_workflow(),
        "csrf_token": context.get("csrf_token"),
    }


def moderators_actions(page, user):
    """The workflow actions (name, label) the user may take on the page's current task, one per name: the moderator
    approves or asks for changes from the translation editor as from the page's editor (the comment is optional)."""
    task = page.current_workflow_task
    if task is None:
        return []
    actions = {}
    for name, label, _modal in task.specific.get_actions(page, user):
        actions.setdefault(name, label)
    return [(name, actions[name]) for name in ("approve", "reject") if name in actions] + [
        (name, label) for name, label in actions.items() if name not in ("approve", "reject")
    ]


@register.simple_tag
def package_gettext(msgid):
    """Translate a message of an installed package (its catalogue has it) without makemessages copying the msgid
    into the project's catalogue, where it would shadow the package's and locale_admin's translations."""
    return gettext(msgid)


# wagtail-localize's own literal, matched as its bundle writes it; gettext on a name keeps makemessages from copying
# Wagtail's msgid into our catalogue.
MORE_ACTIONS = "More actions"


@register.simple_tag
def localize_editor_strings(translation):
    """The texts wagtail-localize's translation editor writes without gettext, each with its translation in the
    admin's language (editors/static/editors/localize_strings.js replaces them); an English admin needs none."""
    source = translation.source.locale.get_display_name()
    target = translation.target_locale.get_display_name()
    strings = {
        f"{source} to {target} translation": gettext("%(source)s to %(target)s translation")
        % {"source": source, "target": target},
        MORE_ACTIONS: gettext(MORE_ACTIONS),
    }
    return {english: str(text) for english, text in strings.items() if english != text}
