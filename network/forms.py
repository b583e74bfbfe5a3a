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


class BlogTagForm(WagtailAdminModelForm):
    """A school's editors and moderators name a tag their school's posts carry in Russian and English.

    A tag is shared by every school whose posts carry it, and its Kazakh name and slug are what editors type in posts
    and what the public tag links (``?tag=slug``) hold: only a superuser renames those. A Russian or English name
    already given is changed only by a school that is alone in using the tag (or a superuser); otherwise it is shown
    but not editable, so that one school cannot rename another school's tag. Creating and deleting tags is not
    granted to the schools' groups (tags are created by typing them in a post).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        locked = ["name", "slug"]
        if self.instance.pk and self.instance.used_outside_schools_of(user):
            locked += [field for field in ("name_ru", "name_en") if getattr(self.instance, field)]
        for name in locked:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = (
                    _("Only an administrator changes this: the tag is shared by other schools' posts.")
                    if name in ("name_ru", "name_en")
                    else _("Only an administrator renames a tag: its name and address are shared by every school.")
                )
