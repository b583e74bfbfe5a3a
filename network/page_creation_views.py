"""The admin's page-creation view for school content: two creations under one parent never collide, and two
creations from the same form make one page (see network/page_creation.py for why they happen). Registered for each
school-content page type in wagtail_hooks.py."""

import json
import uuid

from django.core.cache import cache
from django.db import transaction
from django.http import JsonResponse
from django.urls import resolve, reverse
from wagtail.admin.utils import set_query_params
from wagtail.admin.views.pages.create import CreateView
from wagtail.models import Page

TOKEN_FIELD = "creation_token"
# How long a form's first page is remembered: longer than anyone keeps a "create" form open before its first save.
TOKEN_SECONDS = 24 * 60 * 60


def created_key(user, token):
    return f"network:page-created:{user.pk}:{token}"


class SerialisedCreateView(CreateView):
    """Page creations under one parent run one after the other: the parent's row is locked (PostgreSQL) before the
    form looks for a free slug, so the second creation sees the first one's page and takes the next slug instead of
    failing on a duplicate.

    Each "create" form carries a token of its own (network/admin/create_page.html). Wagtail's autosave and the
    Submit button of one form can both arrive at the create URL before the browser learns of the autosaved page; the
    second request then finds the page the first one created from the same form (remembered in the cache under the
    user and the token) and continues it through the edit view, instead of creating a duplicate "title-1". The cache
    must be shared by the web processes for this (Redis in production; without it each process remembers its own).
    """

    template_name = "network/admin/create_page.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A form shown again with its errors keeps its token.
        context["creation_token"] = self.posted_token() or uuid.uuid4().hex
        return context

    def posted_token(self):
        token = self.request.POST.get(TOKEN_FIELD, "") if self.request.method == "POST" else ""
        return token if 0 < len(token) <= 64 and token.isalnum() else ""

    def page_created_by_this_form(self, token):
        if not token:
            return None
        page_id = cache.get(created_key(self.request.user, token))
        if page_id is None:
            return None
        # Only a page of this form's type under this parent, owned by this user, is continued.
        return (
            Page.objects.child_of(self.parent_page)
            .filter(pk=page_id, owner=self.request.user, content_type=self.page_content_type)
            .first()
        )

    def post(self, request):
        token = self.posted_token()
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=self.parent_page.pk).values_list("pk"))
            created = self.page_created_by_this_form(token)
            if created is not None:
                return self.continue_editing(created)
            response = super().post(request)
            page = getattr(self, "page", None)
            if token and page is not None and page.pk:
                cache.set(created_key(request.user, token), page.pk, TOKEN_SECONDS)
            return response

    def continue_editing(self, page):
        """The same POST, answered by the page's edit view (its autosave JSON, its submit, its publish)."""
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        match = resolve(edit_url)
        response = match.func(self.request, *match.args, **match.kwargs)
        if self.expects_json_response and isinstance(response, JsonResponse):
            # The create form's autosave turns the form into the page's edit form with these, as after its own save.
            data = json.loads(response.content)
            if data.get("success"):
                data["url"] = edit_url
                data["hydrate_url"] = set_query_params(edit_url, {"_w_hydrate_create_view": "1"})
                return JsonResponse(data)
        return response
