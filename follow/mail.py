"""The messages: a confirmation request and the digests, each in the subscriber's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import identity
from .tokens import make_manage_token


def list_id():
    return f"<follow.{identity.authority()}>"


def send_confirmation(email, language, confirm_url, scope_name):
    with translation.override(language):
        context = {"confirm_url": confirm_url, "scope_name": scope_name, "email": email}
        subject = _("Confirm your subscription to the Leading Schools network")
        text = render_to_string("follow/emails/confirm.txt", context)
        html = render_to_string("follow/emails/confirm.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [email])
    message.attach_alternative(html, "text/html")
    message.send()


def subscriber_links(subscriber):
    token = make_manage_token(subscriber)
    with translation.override(subscriber.language):
        return {
            "unsubscribe_url": identity.absolute(reverse("follow:unsubscribe", args=[token])),
            "manage_url": identity.absolute(reverse("follow:manage", args=[token])),
        }


def digest_message(subscriber, sections, frequency):
    """The digest as a message ready to send; `sections` is [(source, [(item, url, summary, title), …]), …]."""
    links = subscriber_links(subscriber)
    count = sum(len(entries) for _source, entries in sections)
    with translation.override(subscriber.language):
        if count == 1:
            subject = _("New in the Leading Schools network: %(title)s") % {"title": sections[0][1][0][3]}
        else:
            subject = ngettext(
                "Leading Schools network: %(count)d new item", "Leading Schools network: %(count)d new items", count
            ) % {"count": count}
        context = {"sections": sections, "count": count, "frequency": frequency, **links}
        text = render_to_string("follow/emails/digest.txt", context)
        html = render_to_string("follow/emails/digest.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [subscriber.email],
        headers={
            # RFC 2369 and RFC 8058: mail programs offer an unsubscribe button that POSTs to this address.
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": list_id(),
        },
    )
    message.attach_alternative(html, "text/html")
    return message
