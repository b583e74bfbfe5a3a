from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HiddenSearchTerm


class HiddenSearchTermViewSet(SnippetViewSet):
    model = HiddenSearchTerm
    icon = "view"
    menu_label = _("Hidden search terms")
    add_to_admin_menu = False
    list_display = ["query_string", "created_at"]
    search_fields = ["query_string"]


register_snippet(HiddenSearchTermViewSet)
