"""The cabinet's one submission form: its fields, its co-authors and its files with their kinds."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from uploads.fields import MultipleFileField
from workflows import rules
from workflows.forms import DisseminationForm, SubmissionForm
from workflows.models import SubmissionFile

MATERIAL = SubmissionFile.Kind.MATERIAL
SUPPORTING_PREFIX = "supporting:"


def file_kind_choices():
    """A file is a material or one of the instruction's supporting documents: one choice says both."""
    return [
        (MATERIAL, SubmissionFile.Kind.MATERIAL.label),
        (
            SubmissionFile.Kind.SUPPORTING.label,
            [(SUPPORTING_PREFIX + value, label) for value, label in rules.SupportingDocumentKind.choices],
        ),
    ]


def split_kind(value):
    """("material", "") or ("supporting", document kind) from a choice; None for anything else."""
    if value == MATERIAL:
        return SubmissionFile.Kind.MATERIAL, ""
    if value.startswith(SUPPORTING_PREFIX) and value[len(SUPPORTING_PREFIX) :] in rules.SupportingDocumentKind.values:
        return SubmissionFile.Kind.SUPPORTING, value[len(SUPPORTING_PREFIX) :]
    return None


class DraftForm(SubmissionForm):
    """Every field of a submission. A draft may be saved incomplete: the checklist says what sending needs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.fields["language"].required = True

    def savable(self):
        """The fields that are valid, to be saved even when others are not: nothing correct is lost."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.fields if name in cleaned and name not in self.errors}


class FilesForm(forms.Form):
    """Several files at once, each with its kind.

    The script (cabinet/static/cabinet/upload.js) puts a kind choice beside each chosen or dropped file
    (`file_kind`, in the order of the files); without it, `default_kind` applies to every file.
    """

    files = MultipleFileField(label=_("Files"))
    default_kind = forms.ChoiceField(
        label=pgettext_lazy("files", "What they are"), choices=file_kind_choices, initial=MATERIAL
    )

    def __init__(self, data=None, files=None, **kwargs):
        super().__init__(data, files, **kwargs)
        self.kinds = data.getlist("file_kind") if data is not None else []

    def kind_of(self, index):
        chosen = self.kinds[index] if index < len(self.kinds) else ""
        return split_kind(chosen) or split_kind(self.data.get("default_kind", MATERIAL)) or (MATERIAL, "")

    def accepted(self):
        """(file, kind, document kind) for each file within the limits, whatever happened to the others."""
        every = self.files.getlist(self.add_prefix("files")) if self.files else []
        kept = {id(uploaded) for uploaded in self.fields["files"].accepted}
        return [(uploaded, *self.kind_of(index)) for index, uploaded in enumerate(every) if id(uploaded) in kept]


class CabinetDisseminationForm(DisseminationForm):
    """The dissemination form as the cabinet shows it: its evidence field is already checked (workflows.forms)."""
