"""A page's view restriction covers every translation of it.

Wagtail keeps restrictions per page, and each language is a page of its own: a password on the Kazakh page left the
Russian and English ones public and in the sitemap. Rather than teach every `.public()` query (page serving, sitemap,
search index, feeds, menus, listings) to look at the source page, the translations are kept carrying the same
restrictions as real rows: when a restriction is saved, changed or deleted on one page, its translations get the
same set; when a translation is created, it starts with the restrictions its siblings have. Every `.public()` and
every signal listener (the search index, the feeds' cache) then sees the truth without a change of their own.
"""

from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction

# Set while this module writes restrictions itself, so that its own writes do not set off another copy.
_copying = ContextVar("copying_view_restrictions", default=False)


def other_translations(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def copy_restrictions(source, targets):
    """Give each target page exactly the view restrictions of `source` (type, password, groups)."""
    restrictions = list(PageViewRestriction.objects.filter(page=source).prefetch_related("groups"))
    token = _copying.set(True)
    try:
        for target in targets:
            for old in PageViewRestriction.objects.filter(page=target):
                old.delete()  # one by one: the search index and the feeds listen to each delete
            for restriction in restrictions:
                copy = PageViewRestriction.objects.create(
                    page=target, restriction_type=restriction.restriction_type, password=restriction.password
                )
                copy.groups.set(restriction.groups.all())
    finally:
        _copying.reset(token)


def spread_from(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        copy_restrictions(page, other_translations(page))


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="privacy_restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="privacy_restriction_deleted")
def restriction_changed(sender, instance, **kwargs):
    if not _copying.get():
        spread_from(instance.page_id)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through, dispatch_uid="privacy_restriction_groups")
def restriction_groups_changed(sender, instance, action, reverse, **kwargs):
    if _copying.get() or reverse or not action.startswith("post_"):
        return
    spread_from(instance.page_id)


@receiver(post_save, dispatch_uid="privacy_new_translation")
def translation_created(sender, instance, created, raw=False, **kwargs):
    """A new translation starts with the restrictions of the page it translates."""
    if not created or raw or _copying.get() or not isinstance(instance, Page):
        return
    source = other_translations(instance).filter(view_restrictions__isnull=False).order_by("pk").first()
    if source is not None:
        copy_restrictions(source, [instance])


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="privacy_menu_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="privacy_menu_deleted")
def forget_menu(sender, **kwargs):
    """The main menu is cached and lists only public pages: a change of privacy redraws it."""
    from home.menu import forget_main_menu

    forget_main_menu()
