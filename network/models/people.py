from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from network.names import in_page_language, latin_form, person_name


class TeacherQuerySet(models.QuerySet):
    def of_school(self, school):
        """The teachers of a Leading School, whichever language version of it they were recorded with."""
        return self.filter(school__translation_key=school.translation_key)

    def editable_by(self, user):
        """A school's editors and moderators keep their own school's teachers; only superusers keep everyone's."""
        from .workspace import SchoolWorkspace

        if user.is_superuser:
            return self
        return self.filter(school__translation_key__in=SchoolWorkspace.objects.school_keys_of(user))


class Teacher(index.Indexed, models.Model):
    """A teacher of a Leading or partner school who writes posts or authors resources."""

    full_name = models.CharField(_("full name"), max_length=255)
    # English pages name people in Latin letters; the stored form can be corrected by hand (a transliteration
    # cannot know that "Жақыпова" is spelt "Zhakypova" in the teacher's passport), so it is kept, not computed.
    latin_name = models.CharField(
        _("full name in Latin letters"),
        max_length=255,
        blank=True,
        help_text=_("Shown on English pages. Left empty, it is filled in from the full name."),
    )
    # A teacher's name reads the same in every language, their position does not; the three are kept here rather
    # than in three translated copies, so that posts in every language point at the same teacher.
    position = models.CharField(_("position (Kazakh)"), max_length=255, blank=True)
    position_ru = models.CharField(_("position (Russian)"), max_length=255, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=255, blank=True)
    school = models.ForeignKey(
        "network.LeadingSchoolPage",
        verbose_name=_("Leading School"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    school_name = models.CharField(
        _("school"),
        max_length=255,
        blank=True,
        help_text=_("For a teacher of a partner school: its name."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The teacher's own account, when they have one: set when their school confirms them (accounts.services), so
    # that a confirmed teacher is a choosable author of their school; unset when the account is closed.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_record",
        editable=False,
    )

    objects = TeacherQuerySet.as_manager()

    panels = [
        FieldPanel("full_name"),
        FieldPanel("latin_name"),
        FieldPanel("position"),
        FieldPanel("position_ru"),
        FieldPanel("position_en"),
        FieldPanel("school"),
        FieldPanel("school_name"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("full_name"),
        index.AutocompleteField("full_name"),
        # The teacher chooser searches within Teacher.objects.editable_by(user), which filters on this.
        index.RelatedFields("school", [index.FilterField("translation_key")]),
    ]

    class Meta:
        verbose_name = _("teacher")
        verbose_name_plural = _("teachers")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        if not self.latin_name.strip():
            self.latin_name = latin_form(self.full_name)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "latin_name"}
        super().save(*args, **kwargs)

    @property
    def name_here(self):
        """The name as the page being read writes it: in Latin letters on English pages."""
        return person_name(self.full_name, latin=self.latin_name)

    @property
    def position_here(self):
        """The position in the language of the page being read, or in Kazakh when it was not given in that one."""
        return in_page_language(self, "position")


class TrilingualName(models.Model):
    """A small vocabulary entry named in the three site languages in one place."""

    name_kk = models.CharField(_("name (Kazakh)"), max_length=120)
    name_ru = models.CharField(_("name (Russian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    panels = [FieldPanel("name_kk"), FieldPanel("name_ru"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self):
        return getattr(self, f"name_{(get_language() or 'kk')[:2]}", None) or self.name_kk


class BlogCategory(TrilingualName):
    class Meta:
        verbose_name = _("blog category")
        verbose_name_plural = _("blog categories")
        ordering = ["slug"]


class BlogTag(TagBase):
    """A post's tag, named in the three site languages (README: "Snippets are translated one way").

    A post's translations share its tags (wagtail-localize copies them from the Kazakh post), so a tag links the
    same posts in every language, under the name of the page's language; `name` is the Kazakh one that editors
    type in the post's tag field.
    """

    name_ru = models.CharField(_("name (Russian)"), max_length=100, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    panels = [FieldPanel("name"), FieldPanel("name_ru"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    @property
    def name_here(self):
        return in_page_language(self, "name")

    @classmethod
    def of_schools_of(cls, user):
        """The tags carried by posts of the schools the user edits or moderates (every tag for a superuser)."""
        from .blog import BlogPostTag
        from .workspace import SchoolWorkspace

        if user.is_superuser:
            return cls.objects.all()
        return cls.objects.filter(
            pk__in=BlogPostTag.objects.filter(
                content_object__school__translation_key__in=SchoolWorkspace.objects.school_keys_of(user)
            ).values("tag_id")
        )

    def used_outside_schools_of(self, user):
        """Whether a post of a school the user does not edit or moderate carries this tag."""
        from .workspace import SchoolWorkspace

        keys = SchoolWorkspace.objects.school_keys_of(user)
        return self.tagged_posts.exclude(content_object__school__translation_key__in=keys).exists()
