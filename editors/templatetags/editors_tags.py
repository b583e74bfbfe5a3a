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
    return {
        "show": True,
        "translation": translation,
        "state": state,
        "awaiting": state is not None and state.status == state.STATUS_IN_PROGRESS,
        "workflow": instance.get_workflow(),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def package_gettext(msgid):
    """Translate a message of an installed package (its catalogue has it) without makemessages copying the msgid
    into the project's catalogue, where it would shadow the package's and locale_admin's translations."""
    return gettext(msgid)
