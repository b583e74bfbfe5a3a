"""Factories for the review: teachers with their school, reviewers with their role, files, submissions.

A submission is made as a teacher makes it, through `workflows.services` (the draft, then its files), so that
what a test or the demo builds is what the cabinet would have built. Tests, the demo (demo/) and the benchmarks
use these; users come from accounts/factories.py, schools from network/factories.py.
"""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory

from accounts.factories import REVIEWERS_GROUP, TEACHERS_GROUP, UserFactory
from workflows import rules, services
from workflows.models import ReviewerRole, SchoolMembership

PDF_HEADER = b"%PDF-1.4\n"


def upload(content, name="file.pdf"):
    """A small PDF: the header the upload limits recognise by content, then `content`."""
    content = content if isinstance(content, bytes) else content.encode()
    return SimpleUploadedFile(name, PDF_HEADER + content, "application/pdf")


class SchoolMembershipFactory(DjangoModelFactory):
    """The teacher's school (and partner school); a user has one, updated when it exists."""

    user = factory.SubFactory(UserFactory, group=TEACHERS_GROUP)
    school = None  # required: a LeadingSchoolPage
    partner_school = None

    class Meta:
        model = SchoolMembership

    @classmethod
    def _create(cls, model_class, *args, user, **kwargs):
        return model_class.objects.update_or_create(user=user, defaults=kwargs)[0]


class ReviewerRoleFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory, group=REVIEWERS_GROUP)
    role = ReviewerRole.Role.SCHOOL_HEAD
    school = None
    partner_school = None
    region = None
    subject = ""

    class Meta:
        model = ReviewerRole
        django_get_or_create = ("user", "role", "school", "partner_school", "region", "subject")


class SubmissionFactory(factory.Factory):
    """A draft with a material and a unique supporting document (an implementation act), ready to submit.

    Made through `services.create_draft` and `services.add_file` by its author, a teacher with a school.
    """

    author = None  # required: a teacher (a user with a school membership)
    title = "Criteria-based assessment in grade 5"
    abstract = "Abstract"
    language = "kk"
    category = rules.Category.TEACHER_RESEARCHER
    result_kind = factory.LazyAttribute(lambda draft: rules.result_kinds(draft.category)[0])
    subject = "mathematics"
    tag = None  # what makes the files unique: the author's and the submission's ids unless given

    class Meta:
        model = dict  # built by _create through the services, never instantiated directly

    @classmethod
    def _create(cls, model_class, *args, author, tag, **fields):
        submission = services.create_draft(author, author.school_membership, **fields)
        tag = tag or f"{author.pk}-{submission.pk}"
        services.add_file(submission, author, upload(f"material {tag}", "material.pdf"), "material")
        services.add_file(submission, author, upload(f"act {tag}", "act.pdf"), "supporting", "implementation_act")
        return submission

    _build = _create


# The shapes the tests use most -------------------------------------------------------------------------------


def teacher(username, school, *, partner=False, language="", full_name=""):
    """A teacher of `school` (of its first partner school when `partner`), in the teachers' group."""
    user = UserFactory(
        username=username, language=language, group=TEACHERS_GROUP, full_name=full_name or username.title()
    )
    SchoolMembershipFactory(
        user=user, school=school, partner_school=school.partner_schools.first() if partner else None
    )
    return user


def reviewer(username, role, *, school=None, partner_school=None, region=None, language="", subject=""):
    """A reviewer in the reviewers' group with `role` over the school, partner school or region given."""
    user = UserFactory(username=username, language=language, group=REVIEWERS_GROUP)
    ReviewerRoleFactory(
        user=user, role=role, school=school, partner_school=partner_school, region=region, subject=subject
    )
    return user


def complete_draft(
    user,
    *,
    title="Criteria-based assessment in grade 5",
    category=rules.Category.TEACHER_RESEARCHER,
    result_kind=None,
    language="kk",
    tag=None,
    subject="mathematics",
):
    """SubmissionFactory with the author first, as the tests call it."""
    fields = {"result_kind": result_kind} if result_kind else {}
    return SubmissionFactory(
        author=user, title=title, category=category, language=language, tag=tag, subject=subject, **fields
    )
