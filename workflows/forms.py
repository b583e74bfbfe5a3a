from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from uploads.fields import CheckedFileField, OneFilePerFieldMixin
from workflows import rules
from workflows.models import DisseminationEvent, Submission


class SubmissionForm(forms.ModelForm):
    class Meta:
        model = Submission
        fields = ["title", "abstract", "language", "subject", "category", "result_kind", "licence"]
        widgets = {"abstract": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "category": _(
                "The council is chosen by the category: ОӘБ for teacher-experts, the regional council for "
                "teacher-researchers and heads of the 2nd and 3rd categories, the republican council "
                "for teacher-masters and heads of the 1st category."
            ),
            "result_kind": _("16 kinds are counted by the regional and republican councils, 8 by the association."),
            # Said for every category: the association reads it for a teacher-expert, the councils for the others.
            "subject": _(
                "The subject you teach. A teacher-expert's submission is examined by the profile "
                "association (ОӘБ) of this subject."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Optional in the table (submissions made before it was asked for), required of every new one.
        self.fields["subject"].required = True

    def clean(self):
        cleaned = super().clean()
        category, kind = cleaned.get("category"), cleaned.get("result_kind")
        if category and kind and kind not in rules.result_kinds(category):
            self.add_error(
                "result_kind", _("This kind of result is not counted for the qualification category sought.")
            )
        return cleaned


class CoAuthorForm(forms.Form):
    full_name = forms.CharField(label=_("co-author's full name"), max_length=255, required=False)
    workplace = forms.CharField(label=_("place of work"), max_length=255, required=False)


CoAuthorFormSet = forms.formset_factory(
    CoAuthorForm, extra=2, max_num=rules.MAX_AUTHORS_OTHERWISE - 1, validate_max=True
)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("decision"), widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Required when returning or rejecting: the author reads it."),
    )
    protocol_number = forms.CharField(label=_("protocol number"), max_length=64, required=False)
    protocol_date = forms.DateField(
        label=_("protocol date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    conclusion = forms.CharField(
        label=_("conclusion"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("The council's conclusion sent to the organisation with an approval."),
    )

    def __init__(self, *args, stage, category, **kwargs):
        super().__init__(*args, **kwargs)
        self.stage = stage
        decisions = rules.decisions_for(stage, category)
        self.fields["decision"].choices = [(d.value, d.label) for d in decisions]
        if stage not in rules.COUNCIL_STAGES:
            for name in ("protocol_number", "protocol_date", "conclusion"):
                del self.fields[name]
        elif all(rules.needs_protocol(stage, decision) for decision in decisions):
            # Every council decision records its protocol: the form says so before the service refuses.
            self.fields["protocol_number"].required = True
            self.fields["protocol_number"].error_messages["required"] = _(
                "Give the number of the council meeting's protocol."
            )
            self.fields["protocol_date"].required = True
            self.fields["protocol_date"].error_messages["required"] = _(
                "Give the date of the council meeting's protocol."
            )
        # Labels begin with a capital, like every other label of the admin.
        for field in self.fields.values():
            field.label = capfirst(field.label)


class DisseminationForm(OneFilePerFieldMixin, forms.ModelForm):
    """A dissemination event; its evidence is one file within the upload limits (several are refused)."""

    class Meta:
        model = DisseminationEvent
        fields = ["date", "place", "district", "region_name", "description", "evidence"]
        field_classes = {"evidence": CheckedFileField}
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
