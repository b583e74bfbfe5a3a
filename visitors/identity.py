"""Who is visiting, as far as counting needs: a bot or not, and a daily pseudonym that cannot be traced back.

The visitor key is a keyed hash (HMAC with SECRET_KEY) of the client address, the user agent and the day: the same
visitor gets the same key all day and a new one tomorrow, and no address is ever stored.
"""

import hashlib
import hmac

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.utils import timezone

from security.client import client_address

_crawlers = CrawlerDetect()


def is_bot(request):
    """Crawlers, scripts and clients that do not say what they are (no User-Agent) are not counted."""
    agent = request.META.get("HTTP_USER_AGENT", "").strip()
    return not agent or _crawlers.isCrawler(agent)


def visitor_key(request, day=None):
    day = day or timezone.localdate()
    message = "|".join([client_address(request), request.META.get("HTTP_USER_AGENT", ""), day.isoformat()])
    return hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()[:32]
