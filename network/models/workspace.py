from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Workflow


class SchoolWorkspaceQuerySet(models.QuerySet):
    def school_keys_of(self, user):
        """The translation keys of the Leading Schools whose editors or moderators the user is among."""
        return self.filter(Q(editors__user=user) | Q(moderators__user=user)).values("translation_key")


class SchoolWorkspace(models.Model):
    """What a Leading School gets in the admin: its collection, its editor and moderator groups, its workflow.

    Shared by every language version of the school (they share a translation key).
    """

    translation_key = models.UUIDField(_("translation key"), unique=True)
    collection = models.ForeignKey(Collection, verbose_name=_("collection"), on_delete=models.PROTECT, related_name="+")
    editors = models.ForeignKey(Group, verbose_name=_("editors"), on_delete=models.PROTECT, related_name="+")
    moderators = models.ForeignKey(Group, verbose_name=_("moderators"), on_delete=models.PROTECT, related_name="+")
    workflow = models.ForeignKey(Workflow, verbose_name=_("workflow"), on_delete=models.PROTECT, related_name="+")

    objects = SchoolWorkspaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("school workspace")
        verbose_name_plural = _("school workspaces")

    def __str__(self):
        return self.collection.name
