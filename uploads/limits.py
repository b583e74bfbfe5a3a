"""What the site accepts as an uploaded file, in one place: every upload field of the project asks here.

Each limit is a setting (config/settings/base.py, documented in README's configuration table):

- UPLOADS_MAX_FILE_SIZE: bytes per file (default 20 MB);
- UPLOADS_MAX_TOTAL_SIZE: bytes per submission, all its files together (default 100 MB);
- UPLOADS_ALLOWED_TYPES: extensions of the types accepted, recognised by their CONTENT (magic bytes, through the
  `filetype` package that Wagtail already needs), never by the name the browser sends;
- UPLOADS_IMAGE_TYPES: the image types that the admin's image library accepts (also by content);
- UPLOADS_MAX_NAME_BYTES: a file name's length in UTF-8 bytes (default 150). Filesystems refuse names over 255
  bytes, and a Kazakh letter is two bytes: a 200-letter name used to end in a server error. Longer names are
  shortened, keeping their extension, rather than refused: the teacher loses nothing.
"""

import os

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MB = 1024 * 1024
DEFAULT_MAX_FILE_SIZE = 20 * MB
DEFAULT_MAX_TOTAL_SIZE = 100 * MB
DEFAULT_MAX_NAME_BYTES = 150
DEFAULT_ALLOWED_TYPES = (
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "xls",
    "xlsx",
    "ods",
    "ppt",
    "pptx",
    "odp",
    "jpg",
    "png",
    "mp4",
)
DEFAULT_IMAGE_TYPES = ("jpg", "png", "gif", "webp")
# The same content under the names people give it.
SYNONYMS = {"jpeg": "jpg", "jpe": "jpg"}


def max_file_size():
    return int(getattr(settings, "UPLOADS_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE))


def max_total_size():
    return int(getattr(settings, "UPLOADS_MAX_TOTAL_SIZE", DEFAULT_MAX_TOTAL_SIZE))


def max_name_bytes():
    return int(getattr(settings, "UPLOADS_MAX_NAME_BYTES", DEFAULT_MAX_NAME_BYTES))


def allowed_types():
    return tuple(getattr(settings, "UPLOADS_ALLOWED_TYPES", DEFAULT_ALLOWED_TYPES))


def image_types():
    return tuple(getattr(settings, "UPLOADS_IMAGE_TYPES", DEFAULT_IMAGE_TYPES))


def allowed_types_text(types=None):
    """The accepted types as the user reads them: "PDF, DOCX, …"."""
    return ", ".join(extension.upper() for extension in (types or allowed_types()))


def limits_text(types=None):
    """The help text of an upload field: what it accepts, said before the user tries."""
    return _("Accepted: %(types)s; at most %(limit)s per file.") % {
        "types": allowed_types_text(types),
        "limit": filesizeformat(max_file_size()),
    }


def accept_attribute():
    """For <input accept>: the browser's file picker offers these first (the server still checks the content)."""
    return ",".join(f".{extension}" for extension in allowed_types())


def bounded_name(name, limit=None):
    """The file's base name, at most `limit` UTF-8 bytes, extension kept, never cut inside a letter."""
    limit = limit or max_name_bytes()
    name = os.path.basename(name.replace("\\", "/")).strip() or "file"
    if len(name.encode()) <= limit:
        return name
    stem, extension = os.path.splitext(name)
    if len(extension.encode()) > limit // 2:
        stem, extension = name, ""
    room = limit - len(extension.encode())
    stem = stem.encode()[:room].decode("utf-8", "ignore").rstrip(" .") or "file"
    return stem + extension


def detected_type(uploaded):
    """The extension that the file's content shows, or None."""
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None
    return SYNONYMS.get(kind.extension, kind.extension)


def check_file(uploaded, types=None):
    """Refuse a file that breaks a limit, with a translated message naming it; shorten a long name in place.

    `types`: the extensions accepted (by content), UPLOADS_ALLOWED_TYPES unless said (the image library's)."""
    types = tuple(types or allowed_types())
    uploaded.name = bounded_name(uploaded.name)
    if uploaded.size > max_file_size():
        raise ValidationError(
            _("“%(name)s” is %(size)s: a file may be at most %(limit)s.")
            % {"name": uploaded.name, "size": filesizeformat(uploaded.size), "limit": filesizeformat(max_file_size())},
            code="file_too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": uploaded.name}, code="file_empty")
    if detected_type(uploaded) not in types:
        raise ValidationError(
            _("“%(name)s” is not a file of an accepted type. Accepted: %(types)s.")
            % {"name": uploaded.name, "types": allowed_types_text(types)},
            code="file_type",
        )
    return uploaded


def check_extension(uploaded, types=None):
    """Refuse a name whose extension is not an accepted type's: for files served under their name (the admin's
    documents), whose extension says the type the browser is told. The same message as a refused content."""
    types = tuple(types or allowed_types())
    extension = os.path.splitext(uploaded.name)[1].lstrip(".").lower()
    if SYNONYMS.get(extension, extension) not in types:
        raise ValidationError(
            _("“%(name)s” is not a file of an accepted type. Accepted: %(types)s.")
            % {"name": uploaded.name, "types": allowed_types_text(types)},
            code="file_type",
        )


def check_total(uploaded, already=0):
    """Refuse a file that would take a submission's files (`already` bytes before it) beyond the limit."""
    total = already + uploaded.size
    if total > max_total_size():
        raise ValidationError(
            _(
                "“%(name)s” was not added: the files of one submission may be at most %(limit)s together; with it "
                "they would be %(total)s."
            )
            % {"name": uploaded.name, "limit": filesizeformat(max_total_size()), "total": filesizeformat(total)},
            code="total_too_large",
        )
