"""The Wagtail admin's document and image uploads under the site's upload limits (uploads/limits.py).

Named by WAGTAILDOCS_DOCUMENT_FORM_BASE and WAGTAILIMAGES_IMAGE_FORM_BASE, so that every form Wagtail builds for a
document or an image (the upload page, the multiple upload, the choosers' upload, the edit page) checks a new file
as the cabinet does: size per file, type by content, name bounded in bytes, with the same messages. Wagtail's own
size check (WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE) is switched off in the form, so that the
user reads one message, ours, translated into kk and ru.
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from uploads import limits
from uploads.fields import OneFilePerFieldMixin


class CheckedUploadMixin(OneFilePerFieldMixin):
    types = None  # UPLOADS_ALLOWED_TYPES

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            field.max_upload_size = None
            field.help_text = limits.limits_text(self.accepted_types())

    def accepted_types(self):
        return self.types() if callable(self.types) else None

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):  # a new file, not the one already stored
            limits.check_file(uploaded, self.accepted_types())
        return uploaded


class CheckedDocumentForm(CheckedUploadMixin, BaseDocumentForm):
    """Documents are served under their name, whose extension tells the browser the type: it must be an accepted
    type's too. (Wagtail's own extension check, WAGTAILDOCS_EXTENSIONS, is left unset: it runs in the model's
    clean() and adds a second, empty-named error to every refused file.)"""

    def clean_file(self):
        uploaded = super().clean_file()
        if isinstance(uploaded, UploadedFile):
            limits.check_extension(uploaded, self.accepted_types())
        return uploaded


class CheckedImageForm(CheckedUploadMixin, BaseImageForm):
    types = staticmethod(limits.image_types)
