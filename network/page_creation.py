"""Creating a school's page in the admin: a slug that only echoes the title never blocks a new page, a slug the
editor typed that is taken is reported where the editor is, and two creations under one parent never collide.

Wagtail's autosave creates the page as a draft as soon as the editor types on the "create" form
(WAGTAIL_AUTOSAVE_INTERVAL). An abandoned draft keeps its slug, and a later page with the same title would be
refused with an error on the Promote tab the editor never opened. When the editor clicks Submit while an autosave is
in flight, both requests create a page under the same parent at once: without a lock the second one fails with a
500 (a duplicate slug or tree path); network/page_creation_views.py serialises them.
"""

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import find_available_slug
from wagtail.models import Page


def slug_from_title(title):
    """The slug Wagtail's title field writes into the Promote tab as the editor types the title."""
    return slugify(title, allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True))


class TitleSlugPageForm(WagtailAdminPageForm):
    """A new page whose slug was derived from its title takes the next free slug among its siblings ("title-1",
    "title-2", …); a slug the editor typed is theirs, and if it is taken they are told so at the top of the form."""

    def clean(self):
        data = self.cleaned_data
        slug, title = data.get("slug"), data.get("title")
        if (
            not self.instance.pk
            and self.parent_page is not None
            and slug
            and title
            and slug == slug_from_title(title)
            and not Page._slug_is_available(slug, self.parent_page)
        ):
            data["slug"] = find_available_slug(self.parent_page, slug)
        cleaned = super().clean()
        if self._errors and "slug" in self._errors:
            # The slug field is on the Promote tab; the editor writes on the Content tab and would only see a red
            # badge on a tab they never opened. A form-wide error is listed in the message at the top of the form.
            self.add_error(
                None,
                _(
                    "This web address is already used by another page in this section. Change the “slug” field "
                    "on the “Promote” tab."
                ),
            )
        return cleaned
