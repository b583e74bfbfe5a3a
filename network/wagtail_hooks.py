from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import (
    CopyView,
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from network import rules
from network.forms import BlogTagForm, TeacherForm
from network.models import BlogCategory, BlogTag, LeadingSchoolPage, Teacher


class EditableTeachersMixin:
    """Another school's teacher is "not found" for an editor, whatever the URL typed (edit, delete)."""

    def get_queryset(self):
        return Teacher.objects.editable_by(self.request.user)


class EditableTeacherListingsMixin:
    """The same for the views that list something about one teacher (history, usage): their own queryset is that
    list, the teacher comes from this one."""

    def get_base_object_queryset(self):
        return Teacher.objects.editable_by(self.request.user)


class TeacherEditView(EditableTeachersMixin, EditView):
    pass


class TeacherCopyView(CopyView):
    """Copying prefills the form with the teacher's record: only a teacher the editor could edit."""

    def get_object(self, queryset=None):
        get_object_or_404(
            Teacher.objects.editable_by(self.request.user), pk=unquote(str(self.kwargs[self.pk_url_kwarg]))
        )
        return super().get_object(queryset)


class TeacherDeleteView(EditableTeachersMixin, DeleteView):
    pass


class TeacherHistoryView(EditableTeacherListingsMixin, HistoryView):
    pass


class TeacherUsageView(EditableTeacherListingsMixin, UsageView):
    pass


class ChoosableTeachersMixin:
    """The teacher chooser (a page's authors, for instance) lists and returns only the editor's own teachers."""

    def get_object_list(self):
        return Teacher.objects.editable_by(self.request.user)


class TeacherChooseView(ChoosableTeachersMixin, ChooseView):
    pass


class TeacherChooseResultsView(ChoosableTeachersMixin, ChooseResultsView):
    pass


class TeacherChosenView(SnippetChosenView):
    def get_object(self, pk):
        return Teacher.objects.editable_by(self.request.user).get(pk=pk)


class TeacherChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return Teacher.objects.editable_by(self.request.user).filter(pk__in=pks)


class TeacherChooserViewSet(SnippetChooserViewSet):
    choose_view_class = TeacherChooseView
    choose_results_view_class = TeacherChooseResultsView
    chosen_view_class = TeacherChosenView
    chosen_multiple_view_class = TeacherChosenMultipleView


class TeacherViewSet(SnippetViewSet):
    model = Teacher
    icon = "user"
    menu_label = _("Teachers")
    list_display = ["full_name", "position", "school", "school_name"]
    search_fields = ["full_name"]
    ordering = ["full_name"]
    edit_view_class = TeacherEditView
    copy_view_class = TeacherCopyView
    chooser_viewset_class = TeacherChooserViewSet
    delete_view_class = TeacherDeleteView
    history_view_class = TeacherHistoryView
    usage_view_class = TeacherUsageView
    edit_handler = ObjectList(Teacher.panels, base_form_class=TeacherForm)

    def get_queryset(self, request):
        return Teacher.objects.editable_by(request.user).select_related("school")


class BlogCategoryViewSet(SnippetViewSet):
    model = BlogCategory
    icon = "tag"
    list_display = ["name_kk", "name_ru", "name_en", "slug"]


class SchoolTagsMixin:
    """A school's editor or moderator sees and edits the tags of their school's posts only (network/forms.py)."""

    def get_queryset(self):
        return BlogTag.of_schools_of(self.request.user)


class BlogTagEditView(SchoolTagsMixin, EditView):
    pass


class BlogTagViewSet(SnippetViewSet):
    """Editors type a tag's Kazakh name in a post; its Russian and English names are given here, by the editors and
    moderators of the schools whose posts carry it (network/forms.py says what they may change)."""

    model = BlogTag
    icon = "tag"
    list_display = ["name", "name_ru", "name_en", "slug"]
    search_fields = ["name", "name_ru", "name_en"]
    edit_view_class = BlogTagEditView
    edit_handler = ObjectList(BlogTag.panels, base_form_class=BlogTagForm)

    def get_queryset(self, request):
        return BlogTag.of_schools_of(request.user)


class NetworkSnippets(SnippetViewSetGroup):
    items = (TeacherViewSet, BlogCategoryViewSet, BlogTagViewSet)
    menu_icon = "group"
    menu_label = _("Network")
    menu_name = "network"


register_snippet(NetworkSnippets)


def warn_about_partner_ratio(request, page):
    if not isinstance(page.specific_deferred, LeadingSchoolPage):
        return
    count = page.specific.partner_schools.count()
    over = rules.partner_schools_over_limit(count)
    if over:
        messages.warning(
            request,
            ngettext(
                "%(school)s has %(count)d partner school, %(over)d more than the regulation's one to %(limit)d.",
                "%(school)s has %(count)d partner schools, %(over)d more than the regulation's one to %(limit)d.",
                count,
            )
            % {"school": page.title, "count": count, "over": over, "limit": rules.PARTNER_SCHOOLS_PER_LEADING_SCHOOL},
        )


hooks.register("after_create_page", warn_about_partner_ratio)
hooks.register("after_edit_page", warn_about_partner_ratio)


@hooks.register("register_admin_viewset")
def register_serialised_page_creation():
    """School content is created through SerialisedCreateView (network/page_creation_views.py); everything else
    about these page types stays Wagtail's default."""
    from wagtail.admin.viewsets.pages import PageViewSet

    from network.models import BlogPostPage, EventPage, ResourcePage
    from network.page_creation_views import SerialisedCreateView

    return [
        PageViewSet(f"{model._meta.model_name}_pages", model=model, add_view_class=SerialisedCreateView)
        for model in (BlogPostPage, EventPage, ResourcePage)
    ]
