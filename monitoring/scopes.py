"""Who may see which figures: the network, one region, or one school. Every monitoring view asks here.

- superusers and the Centre of Pedagogical Excellence (MonitoringRole "centre"): the network, any region, any school;
- a Coordination Centre trainer (MonitoringRole "trainer"): their region and its schools;
- a school's first head (workflows' ReviewerRole school_head) and its editors and moderators (the school's
  SchoolWorkspace groups, network/provisioning.py): their own school.
Regions and schools are named by their page in the default language, whichever language a role points at.
"""

from dataclasses import dataclass

from django.utils.functional import cached_property
from wagtail.models import Locale

from monitoring.models import MonitoringRole
from network.models import LeadingSchoolPage, RegionPage, SchoolWorkspace
from workflows.models import ReviewerRole


@dataclass(frozen=True)
class Scope:
    region_id: int | None = None
    school_id: int | None = None

    @property
    def is_network(self):
        return self.region_id is None and self.school_id is None


NETWORK = Scope()


def _canonical(model, pks):
    """The default-language pages of these pages (any language) of `model`."""
    keys = model.objects.filter(pk__in=pks).values("translation_key")
    return set(model.objects.filter(translation_key__in=keys, locale=Locale.get_default()).values_list("pk", flat=True))


class Access:
    """What one user may watch, read once per request."""

    def __init__(self, user):
        self.user = user

    @classmethod
    def of(cls, request):
        """The request's Access, made once: the menu, the dashboard panel, the view and its filters all ask."""
        access = getattr(request, "_monitoring_access", None)
        if access is None or access.user is not request.user:
            access = request._monitoring_access = cls(request.user)
        return access

    @cached_property
    def national(self):
        if not (self.user and self.user.is_authenticated and self.user.is_active):
            return False
        return (
            self.user.is_superuser
            or MonitoringRole.objects.filter(user=self.user, role=MonitoringRole.Role.CENTRE).exists()
        )

    @cached_property
    def regions(self):
        if not (self.user and self.user.is_authenticated and self.user.is_active):
            return set()
        return _canonical(
            RegionPage,
            MonitoringRole.objects.filter(user=self.user, role=MonitoringRole.Role.TRAINER).values("region_id"),
        )

    @cached_property
    def schools(self):
        """The schools the user sees as head or editor (not those seen through a region)."""
        if not (self.user and self.user.is_authenticated and self.user.is_active):
            return set()
        headed = ReviewerRole.objects.filter(
            user=self.user, role=ReviewerRole.Role.SCHOOL_HEAD, partner_school__isnull=True
        ).values("school_id")
        edited = LeadingSchoolPage.objects.filter(
            translation_key__in=SchoolWorkspace.objects.school_keys_of(self.user)
        ).values("pk")
        return _canonical(LeadingSchoolPage, headed) | _canonical(LeadingSchoolPage, edited)

    @property
    def any(self):
        return self.national or bool(self.regions) or bool(self.schools)

    def allows(self, scope, school_region_id=None):
        """May the user see this scope? `school_region_id`: the region of scope.school_id, when a school."""
        if self.national:
            return True
        if scope.school_id is not None:
            return scope.school_id in self.schools or (school_region_id in self.regions)
        if scope.region_id is not None:
            return scope.region_id in self.regions
        return False

    def default_scope(self):
        if self.national:
            return NETWORK
        if self.regions:
            return Scope(region_id=min(self.regions))
        if self.schools:
            return Scope(school_id=min(self.schools))
        return None

    def visible_regions(self):
        regions = RegionPage.objects.filter(locale=Locale.get_default()).order_by("title")
        return regions if self.national else regions.filter(pk__in=self.regions)

    def visible_schools(self):
        """Schools in the default language the user may see, as a queryset."""
        schools = LeadingSchoolPage.objects.filter(locale=Locale.get_default())
        if self.national:
            return schools
        from django.db.models import Q

        return schools.filter(Q(region_id__in=self.regions) | Q(pk__in=self.schools))
