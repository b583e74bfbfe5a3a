"""The visitor's address, for every limit and lock-out of the site (follow's rate limits, django-axes).

Behind `CLIENT_PROXY_COUNT` proxies the address comes from `X-Forwarded-For` through django-ipware, which accepts
only a chain of exactly the configured length: a client that sends its own `X-Forwarded-For` makes the chain longer
and is then counted under the proxy's address, together with every other such client, so forging the header
cannot buy a fresh quota. The proxy of site/deploy/ replaces the header anyway.
"""

from django.conf import settings
from ipware import get_client_ip


def client_address(request):
    proxies = getattr(settings, "CLIENT_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if not proxies:
        return remote
    # ipware counts the proxies listed in the header; the last proxy is the peer itself (REMOTE_ADDR).
    address, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        proxy_trusted_ips=getattr(settings, "CLIENT_TRUSTED_PROXIES", None) or None,
        request_header_order=["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
        strict=True,
    )
    return address or remote
