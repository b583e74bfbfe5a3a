"""Signed links: a confirmation link carries the whole request (nothing is stored before it is followed); a
subscriber's link to preferences and unsubscription carries the id and address, so it dies with the data."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "follow.confirm"
MANAGE_SALT = "follow.manage"


def confirm_max_age():
    return getattr(settings, "FOLLOW_CONFIRM_MAX_AGE", 3 * 24 * 60 * 60)


def make_confirm_token(email, language, school_id, topics, frequency):
    payload = {"e": email, "l": language, "s": school_id, "t": sorted(topics), "f": frequency}
    return signing.dumps(payload, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token):
    """The request inside a confirmation link; raises signing.SignatureExpired or signing.BadSignature."""
    return signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())


def make_manage_token(subscriber):
    return signing.dumps({"i": subscriber.pk, "e": subscriber.email}, salt=MANAGE_SALT, compress=True)


def read_manage_token(token):
    """(subscriber id, address) from a subscriber's link; raises signing.BadSignature."""
    payload = signing.loads(token, salt=MANAGE_SALT)
    return payload["i"], payload["e"]
