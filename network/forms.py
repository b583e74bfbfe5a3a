"""Admin forms of the network's snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from network.models import LeadingSchoolPage, SchoolWorkspace


class TeacherForm(WagtailAdminModelForm):
    """A school's editor records teachers of their own school only; a superuser records anyone's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        field = self.fields["school"]
        field.queryset = LeadingSchoolPage.objects.filter(
            translation_key__in=SchoolWorkspace.objects.school_keys_of(user),
            locale=Locale.get_default(),
        )
        field.required = True
        field.error_messages["required"] = _("Choose your school: its editors look after its teachers.")
        if field.queryset.count() == 1 and not self.instance.pk:
            field.initial = field.queryset.get().pk
