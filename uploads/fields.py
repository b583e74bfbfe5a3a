"""Form fields for uploads that obey uploads.limits: one or several files in one field."""

from django import forms
from django.core.exceptions import ValidationError

from uploads import limits


class MultipleFileInput(forms.ClearableFileInput):
    """A plain <input type=file multiple>: the fallback when the drag-and-drop script does not run."""

    allow_multiple_selected = True

    def __init__(self, attrs=None):
        super().__init__({"accept": limits.accept_attribute(), **(attrs or {})})


class CheckedFileField(forms.FileField):
    """One file, checked against the site's limits (size, type by content, name in bytes)."""

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded:
            limits.check_file(uploaded)
        return uploaded


class MultipleFileField(forms.FileField):
    """Several files in one field: every file is checked, and each refused one is named in its own message.

    `cleaned_data[name]` is the list of files. When some are refused the field is in error (one message per refused
    file, naming it) and `accepted` still holds the others, so that a form can keep them: nothing good is lost
    because of one bad file.
    """

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.accepted = []

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        accepted, errors = [], []
        for uploaded in files:
            try:
                super().clean(uploaded, initial)
                limits.check_file(uploaded)
            except ValidationError as error:
                errors.extend(error.error_list)
            else:
                accepted.append(uploaded)
        self.accepted = accepted
        if errors:
            raise ValidationError(errors)
        return accepted
