"""Who watches which part of the network, and the figures computed for them ahead of time."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MonitoringRole(models.Model):
    """A Coordination-centre trainer watches one region; the Centre of Pedagogical Excellence the whole network.

    A school's head (workflows' ReviewerRole) and its editors (its SchoolWorkspace groups) see their own school
    without a row here: monitoring.scopes asks those models.
    """

    class Role(models.TextChoices):
        TRAINER = "trainer", _("Coordination Centre trainer")
        CENTRE = "centre", _("Centre of Pedagogical Excellence")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="monitoring_roles",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    region = models.ForeignKey(
        "network.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("For a Coordination Centre trainer: the region whose schools they watch."),
    )

    class Meta:
        verbose_name = _("monitoring role")
        verbose_name_plural = _("monitoring roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "region"], name="monitoring_unique_role"),
            models.CheckConstraint(
                condition=~Q(role="trainer") | Q(region__isnull=False),
                name="monitoring_trainer_has_region",
                violation_error_message=_("A Coordination Centre trainer watches one region: choose it."),
            ),
            models.CheckConstraint(
                condition=~Q(role="centre") | Q(region__isnull=True),
                name="monitoring_centre_is_national",
                violation_error_message=_(
                    "The Centre of Pedagogical Excellence watches the whole network: leave the region empty."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Monitoring happens in the Wagtail admin: a trainer given a role here may sign in to it.
        self.user.groups.add(monitoring_group())


MONITORING_GROUP = "Monitoring"


def monitoring_group():
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name=MONITORING_GROUP)
    if created:
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


class SchoolFigures(models.Model):
    """One Leading School's figures for one academic year, as `monitoring.indicators` counted them.

    A region's and the network's figures are sums of these rows, so that every report reads a few hundred small
    rows instead of counting 380,000 pages. `school` is the school's page in the default language.
    """

    period_start = models.DateField(_("period start"))
    school = models.ForeignKey("network.LeadingSchoolPage", on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey("network.RegionPage", null=True, on_delete=models.SET_NULL, related_name="+")
    figures = models.JSONField(default=dict)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        verbose_name = _("school figures")
        verbose_name_plural = _("school figures")
        constraints = [models.UniqueConstraint(fields=["period_start", "school"], name="monitoring_figures_once")]
        indexes = [models.Index(fields=["period_start", "region"], name="monitoring_figures_region")]

    def __str__(self):
        return f"{self.school}, {period_label(self.period_start)}"


class AreaFigures(models.Model):
    """A region's or the network's figures for one academic year: the sums of its SchoolFigures rows, stored so that
    the network's report reads 21 rows rather than 750."""

    NETWORK = "network"

    period_start = models.DateField(_("period start"))
    area = models.CharField(max_length=20, help_text="'network', or the region's page id")
    figures = models.JSONField(default=dict)
    schools = models.PositiveIntegerField(default=0)
    thin_schools = models.JSONField(default=list)  # ids of its schools with no activity in the period
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        verbose_name = _("area figures")
        verbose_name_plural = _("area figures")
        constraints = [models.UniqueConstraint(fields=["period_start", "area"], name="monitoring_area_once")]

    def __str__(self):
        from network.models import RegionPage

        if self.area == self.NETWORK:
            area = _("The whole network")
        else:
            area = RegionPage.objects.filter(pk=self.area).values_list("title", flat=True).first() or self.area
        return f"{area}, {period_label(self.period_start)}"


class FiguresRefresh(models.Model):
    """When a period's figures were last counted for the whole network: the time shown beside every figure."""

    period_start = models.DateField(_("period start"), unique=True)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        verbose_name = _("figures refresh")
        verbose_name_plural = _("figures refreshes")

    def __str__(self):
        return f"{period_label(self.period_start)}: {self.computed_at:%Y-%m-%d %H:%M}"


def period_label(period_start):
    """'2025–2026' for the academic year starting on `period_start`."""
    from monitoring.periods import Period

    return Period.academic_year(period_start.year).label
