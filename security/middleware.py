"""Refuse malformed input before any view sees it.

A NUL character cannot be stored in a PostgreSQL text value: a NUL in a search query, a listing filter or an admin
form reached the database and answered 500. No legitimate visitor or editor types one, so a request that carries
one in its path, query string or form fields is answered 400 with a translated page, and nothing is saved.

Likewise a form POST that lacks a field its form reads unconditionally (the Wagtail page editor's `body-count`,
which only a hand-made or truncated request omits) raised MultiValueDictKeyError and answered 500: it is the
client's malformed request, answered 400. Form validation runs before any save, so nothing was written.
"""

from django.http import QueryDict
from django.shortcuts import render
from django.utils.datastructures import MultiValueDictKeyError

NUL = "\x00"


def carries_nul(values: QueryDict):
    for key, items in values.lists():
        if NUL in key:
            return True
        for item in items:
            if isinstance(item, str) and NUL in item:
                return True
    return False


class RejectMalformedInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.malformed(request):
            return render(request, "security/bad_request.html", status=400)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, MultiValueDictKeyError) and request.method == "POST":
            return render(request, "security/bad_request.html", status=400)
        return None

    @staticmethod
    def malformed(request):
        if NUL in request.path or carries_nul(request.GET):
            return True
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            return carries_nul(request.POST)
        return False


class AdminContentSecurityPolicyMiddleware:
    """The Wagtail admin's additions to the site's Content-Security-Policy.

    Wagtail 8's page editor carries inline scripts without a nonce (four, seen in Chromium) and its widgets set
    inline styles, so the admin, and only the admin (signed-in staff, behind the sign-in lock-out), allows inline
    scripts and styles. The public site keeps the strict policy: scripts from this site or with the nonce.
    """

    PREFIXES = ("/admin/", "/django-admin/")
    ADDITIONS = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.PREFIXES):
            response._csp_update = {**self.ADDITIONS, **(getattr(response, "_csp_update", None) or {})}
        return response
