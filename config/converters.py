"""Path converters of the site's URLs, registered once on import (`<id:pk>`)."""

from django.urls import register_converter


class DatabaseIdConverter:
    """A primary key in a URL: at most 18 digits, so that it fits the database's 64-bit integer.

    Django's `int` converter accepts any length; a 20-digit id reached SQLite as an OverflowError (500) instead of
    a 404."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(DatabaseIdConverter, "id")
