"""Monitoring in the admin (an overview and three reports) and the public page "the network in numbers".

Views are thin: the scope comes from monitoring.scopes (403 outside it), the figures from monitoring.figures,
what is shown from monitoring.report.
"""

import datetime
import itertools
from types import SimpleNamespace

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Sum
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from monitoring import figures as stored
from monitoring import report
from monitoring.indicators import BREAKDOWNS
from monitoring.links import AdminLinks, PublicLinks
from monitoring.periods import Period, period_choices
from monitoring.scopes import NETWORK, Access, Scope
from network import rules as network_rules
from network.models import BlogPostPage, EventPage, LeadingSchoolPage, RegionPage, ResourcePage
from network.models.base import choice_label, parse_int
from network.models.blog import CappedPaginator
from network.models.events import month_bounds
from network.vocabulary import ContentLanguage, EventKind, ResourceKind, Subject
from workflows import rules as review_rules
from workflows.models import SchoolMembership, Submission


def resolve_scope(request, access):
    """The scope the query string asks for, checked against what the user may see (403 otherwise)."""
    if not access.any:
        raise PermissionDenied
    default = Locale.get_default()
    school_id, region_id = parse_int(request.GET.get("school")), parse_int(request.GET.get("region"))
    if school_id:
        school = LeadingSchoolPage.objects.filter(pk=school_id, locale=default).values("region_id").first()
        if school is None or not access.allows(Scope(school_id=school_id), school["region_id"]):
            raise PermissionDenied
        return Scope(school_id=school_id)
    if region_id:
        if not RegionPage.objects.filter(pk=region_id, locale=default).exists() or not access.allows(
            Scope(region_id=region_id)
        ):
            raise PermissionDenied
        return Scope(region_id=region_id)
    return access.default_scope()


def scope_title(scope):
    """The school's or region's title in the reader's language (its translation's), else the scope page's own."""
    if scope.school_id:
        model, pk = LeadingSchoolPage, scope.school_id
    elif scope.region_id:
        model, pk = RegionPage, scope.region_id
    else:
        return _("The whole network")
    key = model.objects.filter(pk=pk).values("translation_key")[:1]
    rows = model.objects.filter(translation_key=Subquery(key)).values_list("pk", "locale__language_code", "title")
    titles = {language: title for _pk, language, title in rows}
    own = next((title for row_pk, _language, title in rows if row_pk == pk), None)
    return titles.get(translation.get_language(), own)


def overview_context(scope, period, links):
    current = stored.read(period, scope)
    previous = stored.read(period.previous, scope)
    charts = [
        report.month_chart(current, previous, period, links),
        report.registrations_month_chart(current, previous, period, links),
    ]
    charts += [report.breakdown_chart(slug, current, previous, links) for slug in BREAKDOWNS]
    charts.append(report.review_time_chart(current, previous))
    field_names = [name for name, _label in report.COMPARISON_FIELDS]
    if scope.is_network:
        names, by = links.region_names(current.regions), "region"
    else:
        names = dict(LeadingSchoolPage.objects.filter(pk__in=current.schools).values_list("pk", "title"))
        by = "school"
    comparison = report.comparison(current, names, field_names, links, by=by)
    return {
        "period": period,
        "previous_period": period.previous,
        "figures": current,
        "summary": report.summary_rows(current, previous, links),
        "charts": [chart for chart in charts if chart.rows],
        "attendance_by_kind": report.attendance_table(current, previous, period, links, "kind"),
        "attendance_by_month": report.attendance_table(current, previous, period, links, "month"),
        "comparison": comparison,
        "comparison_by": by,
        "comparison_headings": [label for _name, label in report.COMPARISON_FIELDS],
        "comparison_chart": report.Chart(
            _("Events held, side by side"),
            [
                report.Row(row["name"], row["figures"][field_names.index("events")], None, row["url"])
                for row in comparison
            ],
            "comparison",
        ),
        "computed_at": current.computed_at or stored.last_refresh(period),
        "ratio": network_rules.PARTNER_SCHOOLS_PER_LEADING_SCHOOL,
        "periods": period_choices(),
    }


def overview(request):
    """The monitoring overview of one scope: headline figures, charts with their tables, the side-by-side."""
    access = Access.of(request)
    scope = resolve_scope(request, access)
    period = Period.from_param(request.GET.get("period"))
    context = overview_context(scope, period, AdminLinks(scope, period))
    context.update(
        scope=scope,
        scope_title=scope_title(scope),
        access=access,
        regions=access.visible_regions(),
        schools=access.visible_schools().filter(region_id=scope.region_id).order_by("title")
        if scope.region_id
        else access.visible_schools().filter(pk__in=access.schools).order_by("title"),
        page_title=_("Monitoring"),
    )
    return TemplateResponse(request, "monitoring/admin/overview.html", context)


def network_in_numbers(request):
    """The public page: the network's aggregates for the academic year, beside the year before; nobody named."""
    period = Period.from_param(request.GET.get("period"))
    context = overview_context(NETWORK, period, PublicLinks())
    return TemplateResponse(request, "monitoring/network_in_numbers.html", context)


# The admin reports: lists that the figures count, with filters and CSV/XLSX export (Wagtail's ReportView).


class ScopedFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Academic year"), choices=period_choices, method="keep", empty_label=None
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        method="keep",
        empty_label=_("All regions"),
        queryset=lambda request: Access.of(request).visible_regions(),
    )
    school = django_filters.NumberFilter(method="keep", widget=forms.HiddenInput)

    def keep(self, queryset, name, value):
        return queryset  # the view reads these: they choose the scope and the period, not rows


def _plain(value):
    """A cell's value: numbers, dates and booleans as they are, anything else (lazy labels, pages) as text."""
    if value is None or isinstance(value, (bool, int, float, str, datetime.date)):
        return value
    return str(value)


class ScopedReport(ReportView):
    """A report over the user's scope; region, school and period come from the query string."""

    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        self.access = Access.of(request)
        self.scope = resolve_scope(request, self.access)
        self.period = Period.from_param(request.GET.get("period"))
        return super().dispatch(request, *args, **kwargs)

    def stream_csv(self, queryset):
        # The CSV is streamed after the view has returned, when Wagtail has already restored the language it
        # activated for the admin user: without this the headings came out in the site's default language.
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            with translation.override(language):
                yield from rows

        return in_language()

    def write_xlsx(self, queryset, output):
        """The same rows as Wagtail's export, written by monitoring.spreadsheet (a tenth of openpyxl's time)."""
        from monitoring.spreadsheet import xlsx

        headings = [self.get_heading(queryset, field) for field in self.list_export]
        rows = ([_plain(value) for value in self.to_row_dict(item).values()] for item in queryset)
        output.write(xlsx(headings, rows))

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["request"] = self.request
        return kwargs

    def in_scope(self, pages):
        """These pages (posts, events, resources) of the scope's schools, in any language: the national scope
        filters nothing, a region or a school by the ids of its schools' pages in every language."""
        if self.scope.is_network and self.access.national:
            return pages.filter(school__isnull=False)
        keys = self.scoped_schools().values("translation_key")
        return pages.filter(
            school_id__in=list(LeadingSchoolPage.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
        )

    def scoped_schools(self):
        schools = self.access.visible_schools()
        if self.scope.school_id:
            return schools.filter(pk=self.scope.school_id)
        if self.scope.region_id:
            return schools.filter(region_id=self.scope.region_id)
        return schools

    def get_context_data(self, *args, **kwargs):
        if self.is_export:
            # An export needs its rows only. Wagtail's listing context would build the HTML table over every row and
            # count them with len(): the whole export read twice (6 of the network events XLSX's 17 s).
            return {"object_list": self.object_list}
        context = super().get_context_data(*args, **kwargs)
        context.update(
            scope_title=scope_title(self.scope), period=self.period, computed_at=stored.last_refresh(self.period)
        )
        return context

    # What a row shows beside its own columns (a school's stored figures, an event's registrations, a resource's
    # downloads) is read for the rows shown only, in one query per thousand rows: `decorate` does it for a list.

    def decorate(self, rows):
        return rows

    def paginate_queryset(self, queryset, page_size):
        # Wagtail builds the table from the page's rows before its own `decorate_paginated_queryset` hook runs:
        # the rows are decorated here, and the hook finds them done.
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = DecoratedRows(self.decorate(list(rows)))
        return paginator, page, page.object_list, is_paginated

    # The columns an export reads with values() (None: it reads model objects).
    export_values = None

    def decorate_paginated_queryset(self, object_list):
        if isinstance(object_list, DecoratedRows):
            return object_list
        return ExportRows(object_list, self.decorate, self.export_values)  # every row, a thousand at a time

    def to_row_dict(self, item):
        """list_export's values of a row: Wagtail's multigetattr resolves each dotted name as a template variable
        does, a third of the network events export's time; the rows here need attributes and calls only."""
        return {field: _follow(item, field) for field in self.list_export}


def _follow(item, dotted):
    for name in dotted.split("."):
        if item is None:
            return None
        item = getattr(item, name)
        if callable(item) and not getattr(item, "do_not_call_in_templates", False):  # a related manager stays
            item = item()
    return item


class DecoratedRows(list):
    """A page of rows already decorated."""


class ExportRows:
    """Every row of an export, read from the database and decorated a thousand at a time as the file is written:
    an export of the network's 15,000 events never holds them all (a CSV is streamed as it is read)."""

    chunk = 1000

    def __init__(self, queryset, decorate, values=None):
        self.queryset, self.decorate, self.values, self.model = queryset, decorate, values, queryset.model

    def __iter__(self):
        if self.values:
            rows = (ExportRow(self.model, row) for row in self.queryset.values(*self.values).iterator(self.chunk))
        else:
            rows = self.queryset.iterator(chunk_size=self.chunk)
        while chunk := list(itertools.islice(rows, self.chunk)):
            yield from self.decorate(chunk)


class ExportRow:
    """One row of an export read with values(), not as a page: building the pages was half of the network events
    export's time. It answers what list_export and `decorate` ask: attributes (`school__title` as `school.title`)
    and `get_<field>_display` from the model's choices, as the page would."""

    def __init__(self, model, values):
        self._model = model
        for key, value in values.items():
            *path, name = key.split("__")
            target = self
            for part in path:
                target = target.__dict__.setdefault(part, SimpleNamespace())
            setattr(target, name, value)

    def __getattr__(self, name):
        if name.startswith("get_") and name.endswith("_display"):
            field = self._model._meta.get_field(name.removeprefix("get_").removesuffix("_display"))
            value = getattr(self, field.attname)
            return lambda: choice_label(field, value)
        raise AttributeError(name)


class SchoolsFilterSet(ScopedFilterSet):
    norm = django_filters.ChoiceFilter(
        label=_("Partner schools"),
        method="by_norm",
        empty_label=_("Any number"),
        choices=[("over", _("Over the one-to-ten ratio")), ("under", _("Under the one-to-ten ratio"))],
    )
    thin = django_filters.ChoiceFilter(
        label=_("Activity in the period"),
        method="by_activity",
        empty_label=pgettext_lazy("filter", "Any"),
        choices=[("1", _("None: where the network is thin"))],
    )

    class Meta:
        model = LeadingSchoolPage
        fields = []

    def by_norm(self, queryset, name, value):
        ratio = network_rules.PARTNER_SCHOOLS_PER_LEADING_SCHOOL
        counted = queryset.annotate(partner_total=Count("partner_schools", distinct=True))
        if value == "over":
            return counted.filter(partner_total__gt=ratio)
        if value == "under":
            return counted.filter(partner_total__lt=ratio)
        return queryset

    def by_activity(self, queryset, name, value):
        if value != "1":
            return queryset
        from monitoring.models import AreaFigures

        period = Period.from_param(self.data.get("period"))
        _school_rows(period, [])  # counts the period first if it never was
        # The network's stored sums keep the ids of its schools with no activity: no need to read 750 rows.
        thin = (
            AreaFigures.objects.filter(period_start=period.start, area=AreaFigures.NETWORK)
            .values_list("thin_schools", flat=True)
            .first()
            or []
        )
        return queryset.filter(pk__in=thin)


def _school_rows(period, school_ids):
    from monitoring.models import FiguresRefresh, SchoolFigures

    if not FiguresRefresh.objects.filter(period_start=period.start).exists():
        stored.refresh(period)
    return dict(
        SchoolFigures.objects.filter(period_start=period.start, school_id__in=school_ids).values_list(
            "school_id", "figures"
        )
    )


class PlainColumn(Column):
    """A cell written directly: Wagtail's cell template, rendered 500 times, was half of the report's time."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        return format_html("<td>{}</td>", "" if value is None else value)


class FigureColumn(PlainColumn):
    def __init__(self, name, label):
        super().__init__(name, label=label, accessor=lambda school: school.figures.get(name, 0))


class SchoolsReport(ScopedReport):
    page_title = _("Leading Schools in numbers")
    header_icon = "site"
    index_url_name = "monitoring:schools"
    index_results_url_name = "monitoring:schools_results"
    filterset_class = SchoolsFilterSet
    list_export = ["title", "region_title", "partners"] + [
        name for name, _label in report.COMPARISON_FIELDS if name != "partners"
    ]
    export_headings = {
        "title": _("Leading School"),
        "region_title": _("Region"),
        **{name: label for name, label in report.COMPARISON_FIELDS},
    }

    @property
    def columns(self):
        links = AdminLinks(self.scope, self.period)
        return [
            TitleColumn("title", label=_("Leading School"), get_url=lambda school: links.school(school.pk)),
            PlainColumn("region_title", label=_("Region")),
        ] + [FigureColumn(name, label) for name, label in report.COMPARISON_FIELDS]

    def get_filename(self):
        return f"leading-schools-{self.period.label}"

    def get_queryset(self):
        # Plain rows, not pages: an export of every school built 750 page objects to read three columns.
        return (
            self.scoped_schools()
            .annotate(region_title=F("region__title"))
            .order_by("region_title", "title")
            .values("id", "title", "region_title")
        )

    def decorate(self, rows):
        figures = _school_rows(self.period, [row["id"] for row in rows])
        return [SchoolRow(row, figures.get(row["id"], {})) for row in rows]


class SchoolRow:
    """A school of the report: its title, region and stored figures, as the columns and the export read them."""

    def __init__(self, row, figures):
        self.pk, self.title, self.region_title, self.figures = row["id"], row["title"], row["region_title"], figures
        for name, _label in report.COMPARISON_FIELDS:
            setattr(self, name, figures.get(name, 0))


class SubmissionsFilterSet(ScopedFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Outcome"),
        choices=Submission.State.choices,
        method="by_state",
        empty_label=pgettext_lazy("filter", "Any"),
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stage"),
        choices=review_rules.Stage.choices,
        method="by_stage",
        empty_label=pgettext_lazy("filter", "Any"),
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=review_rules.Category.choices, empty_label=pgettext_lazy("filter", "Any")
    )
    level = django_filters.ChoiceFilter(
        label=_("Dissemination level"),
        choices=review_rules.DisseminationLevel.choices,
        empty_label=pgettext_lazy("filter", "Any"),
    )
    overdue = django_filters.ChoiceFilter(
        label=_("Overdue"),
        method="by_overdue",
        empty_label=pgettext_lazy("filter", "Any"),
        choices=[("1", _("Overdue tasks only"))],
    )
    coverage = django_filters.ChoiceFilter(
        label=_("Dissemination coverage"),
        method="by_coverage",
        empty_label=pgettext_lazy("filter", "Any"),
        choices=[("reached", _("Reached"))],
    )

    class Meta:
        model = Submission
        fields = []

    def by_state(self, queryset, name, value):
        return queryset.filter(state=value) if value else queryset

    def by_stage(self, queryset, name, value):
        # Open submissions at that stage (an overdue list keeps its own state filter).
        return queryset.filter(stage=value, state__in=Submission.OPEN_STATES) if value else queryset

    def by_coverage(self, queryset, name, value):
        """Approved experience whose recorded dissemination reached the coverage the council required (the
        submission counts its places: Submission.coverage_done)."""
        if value != "reached":
            return queryset
        approved = queryset.filter(state=Submission.State.APPROVED, required_coverage__isnull=False).prefetch_related(
            "dissemination_events"
        )
        return queryset.filter(
            pk__in=[
                submission.pk for submission in approved if submission.coverage_done() >= submission.required_coverage
            ]
        )

    def by_overdue(self, queryset, name, value):
        if value != "1":
            return queryset
        return queryset.filter(state=Submission.State.IN_REVIEW, stage_due__lt=timezone.now())


class SubmissionsReport(ScopedReport):
    """Submissions of the scope: titles, schools and stages, no author named (the figures' list)."""

    page_title = _("Submissions in numbers")
    header_icon = "tasks"
    index_url_name = "monitoring:submissions"
    index_results_url_name = "monitoring:submissions_results"
    filterset_class = SubmissionsFilterSet
    list_export = [
        "title",
        "school.title",
        "region.title",
        "category",
        "stage",
        "state",
        "submitted_at",
        "stage_due",
        "level",
        "decided_at",
    ]
    export_headings = {"school.title": _("Leading School"), "region.title": _("Region")}
    columns = [
        Column("title", label=_("title")),
        Column("school", label=_("Leading School")),
        Column("get_category_display", label=_("Category")),
        Column("get_stage_display", label=_("Stage")),
        Column("get_state_display", label=_("Outcome")),
        Column("submitted_at", label=_("submitted")),
        Column("stage_due", label=_("decision due")),
    ]

    def get_filename(self):
        return f"submissions-{self.period.label}"

    def get_queryset(self):
        start, end = self.period.bounds()
        schools = self.scoped_schools().values("translation_key")
        submissions = Submission.objects.filter(school__translation_key__in=schools).select_related("school", "region")
        overdue_asked = self.request.GET.get("overdue") == "1"
        if not overdue_asked:  # overdue tasks are those of now, whenever the submission was sent
            period = Q(submitted_at__gte=start, submitted_at__lt=end)
            if self.request.GET.get("state") == Submission.State.APPROVED:
                period = Q(decided_at__gte=start, decided_at__lt=end)
            submissions = submissions.filter(period)
        return submissions.order_by("-submitted_at", "-pk")


class TeachersReport(ScopedReport):
    """Teachers affiliated with the scope's schools (confirmed memberships)."""

    page_title = _("Teachers affiliated")
    header_icon = "group"
    index_url_name = "monitoring:teachers"
    index_results_url_name = "monitoring:teachers_results"
    filterset_class = type(
        "TeachersFilterSet", (ScopedFilterSet,), {"Meta": type("Meta", (), {"model": SchoolMembership, "fields": []})}
    )
    list_export = ["user.get_full_name", "school.title", "partner_school.name", "position"]
    export_headings = {
        "user.get_full_name": _("full name"),
        "school.title": _("Leading School"),
        "partner_school.name": _("partner school"),
        "position": _("position"),
    }
    columns = [
        Column("user", label=_("teacher"), accessor=lambda m: m.user.get_full_name() or m.user.get_username()),
        Column("school", label=_("Leading School")),
        Column("partner_school", label=_("partner school")),
        Column("position", label=_("position")),
    ]

    def get_filename(self):
        return "teachers-affiliated"

    def get_queryset(self):
        schools = self.scoped_schools().values("translation_key")
        return (
            SchoolMembership.objects.filter(school__translation_key__in=schools)
            .select_related("user", "school", "partner_school")
            .order_by("school__title", "user__last_name")
        )


# What the lists of pages read: not the body, whose width made sorting 20,000 events spill to disk.
LIST_FIELDS = ("id", "title", "translation_key", "locale_id", "school__title", "region__title")


class CappedWagtailPaginator(CappedPaginator, WagtailPaginator):
    """Counts at most 1,000 rows (20 pages), without the list's joins: each counted row costs a look-up of its page
    (live, language, translation), and counting 5,000 through the school's join took 0.5–1 s at national scale
    (EXPLAIN ANALYZE, bench/README.md); the figures above the list give the exact numbers."""

    cap = 1000

    @cached_property
    def count(self):
        return self.object_list.select_related(None).order_by()[: self.cap].count()


class CappedReport(ScopedReport):
    """A list of pages counted up to a cap (CappedWagtailPaginator)."""

    paginator_class = CappedWagtailPaginator


class EventsFilterSet(ScopedFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind of event"), choices=EventKind.choices, empty_label=pgettext_lazy("filter", "Any")
    )
    month = django_filters.ChoiceFilter(
        label=_("Month"), choices=[], method="by_month", empty_label=pgettext_lazy("filter", "Any")
    )
    held = django_filters.ChoiceFilter(
        label=_("Held"),
        method="by_held",
        empty_label=pgettext_lazy("filter", "Any"),
        choices=[("1", _("Begun by now"))],
    )
    registrations = django_filters.ChoiceFilter(
        label=_("Registrations"),
        method="by_registrations",
        empty_label=pgettext_lazy("filter", "Any"),
        choices=[
            ("any", _("With registrations")),
            ("held", _("Begun, with registrations")),
            ("marked", _("Begun, attendance marked")),
            ("present", _("With teachers present")),
            ("absent", _("With registered teachers absent")),
            ("unmarked", _("Begun, attendance not marked")),
        ],
    )

    class Meta:
        model = EventPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        period = Period.from_param(self.data.get("period"))
        self.filters["month"].extra["choices"] = [(month, report.month_label(month)) for month in period.months()]

    def by_month(self, queryset, name, value):
        start, end = month_bounds(datetime.date.fromisoformat(f"{value}-01"))
        return queryset.filter(start__gte=start, start__lt=end)  # the month it began in, as the figures count

    def by_held(self, queryset, name, value):
        return queryset.filter(start__lt=timezone.now()) if value == "1" else queryset

    def by_registrations(self, queryset, name, value):
        """Events with such registrations: a semi-join on their desks (which copy the event's start and record the
        marking), and only for present/absent a look-up of one registration per desk; no count per event."""
        from attendance.models import Registration, RegistrationDesk

        period = Period.from_param(self.data.get("period"))
        start, end = period.bounds()
        now = timezone.now()
        confirmed = Registration.objects.filter(desk=OuterRef("pk"), status=Registration.Status.CONFIRMED)
        held = {"event_start__lt": now}
        marked = {**held, "attendance_marked_at__isnull": False}
        conditions = {
            "any": ({}, confirmed),
            "held": (held, confirmed),
            "marked": (marked, confirmed),
            "present": (marked, confirmed.filter(attended=True)),
            "absent": (marked, confirmed.filter(attended=False)),
            "unmarked": ({**held, "attendance_marked_at__isnull": True}, confirmed),
        }
        if value not in conditions:
            return queryset
        desk_filter, registrations = conditions[value]
        desks = RegistrationDesk.objects.filter(Exists(registrations), event_start__gte=start, event_start__lt=end)
        return queryset.filter(translation_key__in=desks.filter(**desk_filter).values("event_key"))


def registration_counts(events):
    """{translation key: (registered, present, absent, attendance marked at)} of these events in one query; present
    and absent are None where attendance was not marked (nobody knows who came)."""
    from attendance.models import Registration

    now = timezone.now()
    marked = Q(event_start__lt=now, desk__attendance_marked_at__isnull=False)
    rows = (
        Registration.objects.filter(
            desk__event_key__in=[event.translation_key for event in events], status=Registration.Status.CONFIRMED
        )
        .values("desk__event_key", "desk__attendance_marked_at")
        .annotate(
            registered=Count("pk"),
            present=Count("pk", filter=marked & Q(attended=True)),
            absent=Count("pk", filter=marked & Q(attended=False)),
        )
    )
    return {
        row["desk__event_key"]: (
            row["registered"],
            row["present"] if row["desk__attendance_marked_at"] else None,
            row["absent"] if row["desk__attendance_marked_at"] else None,
            row["desk__attendance_marked_at"],
        )
        for row in rows
    }


def attendance_state(event, marked_at, now):
    """What the list says of an event's attendance: when it was marked; "not marked" for an event begun with
    registrations; nothing for an event to come or without registrations."""
    if marked_at is not None:
        return timezone.localtime(marked_at).date()
    if event.registered and event.start < now:
        return _("not marked")
    return None


class EventsReport(CappedReport):
    """The events of the scope in the period, once each whatever their languages, with their registrations: the
    list behind "events held" and the registration figures. No teacher is named (the organisers' own pages do)."""

    page_title = _("Events and registrations")
    header_icon = "date"
    index_url_name = "monitoring:events"
    index_results_url_name = "monitoring:events_results"
    filterset_class = EventsFilterSet
    export_values = (*LIST_FIELDS, "start", "kind")
    list_export = [
        "title",
        "school.title",
        "region.title",
        "get_kind_display",
        "start",
        "registered",
        "present",
        "absent",
        "attendance",
    ]
    export_headings = {
        "title": _("title"),
        "school.title": _("Leading School"),
        "region.title": _("Region"),
        "get_kind_display": _("Kind of event"),
        "start": _("starts"),
        "registered": _("Registrations for events"),
        "present": pgettext_lazy("count of teachers", "Present"),
        "absent": pgettext_lazy("count of teachers", "Absent"),
        "attendance": _("Attendance marked"),
    }

    @property
    def columns(self):
        return [
            PlainColumn("title", label=_("title")),
            PlainColumn("school", label=_("Leading School"), accessor="school.title"),
            PlainColumn("kind", label=_("Kind of event"), accessor="get_kind_display"),
            Column("start", label=_("starts")),
            PlainColumn("registered", label=_("Registrations for events")),
            PlainColumn("present", label=pgettext_lazy("count of teachers", "Present")),
            PlainColumn("absent", label=pgettext_lazy("count of teachers", "Absent")),
            PlainColumn("attendance", label=_("Attendance marked")),
        ]

    def get_filename(self):
        return f"events-{self.period.label}"

    def get_queryset(self):
        start, end = self.period.bounds()
        events = self.in_scope(EventPage.objects.filter(live=True, start__gte=start, start__lt=end, is_cancelled=False))
        events = once_per_translation(events).only(*LIST_FIELDS, "start", "kind")
        return events.select_related("school", "region").order_by("-start", "-pk")

    def decorate(self, events):
        counts = registration_counts(events)
        now = timezone.now()
        for event in events:
            event.registered, event.present, event.absent, marked_at = counts.get(
                event.translation_key, (0, None, None, None)
            )
            event.attendance = attendance_state(event, marked_at, now)
        return events


def once_per_translation(pages):
    """Each page once, as the figures count it: its version in the default language, or, where that is not live,
    the version given. (A GROUP BY over the translation keys of 15,000 national events took a second.)"""
    default = Locale.get_default()
    defaults = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=default, live=True)
    return pages.filter(Q(locale=default) | ~Exists(defaults))


class PostsFilterSet(ScopedFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=ContentLanguage.choices, method="keep", empty_label=pgettext_lazy("filter", "Any")
    )

    class Meta:
        model = BlogPostPage
        fields = []


class PostsReport(CappedReport):
    """The blog posts of the scope published in the period (dated in it, not in the future), once each; with a
    language, those that exist in it."""

    page_title = _("Blog posts published")
    header_icon = "doc-full"
    index_url_name = "monitoring:posts"
    index_results_url_name = "monitoring:posts_results"
    filterset_class = PostsFilterSet
    export_values = (*LIST_FIELDS, "date")
    list_export = ["title", "school.title", "region.title", "date"]
    export_headings = {
        "title": _("title"),
        "school.title": _("Leading School"),
        "region.title": _("Region"),
        "date": _("date"),
    }

    @property
    def columns(self):
        return [
            PlainColumn("title", label=_("title")),
            PlainColumn("school", label=_("Leading School"), accessor="school.title"),
            PlainColumn("region", label=_("Region"), accessor="region.title"),
            Column("date", label=_("date")),
        ]

    def get_filename(self):
        return f"posts-{self.period.label}"

    def get_queryset(self):
        posts = self.in_scope(
            BlogPostPage.objects.filter(
                live=True, date__gte=self.period.start, date__lt=self.period.end, date__lte=timezone.localdate()
            )
        )
        language = self.request.GET.get("language")
        if language in ContentLanguage.values:  # those that exist in the language, once each
            posts = posts.filter(
                locale_id=Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
            )
        else:
            posts = once_per_translation(posts)
        return posts.only(*LIST_FIELDS, "date").select_related("school", "region").order_by("-date", "-pk")


class ResourcesFilterSet(ScopedFilterSet):
    # Read by the view, which filters before choosing one version: "in Russian" lists those that exist in Russian.
    kind = django_filters.ChoiceFilter(
        label=_("Kind of resource"),
        choices=ResourceKind.choices,
        method="keep",
        empty_label=pgettext_lazy("filter", "Any"),
    )
    subject = django_filters.ChoiceFilter(
        label=_("Subject"), choices=Subject.choices, method="keep", empty_label=pgettext_lazy("filter", "Any")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=ContentLanguage.choices, method="keep", empty_label=pgettext_lazy("filter", "Any")
    )

    class Meta:
        model = ResourcePage
        fields = []


class ResourcesReport(CappedReport):
    """The resources of the scope first published in the period, once each, with the downloads of all their
    language versions (the figure "downloads" is their sum)."""

    page_title = _("Resources published")
    header_icon = "doc-full-inverse"
    index_url_name = "monitoring:resources"
    index_results_url_name = "monitoring:resources_results"
    filterset_class = ResourcesFilterSet
    export_values = (*LIST_FIELDS, "published_at", "kind", "subject", "language")
    list_export = [
        "title",
        "school.title",
        "region.title",
        "get_kind_display",
        "get_subject_display",
        "get_language_display",
        "published_at",
        "downloads",
    ]
    export_headings = {
        "title": _("title"),
        "school.title": _("Leading School"),
        "region.title": _("Region"),
        "get_kind_display": _("Kind of resource"),
        "get_subject_display": _("Subject"),
        "get_language_display": _("Language"),
        "published_at": _("first published"),
        "downloads": _("Downloads of these resources"),
    }

    @property
    def columns(self):
        return [
            PlainColumn("title", label=_("title")),
            PlainColumn("school", label=_("Leading School"), accessor="school.title"),
            PlainColumn("kind", label=_("Kind of resource"), accessor="get_kind_display"),
            PlainColumn("subject", label=_("Subject"), accessor="get_subject_display"),
            PlainColumn("language", label=_("Language"), accessor="get_language_display"),
            Column("published_at", label=_("first published")),
            PlainColumn("downloads", label=_("Downloads of these resources")),
        ]

    def get_filename(self):
        return f"resources-{self.period.label}"

    def get_queryset(self):
        start, end = self.period.bounds()
        resources = self.in_scope(ResourcePage.objects.filter(live=True, published_at__gte=start, published_at__lt=end))
        for name, choices in (("kind", ResourceKind), ("subject", Subject), ("language", ContentLanguage)):
            if self.request.GET.get(name) in choices.values:
                resources = resources.filter(**{name: self.request.GET[name]})
        return (
            once_per_translation(resources)
            .only(*LIST_FIELDS, "published_at", "kind", "subject", "language")
            .select_related("school", "region")
            .order_by("-published_at", "-pk")
        )

    def decorate(self, resources):
        """Each resource's downloads: those of every live language version (each has a file and a counter)."""
        downloads = dict(
            ResourcePage.objects.filter(live=True, translation_key__in=[r.translation_key for r in resources])
            .order_by()
            .values("translation_key")
            .annotate(total=Sum("download_count"))
            .values_list("translation_key", "total")
        )
        for resource in resources:
            resource.downloads = downloads.get(resource.translation_key, 0)
        return resources
