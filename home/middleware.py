from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from home.translations import untranslated_page_alternatives


class UntranslatedPageMiddleware:
    """A page missing in the visitor's language says so and links to the languages it exists in.

    A middleware rather than only the 404 handler, so that the quick start (DEBUG on) behaves as production.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404):
            return None
        alternatives = untranslated_page_alternatives(request)
        if not alternatives:
            return None
        return render(request, "404.html", {"alternatives": alternatives}, status=404)


class AdminLanguageMiddleware:
    """The whole admin request in the language its user chose in their account, not the browser's.

    Wagtail switches to the chosen language only inside a view it lets through: the messages of its refusals ("Sorry,
    you do not have permission to access this area.") are made before that, in the language LocaleMiddleware took
    from the browser, and stay in it on the page they are shown on. Placed after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def admin_prefix():
        try:
            return reverse("wagtailadmin_home")
        except NoReverseMatch:  # a URL configuration without the admin (a test's own)
            return None

    def __call__(self, request):
        user = getattr(request, "user", None)
        prefix = self.admin_prefix()
        if prefix and request.path.startswith(prefix) and user is not None and user.is_authenticated:
            try:
                language = user.wagtail_userprofile.preferred_language  # the same row Wagtail's views read
            except UserProfile.DoesNotExist:
                language = ""
            if language:
                with translation.override(language):
                    request.LANGUAGE_CODE = language
                    return self.get_response(request)
        return self.get_response(request)


class CachedSiteMiddleware:
    """The Wagtail Site of a page request from the shared cache (home/fragments.py), not the database.

    Wagtail looks the Site up at every page it serves (`Site.find_for_request`: a query whose four-way CASE alone
    costs ~1.5 ms of CPU to build), with its root page. Between two publications the answer for a host and port
    does not change: a Site's or a page's save bumps the content generation the cached answer is keyed on (as
    the page cache's is), so the cached Site is never stale. Only requests that reach Wagtail's page view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.models import Site
        from wagtail.views import serve

        from home.fragments import cached_value

        if view_func is serve and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = cached_value(
                request, "site", [request.get_port()], lambda: Site._find_for_request(request)
            )
        return None
