"""Why the admin's Content-Security-Policy still allows inline scripts (docs/measurements.md, "Admin CSP"), kept true.

The installed Wagtail and wagtail-localize templates that carry an inline <script> without a nonce are listed here.
When an upgrade changes the list, this test fails: read the measurement again, and drop 'unsafe-inline' from the
admin's script-src (security/middleware.py) once the list is empty or every script left is static.
"""

import re
from pathlib import Path

import wagtail
import wagtail_localize

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)[^>]*>")

# Each with why it cannot be allowed by a hash fixed at startup.
KNOWN = {
    # initDateChooser("<the field's id>", <its config>): one script per date field, its text differs per field.
    "wagtail/admin/templates/wagtailadmin/widgets/date_input.html",
    "wagtail/admin/templates/wagtailadmin/widgets/datetime_input.html",
    "wagtail/admin/templates/wagtailadmin/widgets/time_input.html",
    # new InlinePanel(<options with the formset's prefix>): one per inline panel, its text differs per panel.
    "wagtail/admin/templates/wagtailadmin/panels/inline_panel.html",
    "wagtail/admin/templates/wagtailadmin/panels/multiple_chooser_panel.html",
    # The promoted results' formset and the query chooser: includes whose text depends on the form.
    "wagtail/contrib/search_promotions/templates/wagtailsearchpromotions/add.html",
    "wagtail/contrib/search_promotions/templates/wagtailsearchpromotions/edit.html",
    # Static once the URLs are known: these two alone could be allowed by their hashes.
    "wagtail_localize/templates/wagtail_localize/admin/edit_translation.html",
    "wagtail_localize/templates/wagtail_localize/admin/submit_translation.html",
}


def templates_with_inline_scripts():
    found = set()
    for package in (wagtail, wagtail_localize):
        root = Path(package.__file__).parent
        for path in root.rglob("templates/**/*.html"):
            if INLINE_SCRIPT.search(path.read_text(encoding="utf-8", errors="replace")):
                found.add(str(path.relative_to(root.parent)))
    return found


def test_the_admins_inline_scripts_are_the_ones_measured():
    assert templates_with_inline_scripts() == KNOWN


def test_the_admin_still_needs_unsafe_inline_for_them_and_the_public_site_never_gets_it():
    from security.middleware import AdminContentSecurityPolicyMiddleware

    assert "'unsafe-inline'" in AdminContentSecurityPolicyMiddleware.ADDITIONS["script-src"]
    assert AdminContentSecurityPolicyMiddleware.PREFIXES == ("/admin/", "/django-admin/")
