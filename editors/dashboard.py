"""Where a school's editor or moderator lands: their own school, not the whole network.

- a dashboard panel with the school's counts per language (pages, drafts, unpublished changes, in moderation,
  changes requested), its Kazakh pages whose translations are out of date, and the latest edits;
- the site summary counts the school's pages rather than every page of the network;
- the sidebar's page explorer and "Pages" open at the school (in the admin's language when the school has that
  version): Wagtail's explorable root is the common ancestor of the pages one may edit, and a school's three
  language versions share only the tree root.

Every figure comes from a fixed number of queries, whatever the size of the school.
"""

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import TranslationSource

from network.models import LeadingSchoolPage, SchoolWorkspace

RECENT = 6
OUT_OF_DATE = 10
# The panel's counts per language, in its columns' order: (key, label).
COUNTS = (
    ("pages", pgettext_lazy("editors dashboard count", "Pages")),
    ("drafts", _("Drafts")),
    ("unpublished", _("Unpublished changes")),
    ("in_moderation", _("In moderation")),
    ("needs_changes", _("Changes requested")),
)


def schools_of(user):
    """Every language version of the schools whose editors or moderators the user is among, in tree order."""
    if not user.is_authenticated or user.is_superuser:
        return []
    keys = SchoolWorkspace.objects.school_keys_of(user)
    return list(LeadingSchoolPage.objects.filter(translation_key__in=keys).select_related("locale").order_by("path"))


def home_school(versions, language=None):
    """The version of the user's (first) school in the admin's language, else in the default language."""
    if not versions:
        return None
    language = language or get_language()
    first_key = versions[0].translation_key
    same_school = [version for version in versions if version.translation_key == first_key]
    for version in same_school:
        if version.locale.language_code == language:
            return version
    default = Locale.get_default()
    return next((version for version in same_school if version.locale_id == default.pk), same_school[0])


def tree_filter(versions):
    condition = Q(pk__in=[])
    for version in versions:
        condition |= Q(path__startswith=version.path)
    return condition


def counts_by_language(versions):
    rows = (
        Page.objects.filter(tree_filter(versions))
        .order_by()  # Page's default ordering (path) would split the groups
        .values("locale__language_code")
        .annotate(
            pages=Count("pk", distinct=True),
            drafts=Count("pk", filter=Q(live=False), distinct=True),
            unpublished=Count("pk", filter=Q(live=True, has_unpublished_changes=True), distinct=True),
            in_moderation=Count(
                "pk", filter=Q(_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS), distinct=True
            ),
            needs_changes=Count(
                "pk", filter=Q(_workflow_states__status=WorkflowState.STATUS_NEEDS_CHANGES), distinct=True
            ),
        )
    )
    return {row["locale__language_code"]: row for row in rows}


class SchoolPagesSummaryItem(PagesSummaryItem):
    """The site summary's page count, of the user's school (their language version) only."""

    def __init__(self, request, school):
        super().__init__(request)
        self.school = school

    def get_context_data(self, parent_context):
        return {
            "root_page": self.school,
            "total_pages": Page.objects.descendant_of(self.school, inclusive=True).count(),
            "site_name": self.school.title,
        }


class SchoolPanel(Component):
    name = "school"
    order = 50
    template_name = "editors/dashboard_panel.html"

    class Media:
        css = {"all": ["editors/dashboard.css"]}

    def __init__(self, user, versions):
        self.user = user
        self.versions = versions

    def get_context_data(self, parent_context):
        school = home_school(self.versions)
        versions = [version for version in self.versions if version.translation_key == school.translation_key]
        counts = counts_by_language(versions)
        languages = []
        for version in versions:
            row = counts.get(version.locale.language_code, {})
            languages.append(
                {
                    "version": version,
                    "name": version.locale.get_display_name(),
                    "explore_url": reverse("wagtailadmin_explore", args=[version.pk]),
                    "counts": [(label, row.get(key, 0)) for key, label in COUNTS],
                    **{key: row.get(key, 0) for key, _label in COUNTS},
                }
            )
        default = Locale.get_default()
        sources = [version for version in versions if version.locale_id == default.pk]
        recent = (
            Page.objects.filter(tree_filter(versions))
            .exclude(latest_revision_created_at=None)
            .select_related("locale")
            .order_by("-latest_revision_created_at")[:RECENT]
        )
        return {
            "school": school,
            "count_labels": [label for _key, label in COUNTS],
            "languages": languages,
            "out_of_date": out_of_date(sources),
            "recent": list(recent),
            "can_publish": school.permissions_for_user(self.user).can_publish(),
        }


def out_of_date(source_versions):
    """Up to OUT_OF_DATE Kazakh pages of the school published since their translations were last synced."""
    if not source_versions:
        return []
    newer = Page.objects.filter(
        translation_key=OuterRef("object_id"),
        locale=OuterRef("locale"),
        last_published_at__gt=OuterRef("last_updated_at"),
    )
    sources = (
        TranslationSource.objects.filter(
            locale__in={version.locale_id for version in source_versions},
            object_id__in=Page.objects.filter(tree_filter(source_versions)).values("translation_key"),
        )
        .filter(Exists(newer))
        .annotate(page_id=Subquery(newer.values("pk")[:1]), page_title=Subquery(newer.values("draft_title")[:1]))
        .order_by("-last_updated_at")[:OUT_OF_DATE]
    )
    return [
        {
            "title": source.page_title,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[source.page_id]),
            "sync_url": reverse("wagtail_localize:update_translations", args=[source.pk]),
        }
        for source in sources
    ]
