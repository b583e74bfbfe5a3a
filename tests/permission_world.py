"""The people and records the permission matrix (tests/test_permission_matrix.py) asks about, built once per module.

Two demo Leading Schools, A (school-54) and B (school-159), and one person per role. Every record a URL names
belongs to school A (its submission, task, files, dissemination evidence, join request, event, registration,
certificate, author record, translation), so that each role's answer says whether it reaches A's records.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Locale

from network.models import BlogPostPage, EventPage, LeadingSchoolPage, SchoolWorkspace, Teacher

ROLES = (
    "anonymous",
    "teacher_a",
    "teacher_b",
    "editor_a",
    "moderator_a",
    "head_a",
    "regional_council",
    "republican_council",
    "association",
    "trainer",
    "superuser",
)


def school(slug):
    return LeadingSchoolPage.objects.get(slug=slug, locale__language_code="kk")


def build_world():
    from accounts import services as accounts_services
    from accounts.models import AffiliationRequest
    from attendance import services as attendance_services
    from attendance.models import Certificate, Registration
    from monitoring.models import MonitoringRole
    from visitors.models import HiddenSearchTerm
    from workflows import notifications, rules, services
    from workflows.factories import complete_draft, make_user, reviewer, teacher
    from workflows.models import ReviewerRole, SchoolMembership, Submission

    a, b = school("school-54"), school("school-159")
    workspace_a = SchoolWorkspace.objects.get(translation_key=a.translation_key)
    Role = ReviewerRole.Role
    users = {
        "teacher_a": teacher("matrix_teacher_a", a),
        "teacher_b": teacher("matrix_teacher_b", b),
        "editor_a": make_user("matrix_editor_a"),
        "moderator_a": make_user("matrix_moderator_a"),
        "head_a": reviewer("matrix_head_a", Role.SCHOOL_HEAD, school=a),
        "regional_council": reviewer("matrix_council", Role.REGIONAL_COUNCIL, region=a.region),
        "republican_council": reviewer("matrix_republican", Role.REPUBLICAN_COUNCIL),
        "association": reviewer("matrix_association", Role.ASSOCIATION),
        "trainer": make_user("matrix_trainer"),  # the MonitoringRole below lets them into the admin
        "superuser": get_user_model().objects.create_superuser("matrix_boss", "boss@matrix.kz", "pass-for-tests"),
    }
    users["editor_a"].groups.add(workspace_a.editors)
    users["moderator_a"].groups.add(workspace_a.moderators)
    trainer_role = MonitoringRole.objects.create(
        user=users["trainer"], role=MonitoringRole.Role.TRAINER, region=a.region
    )

    with notifications.quietly():
        # A submission waiting at the school stage: the head's open task.
        pending = complete_draft(users["teacher_a"], title="Pending at the school")
        services.submit(pending, users["teacher_a"])
        # An approved one, with its conclusion and a dissemination event with evidence.
        approved = complete_draft(users["teacher_a"], title="Approved by the regional council")
        services.submit(approved, users["teacher_a"])
        services.decide(services.open_task_of(approved).pk, users["head_a"], rules.Decision.ENDORSE, comment="Ok")
        approved = Submission.objects.get(pk=approved.pk)
        services.decide(
            services.open_task_of(approved).pk,
            users["regional_council"],
            rules.Decision.APPROVE,
            protocol_number="7",
            protocol_date=timezone.localdate(),
            conclusion="Recommended.",
        )
        approved = Submission.objects.get(pk=approved.pk)
        evidence = services.record_dissemination(
            approved,
            users["teacher_a"],
            date=timezone.localdate(),
            place="School 8",
            district="Saryarka",
            description="A seminar.",
            evidence=SimpleUploadedFile("evidence.pdf", b"%PDF-1.4\nevidence", "application/pdf"),
        )
    pending = Submission.objects.get(pk=pending.pk)

    # A teacher's pending request to join school A.
    newcomer = make_user("matrix_newcomer", group="Teachers")
    join = accounts_services.ask_to_join(newcomer, a, position="Teacher of mathematics")

    # School A's event, its registration desk, teacher A's registration and certificate.
    event = EventPage.objects.filter(school=a, locale__language_code="kk").first()
    move_event(event, days=10)
    desk = attendance_services.open_desk(event, capacity=10)
    attendance_services.register(desk.pk, users["teacher_a"])
    move_event(event, days=-2)
    attendance_services.mark_attendance(
        desk.pk, Registration.objects.filter(desk=desk).values_list("pk", flat=True), by=users["editor_a"]
    )
    attendance_services.issue_batch(desk.pk)
    certificate = Certificate.objects.get(registration__desk=desk)

    # A post of school A in translation (wagtail-localize), as an editor starts it.
    translation = translate_a_post(a, users["editor_a"])

    ids = {
        "school_a": a.pk,
        "submission": pending.pk,
        "approved": approved.pk,
        "task": services.open_task_of(pending).pk,
        "file": pending.files.first().pk,
        "evidence": evidence.pk,
        "join_request": join.pk,
        "event": event.pk,
        "desk": desk.pk,
        "registration": Registration.objects.get(desk=desk).pk,
        "certificate": certificate.pk,
        "certificate_number": certificate.number,
        "teacher_record": Teacher.objects.filter(school=a).first().pk,
        "reviewer_role": ReviewerRole.objects.get(user=users["head_a"]).pk,
        "monitoring_role": trainer_role.pk,
        "membership": SchoolMembership.objects.get(user=users["teacher_a"]).pk,
        "hidden_term": HiddenSearchTerm.objects.create(query_string="matrix").pk,
        "blog_category": blog_category().pk,
        "blog_tag": blog_tag().pk,
        "action_approve": "approve",
        "no_task_state": 2_000_000_000,
        "post": translation["post"],
        "translation": translation["translation"],
        "translation_source": translation["source"],
        "locale_en": Locale.objects.get(language_code="en").pk,
    }
    assert AffiliationRequest.objects.get(pk=join.pk).status == "pending"
    return users, ids


def move_event(event, days):
    start = timezone.now() + datetime.timedelta(days=days)
    EventPage.objects.filter(translation_key=event.translation_key).update(
        start=start, end=start + datetime.timedelta(hours=3)
    )
    event.refresh_from_db()


def blog_category():
    from network.models import BlogCategory

    return BlogCategory.objects.first() or BlogCategory.objects.create(
        name_kk="Санат", name_ru="Категория", name_en="Category"
    )


def blog_tag():
    """A tag carried by a post of school A (its editors and moderators name it in ru/en: network/forms.py)."""
    from network.models import BlogTag

    a = school("school-54")
    tag = BlogTag.objects.filter(tagged_posts__content_object__school=a).first()
    if tag is None:
        tag, _created = BlogTag.objects.get_or_create(name="тег", slug="teg", defaults={"name_en": "tag"})
        post = BlogPostPage.objects.filter(school=a, locale__language_code="kk").first()
        post.tags.add(tag)
        post.save()
    return tag


def translate_a_post(a, editor):
    """Starts the Russian translation of one of A's Kazakh posts as the editor would, through the real view."""
    from django.test import Client
    from wagtail_localize.models import Translation, TranslationSource

    ru = Locale.objects.get(language_code="ru")
    post = next(
        post
        for post in BlogPostPage.objects.filter(school=a, locale__language_code="kk", live=True)
        if post.get_translation_or_none(ru) is None
    )
    client = Client()
    client.force_login(editor)
    response = client.post(f"/admin/localize/submit/page/{post.pk}/", {"locales": [ru.pk]})
    assert response.status_code == 302, response.content.decode()[:500]
    source = TranslationSource.objects.get_for_instance(post)
    return {
        "post": post.pk,
        "source": source.pk,
        "translation": Translation.objects.get(source=source, target_locale=ru).pk,
    }


def fingerprint():
    """What a refused request must leave as it was: every record the matrix's URLs can change, read back."""
    from viewflow.workflow.models import Task
    from wagtail.models import Page, Revision, WorkflowState
    from wagtail_localize.models import StringTranslation, Translation

    from accounts.models import AffiliationRequest
    from attendance.models import Certificate, Registration, RegistrationDesk
    from monitoring.models import MonitoringRole
    from network.models import BlogCategory
    from visitors.models import HiddenSearchTerm
    from workflows.models import DisseminationEvent, ReviewerRole, SchoolMembership, Submission, SubmissionEvent

    def rows(queryset, *fields):
        return sorted(queryset.values_list("pk", *fields))

    return {
        "submissions": rows(Submission.objects, "state", "stage", "title", "round"),
        "tasks": rows(Task.objects, "status", "owner_id"),
        "history": SubmissionEvent.objects.count(),
        "dissemination": rows(DisseminationEvent.objects, "place", "evidence"),
        "requests": rows(AffiliationRequest.objects, "status"),
        "memberships": rows(SchoolMembership.objects, "school_id", "partner_school_id"),
        "desks": rows(RegistrationDesk.objects, "is_open", "capacity", "hours", "issue_total"),
        "registrations": rows(Registration.objects, "status", "attended"),
        "certificates": rows(Certificate.objects, "revoked_at"),
        "teachers": rows(Teacher.objects, "full_name", "school_id", "user_id"),
        "roles": rows(ReviewerRole.objects, "role", "school_id", "region_id"),
        "monitoring_roles": rows(MonitoringRole.objects, "role", "region_id"),
        "hidden_terms": rows(HiddenSearchTerm.objects, "query_string"),
        "categories": rows(BlogCategory.objects, "name_kk"),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "workflow_states": rows(WorkflowState.objects, "status"),
        "translations": rows(Translation.objects, "enabled"),
        "string_translations": StringTranslation.objects.count(),
    }
