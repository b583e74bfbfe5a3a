"""Creating a Leading School gives it a subtree, a collection, editor and moderator groups and a workflow.

Editors of a school may add and change pages inside it and submit them for moderation; its moderators also
publish. Neither group has any permission outside its own school and collection.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from network.models import BlogIndexPage, EventIndexPage, LeadingSchoolPage, ResourcePortalPage, SchoolWorkspace

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
GLOBAL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("network", "add_teacher"),
    ("network", "change_teacher"),
    ("network", "view_teacher"),
    ("network", "view_blogcategory"),
    # The Russian and English names of their school's tags (network/forms.py BlogTagForm); no adding or deleting.
    ("network", "view_blogtag"),
    ("network", "change_blogtag"),
    # wagtail-localize's only permission is global; editors.translation limits it to the user's own school.
    ("wagtail_localize", "submit_translation"),
]
SECTIONS = [
    (BlogIndexPage, "blog", lambda: _("Blog")),
    (EventIndexPage, "events", lambda: _("Events")),
    (ResourcePortalPage, "resources", lambda: _("Resource portal")),
]


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def source_of(school):
    default = Locale.get_default()
    if school.locale_id == default.pk:
        return school
    return LeadingSchoolPage.objects.filter(translation_key=school.translation_key, locale=default).first() or school


@transaction.atomic
def provision_school(school):
    """Idempotent: make sure the school (in its language) has everything an editor needs."""
    school = LeadingSchoolPage.objects.get(pk=school.pk)
    workspace = ensure_workspace(source_of(school))
    grant_page_permissions(workspace, school)
    WorkflowPage.objects.get_or_create(page=school, defaults={"workflow": workspace.workflow})
    ensure_sections(school)
    return workspace


def ensure_workspace(source):
    workspace = SchoolWorkspace.objects.filter(translation_key=source.translation_key).first()
    if workspace is not None:
        return workspace
    title = source.title[:200]
    root = Collection.get_first_root_node()
    collection = root.add_child(name=title)
    editors = Group.objects.create(name=unique_group_name(f"{title}: editors"))
    moderators = Group.objects.create(name=unique_group_name(f"{title}: moderators"))
    for group in (editors, moderators):
        group.permissions.add(*[permission(app, codename) for app, codename in GLOBAL_PERMISSIONS])
        for app, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission(app, codename)
            )
    # The admin shows these names as they are, in every admin language ("Submit to …", e-mails): so no English
    # words. The workflow is the school's (its title, in the network's default language), the task is its
    # "модерация", the same word in Kazakh and Russian.
    workflow = Workflow.objects.create(name=school_workflow_name(title), active=True)
    task = GroupApprovalTask.objects.create(name=school_task_name(title))
    task.groups.set([moderators])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return SchoolWorkspace.objects.create(
        translation_key=source.translation_key,
        collection=collection,
        editors=editors,
        moderators=moderators,
        workflow=workflow,
    )


def school_workflow_name(title):
    return title[:255]


def school_task_name(title):
    return f"{title}: модерация"[:255]


def unique_group_name(name):
    candidate, number = name[:150], 2
    while Group.objects.filter(name=candidate).exists():
        candidate = f"{name[:140]} ({number})"
        number += 1
    return candidate


def grant_page_permissions(workspace, school):
    for group, codenames in (
        (workspace.editors, EDITOR_PAGE_PERMISSIONS),
        (workspace.moderators, MODERATOR_PAGE_PERMISSIONS),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=school, permission=permission("wagtailcore", codename)
            )


def ensure_sections(school):
    """The blog, events and resource portal under the school, as translations of the source school's ones."""
    source = source_of(school)
    existing = {type(child.specific): child for child in school.get_children().specific()}
    for model, slug, title in SECTIONS:
        if model in existing:
            continue
        if source.pk != school.pk:
            original = model.objects.child_of(source).first()
            if original is not None:
                copy = original.copy_for_translation(school.locale)
                with translation.override(school.locale.language_code):
                    copy.title = copy.draft_title = title()
                copy.save()
                copy.save_revision().publish()
                continue
        with translation.override(school.locale.language_code):
            section = model(title=title(), slug=slug, locale=school.locale)
        school.add_child(instance=section)
        section.save_revision().publish()
