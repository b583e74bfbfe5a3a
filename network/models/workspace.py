from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Workflow


class SchoolWorkspace(models.Model):
    """What a Leading School gets in the admin: its collection, its editor and moderator groups, its workflow.

    Shared by every language version of the school (they share a translation key).
    """

    translation_key = models.UUIDField(_("translation key"), unique=True)
    collection = models.ForeignKey(Collection, verbose_name=_("collection"), on_delete=models.PROTECT, related_name="+")
    editors = models.ForeignKey(Group, verbose_name=_("editors"), on_delete=models.PROTECT, related_name="+")
    moderators = models.ForeignKey(Group, verbose_name=_("moderators"), on_delete=models.PROTECT, related_name="+")
    workflow = models.ForeignKey(Workflow, verbose_name=_("workflow"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("school workspace")
        verbose_name_plural = _("school workspaces")

    def __str__(self):
        return self.collection.name
