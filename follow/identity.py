"""Stable identifiers and absolute addresses that do not depend on the request that happens to ask."""

from urllib.parse import urljoin, urlsplit

from django.conf import settings

# The year the network's identifiers were minted: part of every tag URI (RFC 4151), never to change.
TAG_YEAR = 2026


def authority():
    """The domain that owns our identifiers (FOLLOW_TAG_AUTHORITY), fixed so that GUIDs survive a move of host."""
    return getattr(settings, "FOLLOW_TAG_AUTHORITY", "leading-schools.kz")


def tag_uri(specific):
    return f"tag:{authority()},{TAG_YEAR}:{specific}"


def page_guid(page):
    """A feed item's id: the page's id, which survives a changed title, slug or move."""
    return tag_uri(f"page-{page.pk}")


def event_uid(event):
    """The same event in Kazakh, Russian and English is one event to a calendar: its translations share this UID (the
    translation key wagtail-localize gives them), so a reader who adds it in two languages does not get it twice."""
    return f"event-{event.translation_key}@{authority()}"


def base_url():
    """Where links in e-mails point (no request to ask): FOLLOW_BASE_URL, else the admin's base URL."""
    return (getattr(settings, "FOLLOW_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + "/"


def absolute(url, base=None):
    return urljoin(base or base_url(), url)


def webcal(url):
    """The webcal:// form of an absolute http(s) calendar URL, which calendar programs open as a subscription."""
    parts = urlsplit(url)
    return "webcal://" + parts.netloc + parts.path + (f"?{parts.query}" if parts.query else "")
