from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.models import TeacherProfile
from accounts.names import latin_form
from network.vocabulary import Subject


class ProfileForm(forms.ModelForm):
    """The profile and the two facts kept elsewhere: the official name (on the user) and the language (Wagtail's)."""

    first_name = forms.CharField(label=_("first name (as in your documents)"), max_length=150)
    last_name = forms.CharField(label=_("last name (as in your documents)"), max_length=150)
    subjects = forms.MultipleChoiceField(
        label=_("subjects"), choices=Subject.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    preferred_language = forms.ChoiceField(
        label=_("language of e-mails and of your cabinet"),
        choices=settings.LANGUAGES,
    )

    class Meta:
        model = TeacherProfile
        fields = ["first_name", "last_name", "latin_name", "position", "subjects", "category", "preferred_language"]
        help_texts = {
            "latin_name": _(
                "Shown on English pages. Filled in from your name: correct it if your documents spell it otherwise."
            )
        }

    def __init__(self, *args, user, language, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.fields["preferred_language"].initial = language
        self.fields["category"].choices = [("", _("no category yet"))] + list(self.fields["category"].choices)[1:]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("latin_name") and cleaned.get("first_name") and cleaned.get("last_name"):
            cleaned["latin_name"] = latin_form(f"{cleaned['first_name']} {cleaned['last_name']}")
        return cleaned

    def save(self, commit=True):
        from wagtail.users.models import UserProfile

        profile = super().save(commit=False)
        profile.user = self.user
        profile.latin_name = self.cleaned_data["latin_name"]
        self.user.first_name = self.cleaned_data["first_name"]
        self.user.last_name = self.cleaned_data["last_name"]
        if commit:
            self.user.save(update_fields=["first_name", "last_name"])
            profile.save()
            UserProfile.objects.update_or_create(
                user=self.user, defaults={"preferred_language": self.cleaned_data["preferred_language"]}
            )
        return profile


class SchoolSearchForm(forms.Form):
    region = forms.TypedChoiceField(label=_("region"), coerce=int, empty_value=None)
    # Not "query": the site header's search box already uses that name on the same page.
    school_name = forms.CharField(label=_("name of the school"), required=False, max_length=100)

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("choose your region"))] + [(r.pk, r.title) for r in regions]


class JoinForm(forms.Form):
    """The school chosen among the search results: "school:<id>" for a Leading School, "partner:<id>" otherwise."""

    organisation = forms.CharField(label=_("school"))
    position = forms.CharField(label=_("position"), max_length=255, required=False)

    def clean_organisation(self):
        from network.models import LeadingSchoolPage, PartnerSchool

        kind, _sep, pk = self.cleaned_data["organisation"].partition(":")
        if pk.isdigit() and kind == "school":
            school = LeadingSchoolPage.objects.live().filter(pk=pk).first()
            if school:
                return school, None
        if pk.isdigit() and kind == "partner":
            partner = PartnerSchool.objects.select_related("leading_school").filter(pk=pk).first()
            if partner:
                return partner.leading_school, partner
        raise forms.ValidationError(_("Choose your school among the results of the search."))


User = get_user_model()


class CloseAccountForm(forms.Form):
    password = forms.CharField(label=_("your password"), widget=forms.PasswordInput)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("The password is not correct."))
        return self.cleaned_data["password"]
