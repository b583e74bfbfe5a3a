"""Form fields for uploads that obey uploads.limits: one or several files in one field."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from uploads import limits


class MultipleFileInput(forms.ClearableFileInput):
    """A plain <input type=file multiple>: the fallback when the drag-and-drop script does not run."""

    allow_multiple_selected = True

    def __init__(self, attrs=None):
        super().__init__({"accept": limits.accept_attribute(), **(attrs or {})})


class CheckedFileField(forms.FileField):
    """One file, checked against the site's limits (size, type by content, name in bytes)."""

    def widget_attrs(self, widget):
        # The browser's file picker offers the accepted types first; the server still checks the content.
        return {**super().widget_attrs(widget), "accept": limits.accept_attribute()}

    def clean(self, data, initial=None):
        if getattr(data, "name", None):  # bounded first: a model field's max_length counts the name's letters
            data.name = limits.bounded_name(data.name)
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


class OneFilePerFieldMixin:
    """For a form whose file fields each take one file: several files sent in one of them are refused, by name.

    Django's FileField reads only the last of several files sent under its name and drops the others without a
    word (a hand-made request, or a browser given `multiple` by a script). The field answers instead that it takes
    one file, and the rest of the form is kept as sent. MultipleFileField (several files on purpose) is left alone.
    """

    def clean(self):
        cleaned_data = super().clean()
        for name, count in self.several_files().items():
            self.errors.pop(name, None)
            self.add_error(
                name,
                ValidationError(
                    ngettext(
                        "This field takes one file and %(count)d was sent: choose one file.",
                        "This field takes one file and %(count)d were sent: choose one file.",
                        count,
                    )
                    % {"count": count},
                    code="several_files",
                ),
            )
        return cleaned_data

    def several_files(self):
        """{field name: number of files sent} for each one-file field that was sent more than one."""
        if not self.files or not hasattr(self.files, "getlist"):
            return {}
        counts = {}
        for name, field in self.fields.items():
            if isinstance(field, forms.FileField) and not isinstance(field, MultipleFileField):
                count = len(self.files.getlist(self.add_prefix(name)))
                if count > 1:
                    counts[name] = count
        return counts
