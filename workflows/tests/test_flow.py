"""The review's routes and decisions, driven through the service layer on a real database."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from home.factories import make_home
from network.factories import make_school
from workflows import rules, services
from workflows.factories import complete_draft, reviewer, teacher, upload
from workflows.flows import SubmissionFlow
from workflows.models import ApprovedExperiencePage, ReviewerRole, Submission, SubmissionEvent

Role = ReviewerRole.Role
PROTOCOL = {"protocol_number": "7", "protocol_date": datetime.date(2026, 11, 1)}


@pytest.fixture(autouse=True)
def english():
    """These tests read the engine's messages in English; the catalogues' kk and ru are tested elsewhere."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.WORKFLOWS_PRIVATE_ROOT = tmp_path / "private"
    settings.SENDFILE_ROOT = str(settings.WORKFLOWS_PRIVATE_ROOT)  # where django-sendfile2 may read
    return settings.WORKFLOWS_PRIVATE_ROOT


@pytest.fixture
def network(request, db, workflows_network_rows):
    """Two Leading Schools and their reviewers, restored from the rows written once per test process
    (conftest.py, tests/db_snapshot.py): the same rows as `build_network()`, without building them each time."""
    from tests import db_snapshot

    return db_snapshot.restored(request, workflows_network_rows, build_network)


def build_network():
    home = make_home()
    school = make_school(home, "Almaty region", "Leading School No. 1")
    other = make_school(home, "Karaganda region", "Leading School No. 2")
    return {
        "school": school,
        "other": other,
        "author": teacher("aigerim", school, full_name="Aigerim Bekova"),
        "head": reviewer("head1", Role.SCHOOL_HEAD, school=school),
        "other_head": reviewer("head2", Role.SCHOOL_HEAD, school=other),
        "regional": reviewer("council1", Role.REGIONAL_COUNCIL, region=school.region),
        "other_regional": reviewer("council2", Role.REGIONAL_COUNCIL, region=other.region),
        "association": reviewer("assoc", Role.ASSOCIATION),
        "republican": reviewer("rumc", Role.REPUBLICAN_COUNCIL),
    }


def open_task(submission):
    return Task.objects.get(process_id=submission.pk, status__in=[STATUS.NEW, STATUS.ASSIGNED])


def decide(submission, user, decision, **kwargs):
    if rules.needs_protocol(submission.stage, decision):
        kwargs = {**PROTOCOL, **kwargs}
    if decision in rules.DECISIONS_NEEDING_COMMENT:
        kwargs.setdefault("comment", "Please add the acts.")
    return services.decide(open_task(submission).pk, user, decision, **kwargs)


def reload(submission):
    return Submission.objects.get(pk=submission.pk)


def test_researcher_route_school_then_regional_council(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submission = complete_draft(network["author"])
        services.submit(submission, network["author"])
        submission = reload(submission)
        assert (submission.state, submission.stage) == ("in_review", "school")
        decide(submission, network["head"], rules.Decision.ENDORSE)
        submission = reload(submission)
        assert submission.stage == "regional"
        decide(submission, network["regional"], rules.Decision.APPROVE)
    submission = reload(submission)
    assert submission.state == "approved"
    assert submission.level == rules.DisseminationLevel.REGION
    assert (submission.required_coverage, submission.coverage_unit) == (3, "district_city")
    assert submission.status == "DONE"
    page = ApprovedExperiencePage.objects.get(submission=submission)
    assert page.live and page.get_parent().specific_class.__name__ == "ResourcePortalPage"


def test_two_approved_experiences_with_one_title_get_their_own_addresses(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            run_to(
                submitted(network),
                (network["head"], rules.Decision.ENDORSE),
                (network["regional"], rules.Decision.APPROVE),
            )
    first, second = ApprovedExperiencePage.objects.order_by("pk")
    assert first.title == second.title and first.get_parent().pk == second.get_parent().pk
    assert second.slug == f"{first.slug}-1"
    assert first.live and second.live


def run_to(submission, *steps):
    """Apply (reviewer, decision) steps in order, reloading between them."""
    for user, decision in steps:
        decide(reload(submission), user, decision)
    return reload(submission)


def submitted(network, **kwargs):
    submission = complete_draft(network["author"], **kwargs)
    services.submit(submission, network["author"])
    return reload(submission)


@pytest.mark.parametrize(
    "category",
    [
        rules.Category.TEACHER_RESEARCHER,
        rules.Category.HEAD_SECOND,
        rules.Category.HEAD_THIRD,
        rules.Category.DEPUTY_SECOND,
        rules.Category.DEPUTY_THIRD,
    ],
)
def test_regional_council_decides_for_researchers_and_second_third_category_heads(network, category):
    submission = submitted(network, category=category)
    submission = run_to(submission, (network["head"], "endorse"))
    assert submission.stage == "regional"
    assert rules.decisions_for("regional", category) == ("approve", "return", "reject")
    submission = run_to(submission, (network["regional"], "approve"))
    assert (submission.state, submission.level) == ("approved", "region")


def test_expert_goes_to_the_profile_association_and_gets_district_level(network):
    submission = submitted(network, category=rules.Category.TEACHER_EXPERT)
    assert submission.result_kind in rules.ASSOCIATION_RESULT_KINDS
    submission = run_to(submission, (network["head"], "endorse"))
    assert submission.stage == "association"
    submission = run_to(submission, (network["association"], "approve"))
    assert (submission.state, submission.level, submission.coverage_unit) == (
        "approved",
        "district_city",
        "district_city",
    )


def test_a_profile_association_examines_its_own_subject_only(network, django_capture_on_commit_callbacks):
    from workflows import roles

    mathematicians = reviewer("assoc_maths", Role.ASSOCIATION, subject="mathematics")
    historians = reviewer("assoc_history", Role.ASSOCIATION, subject="history")
    submission = submitted(network, category=rules.Category.TEACHER_EXPERT, subject="mathematics")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submission = run_to(submission, (network["head"], "endorse"))
    assert submission.stage == "association"
    # Told of the task: the mathematics association and the association of every profile, not the historians.
    told = {address for message in mail.outbox for address in message.to}
    assert mathematicians.email in told and network["association"].email in told and historians.email not in told
    assert roles.can_view_submission(mathematicians, submission)
    assert not roles.can_view_submission(historians, submission)
    assert not Task.objects.filter(roles.actionable_tasks_q(historians), process_id=submission.pk).exists()
    with pytest.raises(PermissionDenied):
        decide(submission, historians, "approve")
    assert reload(submission).state == "in_review"
    submission = run_to(submission, (mathematicians, "approve"))
    assert submission.state == "approved"
    # The approved experience keeps its subject: the library and the search facet by it.
    assert ApprovedExperiencePage.objects.get(submission=submission).subject == "mathematics"


def test_only_an_association_is_formed_by_profile(network):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewerRole.objects.create(
            user=network["regional"], role=Role.REGIONAL_COUNCIL, region=network["school"].region, subject="history"
        )


@pytest.mark.parametrize(
    "category", [rules.Category.TEACHER_MASTER, rules.Category.HEAD_FIRST, rules.Category.DEPUTY_FIRST]
)
def test_masters_and_first_category_heads_are_forwarded_to_the_republican_council(network, category):
    submission = submitted(network, category=category)
    submission = run_to(submission, (network["head"], "endorse"))
    assert rules.decisions_for("regional", category) == ("forward", "return", "reject")
    with pytest.raises(ValidationError):  # the regional stage may not approve what РОӘК decides
        decide(submission, network["regional"], "approve")
    submission = run_to(submission, (network["regional"], "forward"))
    assert (submission.stage, submission.reached) == ("republican", 2)
    submission = run_to(submission, (network["republican"], "approve"))
    assert (submission.state, submission.level, submission.coverage_unit) == ("approved", "republic", "region")
    history = list(submission.events.values_list("action", flat=True))
    assert history[:5] == ["created", "submitted", "endorse", "forward", "approve"]


@pytest.mark.parametrize(
    "path",
    [
        ["school"],
        ["school", "regional"],
        ["school", "regional", "republican"],
        ["school", "association"],
    ],
)
def test_reject_at_every_stage_ends_the_process_with_the_reason(network, path):
    category = {"association": rules.Category.TEACHER_EXPERT, "republican": rules.Category.TEACHER_MASTER}.get(
        path[-1], rules.Category.TEACHER_RESEARCHER
    )
    users = {
        "school": network["head"],
        "regional": network["regional"],
        "association": network["association"],
        "republican": network["republican"],
    }
    submission = submitted(network, category=category)
    for stage in path[:-1]:
        submission = run_to(submission, (users[stage], rules.decisions_for(stage, category)[0]))
    assert submission.stage == path[-1]
    decide(submission, users[path[-1]], "reject", comment="Not innovative.")
    submission = reload(submission)
    assert (submission.state, submission.rejection_reason, submission.status) == ("rejected", "Not innovative.", "DONE")
    assert not Task.objects.filter(process_id=submission.pk, status__in=["NEW", "ASSIGNED"]).exists()


@pytest.mark.parametrize(
    "path",
    [
        ["school"],
        ["school", "regional"],
        ["school", "regional", "republican"],
        ["school", "association"],
    ],
)
def test_return_for_revision_at_every_stage_comes_back_to_the_same_stage(network, path):
    category = {"association": rules.Category.TEACHER_EXPERT, "republican": rules.Category.TEACHER_MASTER}.get(
        path[-1], rules.Category.TEACHER_RESEARCHER
    )
    users = {
        "school": network["head"],
        "regional": network["regional"],
        "association": network["association"],
        "republican": network["republican"],
    }
    author = network["author"]
    submission = submitted(network, category=category)
    for stage in path[:-1]:
        submission = run_to(submission, (users[stage], rules.decisions_for(stage, category)[0]))
    decide(submission, users[path[-1]], "return", comment="Add the acts of implementation.")
    submission = reload(submission)
    assert (submission.state, submission.stage) == ("revision", path[-1])
    services.add_file(
        submission,
        author,
        upload("new act"),
        "supporting",
        "implementation_act",
    )
    services.submit(submission, author)
    submission = reload(submission)
    assert (submission.state, submission.stage, submission.round) == ("in_review", path[-1], 2)
    rounds = list(submission.events.filter(action__in=["return", "resubmitted"]).values_list("action", "round"))
    assert rounds == [("return", 1), ("resubmitted", 2)]


def test_decisions_need_protocol_and_reason(network):
    submission = run_to(submitted(network), (network["head"], "endorse"))
    task = open_task(submission)
    with pytest.raises(ValidationError) as error:
        services.decide(task.pk, network["regional"], "approve")
    assert {"protocol_number", "protocol_date"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError) as error:
        services.decide(task.pk, network["regional"], "return", **PROTOCOL)
    assert "comment" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.decide(
            task.pk, network["regional"], "approve", protocol_number="1", protocol_date=datetime.date(2999, 1, 1)
        )
    assert reload(submission).stage == "regional"


def test_decision_already_taken_is_refused_with_a_message(network):
    submission = submitted(network)
    task = open_task(submission)
    services.decide(task.pk, network["head"], "endorse")
    with pytest.raises(services.AlreadyDecided) as error:
        services.decide(task.pk, network["head"], "endorse")
    assert "already been decided" in error.value.message
    assert Task.objects.filter(process_id=submission.pk, flow_task=SubmissionFlow.regional_review).count() == 1


@pytest.mark.parametrize(
    "who,stage",
    [
        ("other_head", "school"),
        ("regional", "school"),
        ("author", "school"),
        ("association", "school"),
        ("other_regional", "regional"),
        ("head", "regional"),
        ("republican", "regional"),
        ("association", "regional"),
    ],
)
def test_each_role_is_refused_on_tasks_outside_its_scope(network, who, stage):
    submission = submitted(network)
    if stage == "regional":
        submission = run_to(submission, (network["head"], "endorse"))
    task = open_task(submission)
    with pytest.raises(PermissionDenied):
        services.claim(task.pk, network[who])
    with pytest.raises(PermissionDenied):
        services.decide(task.pk, network[who], rules.decisions_for(stage, submission.category)[0], **PROTOCOL)
    assert reload(submission).stage == stage


def test_claim_release_and_a_claimed_task_belongs_to_its_reviewer(network):
    second_head = reviewer("deputy", Role.SCHOOL_HEAD, school=network["school"])
    task = open_task(submitted(network))
    services.claim(task.pk, network["head"])
    with pytest.raises(services.AlreadyDecided):
        services.claim(task.pk, second_head)
    with pytest.raises(services.AlreadyDecided):
        services.decide(task.pk, second_head, "endorse")
    with pytest.raises(PermissionDenied):
        services.release(task.pk, second_head)
    services.release(task.pk, network["head"])
    services.decide(task.pk, second_head, "endorse")
    actions = list(SubmissionEvent.objects.filter(task=task).values_list("action", "actor__username"))
    assert actions == [("claimed", "head1"), ("released", "head1"), ("endorse", "deputy")]


def test_publication_is_limited_to_three_authors(network):
    submission = complete_draft(network["author"], result_kind=rules.ResultKind.PUBLICATION)
    services.set_co_authors(submission, network["author"], [{"full_name": "A"}, {"full_name": "B"}])
    assert submission.authors.count() == 3
    with pytest.raises(ValidationError) as error:
        services.set_co_authors(submission, network["author"], [{"full_name": n} for n in "ABC"])
    assert "at most 3 authors" in error.value.messages[0]
    assert submission.authors.count() == 3


def test_a_supporting_document_is_counted_once_and_the_refusal_names_where(network):
    from workflows.factories import upload

    first = complete_draft(network["author"], title="First experience")
    services.add_file(first, network["author"], upload(b"certificate 42"), "supporting", "certificate")
    colleague = teacher("dana", network["school"])
    second = complete_draft(colleague, title="Second experience")
    with pytest.raises(ValidationError) as error:
        services.add_file(second, colleague, upload(b"certificate 42", "copy.pdf"), "supporting", "certificate")
    assert "First experience" in error.value.messages[0] and str(first.pk) in error.value.messages[0]
    # The same content as a material is not a supporting document: no rule applies.
    services.add_file(second, colleague, upload(b"certificate 42", "copy.pdf"), "material")
    # A withdrawn submission frees its documents.
    services.withdraw(first, network["author"])
    services.add_file(second, colleague, upload(b"certificate 42", "copy.pdf"), "supporting", "certificate")


def test_withdrawal_is_a_state_and_cancels_the_open_task(network):
    submission = submitted(network)
    services.withdraw(submission, network["author"], comment="Will resubmit next year.")
    submission = reload(submission)
    assert (submission.state, submission.status) == ("withdrawn", "CANCELED")
    assert Task.objects.get(process_id=submission.pk, flow_task=SubmissionFlow.school_review).status == "CANCELED"
    with pytest.raises(services.WorkflowError):
        services.withdraw(submission, network["author"])
    with pytest.raises(PermissionDenied):
        services.withdraw(submitted(network), network["head"])


def test_incomplete_submission_is_refused(network):
    submission = services.create_draft(
        network["author"],
        network["author"].school_membership,
        title="T",
        category="teacher_expert",
        result_kind="textbook",
    )
    with pytest.raises(ValidationError) as error:
        services.submit(submission, network["author"])
    assert len(error.value.messages) == 3  # kind not counted for experts, no material, no supporting document
    assert reload(submission).state == "draft"


def test_a_failure_in_the_middle_of_a_transition_leaves_the_process_as_it_was(network, monkeypatch):
    submission = run_to(submitted(network), (network["head"], "endorse"))
    task = open_task(submission)

    def broken(self, activation):
        raise RuntimeError("disk full")

    monkeypatch.setattr(SubmissionFlow, "publish_experience", broken)
    SubmissionFlow.publish._func = SubmissionFlow.instance.publish_experience
    try:
        with pytest.raises(RuntimeError):
            services.decide(task.pk, network["regional"], "approve", **PROTOCOL)
    finally:
        monkeypatch.undo()
        SubmissionFlow.publish._func = SubmissionFlow.instance.publish_experience
    after = reload(submission)
    assert (after.state, after.stage, after.level) == ("in_review", "regional", "")
    school_task = Task.objects.get(process_id=submission.pk, flow_task=SubmissionFlow.school_review)
    assert school_task.data["decision"] == "endorse"
    task.refresh_from_db()
    assert task.status == "NEW"
    assert not after.events.filter(action="approve").exists()
    assert not ApprovedExperiencePage.objects.exists()
    services.decide(task.pk, network["regional"], "approve", **PROTOCOL)
    assert reload(submission).state == "approved"


def test_notifications_reach_role_holders_and_author_in_their_language(network, django_capture_on_commit_callbacks):
    from wagtail.users.models import UserProfile

    from workflows.factories import make_user

    UserProfile.objects.update_or_create(user=network["author"], defaults={"preferred_language": "ru"})
    UserProfile.objects.update_or_create(user=network["regional"], defaults={"preferred_language": "en"})
    second_member = reviewer("council3", Role.REGIONAL_COUNCIL, region=network["school"].region)
    make_user("council3", language="kk")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submission = submitted(network)
    assert [m.to for m in mail.outbox] == [["head1@example.kz"]]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(submission, network["head"], "endorse")
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"aigerim@example.kz", "council1@example.kz", "council3@example.kz"}
    languages = {address: message.extra_headers["Content-Language"] for address, message in by_recipient.items()}
    assert languages == {"aigerim@example.kz": "ru", "council1@example.kz": "en", "council3@example.kz": "kk"}
    with translation.override("ru"):
        assert by_recipient["aigerim@example.kz"].subject == _("Decision on your submission: %(title)s") % {
            "title": submission.title
        }
    assert by_recipient["council1@example.kz"].subject.startswith("New submission to review")
    assert "council2@example.kz" not in by_recipient  # another region's council is not told
    assert second_member.email in by_recipient


def test_deadline_reminders_before_and_after_once_each(network, django_capture_on_commit_callbacks, run_command):
    from django.utils import timezone

    submission = submitted(network)
    Submission.objects.filter(pk=submission.pk).update(stage_due=timezone.now() + datetime.timedelta(days=1))
    mail.outbox.clear()
    assert "1 due soon, 0 overdue" in run_command("send_review_reminders")
    assert [m.to for m in mail.outbox] == [["head1@example.kz"]]
    assert "0 due soon, 0 overdue" in run_command("send_review_reminders")
    Submission.objects.filter(pk=submission.pk).update(stage_due=timezone.now() - datetime.timedelta(days=1))
    assert "0 due soon, 1 overdue" in run_command("send_review_reminders")
    assert len(mail.outbox) == 2
    with translation.override("kk"):
        assert mail.outbox[1].subject == _("Overdue review: %(title)s") % {"title": submission.title}


def test_approval_publishes_the_page_in_the_submissions_language(network, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    school = network["school"]
    with django_capture_on_commit_callbacks(execute=True):
        portal = school.get_children().first()
        ru = Locale.objects.get(language_code="ru")
        ru_portal = portal.copy_for_translation(ru, copy_parents=True)
        ru_portal.save_revision().publish()
    submission = submitted(network, language="ru", title="Критериальное оценивание")
    submission = run_to(submission, (network["head"], "endorse"), (network["regional"], "approve"))
    page = ApprovedExperiencePage.objects.get(submission=submission)
    assert page.locale.language_code == "ru" and page.get_parent().pk == ru_portal.pk
    # The page names the Russian school and region, as every page of the Russian tree does.
    ru_school = ru_portal.get_parent().specific
    assert (page.school_id, page.region_id) == (ru_school.pk, ru_school.region_id)
    assert page.school.locale.language_code == "ru" and page.school_id != school.pk
    assert (page.protocol_number, page.level, page.required_coverage) == ("7", "region", 3)
    assert page.authors == "Aigerim Bekova"


def test_a_partner_school_teacher_is_signed_for_by_the_partner_schools_head(network):
    school = network["school"]
    partner = school.partner_schools.first()
    partner_head = reviewer("partner-head", Role.SCHOOL_HEAD, school=school, partner_school=partner)
    partner_teacher = teacher("erlan", school, partner=True)
    submission = complete_draft(partner_teacher)
    services.submit(submission, partner_teacher)
    task = open_task(submission)
    with pytest.raises(PermissionDenied):  # the Leading School's head does not sign for a partner school
        services.decide(task.pk, network["head"], "endorse")
    services.decide(task.pk, partner_head, "endorse")
    assert reload(submission).stage == "regional"
    # And the partner school's head does not sign for the Leading School's own teachers.
    own = open_task(submitted(network))
    with pytest.raises(PermissionDenied):
        services.claim(own.pk, partner_head)


def test_nobody_reviews_their_own_submission(network):
    head = network["head"]
    from workflows.models import SchoolMembership

    SchoolMembership.objects.create(user=head, school=network["school"])
    submission = complete_draft(head)
    services.submit(submission, head)
    with pytest.raises(PermissionDenied):
        services.decide(open_task(submission).pk, head, "endorse")
    from workflows.roles import actionable_tasks_q

    assert not Task.objects.filter(actionable_tasks_q(head), process_id=submission.pk).exists()


def test_quietly_tells_nobody_inside_and_everyone_again_after_even_after_an_error(
    network, django_capture_on_commit_callbacks
):
    from workflows import notifications

    mail.outbox.clear()
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True), notifications.quietly():
        submission = submitted(network)
        raise RuntimeError("the loader stopped half-way")
    assert reload(submission).state == Submission.State.IN_REVIEW and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        decide(submission, network["head"], "endorse")
    assert {m.to[0] for m in mail.outbox} == {"aigerim@example.kz", "council1@example.kz"}
