from django.db import models
from django.utils.translation import gettext_lazy as _


class HiddenSearchTerm(models.Model):
    """A search term that editors keep out of the public "popular searches" (a typo, a name, anything unfit)."""

    query_string = models.CharField(
        _("search term"),
        max_length=255,
        unique=True,
        help_text=_("As visitors type it; letter case and extra spaces do not matter."),
    )
    created_at = models.DateTimeField(_("hidden on"), auto_now_add=True)

    class Meta:
        verbose_name = _("hidden search term")
        verbose_name_plural = _("hidden search terms")
        ordering = ["query_string"]

    def __str__(self):
        return self.query_string

    def save(self, *args, **kwargs):
        from wagtail.search.utils import normalise_query_string

        self.query_string = normalise_query_string(self.query_string)
        super().save(*args, **kwargs)
