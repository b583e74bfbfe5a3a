from django.http import Http404
from django.shortcuts import render

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
