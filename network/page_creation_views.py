"""The admin's page-creation view for school content: two creations under one parent never collide (see
network/page_creation.py for why they happen). Registered for each school-content page type in wagtail_hooks.py."""

from django.db import transaction
from wagtail.admin.views.pages.create import CreateView
from wagtail.models import Page


class SerialisedCreateView(CreateView):
    """Page creations under one parent run one after the other: the parent's row is locked (PostgreSQL) before the
    form looks for a free slug, so the second creation sees the first one's page and takes the next slug instead of
    failing on a duplicate."""

    def post(self, request):
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=self.parent_page.pk).values_list("pk"))
            return super().post(request)
