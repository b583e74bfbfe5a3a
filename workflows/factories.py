"""Factories for people and the review: users and the groups the review gives them, teachers with their school,
reviewers with their role, files, submissions.

Reviewers sign in to the Wagtail admin (their group grants `access_admin`); teachers work in the cabinet on the
public site (theirs grants nothing there). A submission is made as a teacher makes it, through
`workflows.services` (the draft, then its files), so that what a test or the demo builds is what the cabinet would
have built. Tests, the demo (demo/) and the benchmarks use these; schools come from network/factories.py.
Users are here rather than in accounts/ because accounts builds on the review's models, not the other way round.
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory

from workflows import rules, services
from workflows.models import ReviewerRole, SchoolMembership

REVIEWERS_GROUP = "Reviewers"
TEACHERS_GROUP = "Teachers"


def admin_group(name):
    """A group whose members may sign in to the Wagtail admin, where the review happens."""
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def teachers_group():
    """Teachers work in the cabinet on the public site: their group grants no admin access."""
    group, _created = Group.objects.get_or_create(name=TEACHERS_GROUP)
    group.permissions.remove(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


class UserFactory(DjangoModelFactory):
    """A user found by username or created with `password` (the username when none is given).

    `full_name` fills the first and last names; `language` sets the admin language (Wagtail's user profile);
    `group` adds the user to the teachers' group or to an admin group of that name.
    """

    class Params:
        full_name = ""

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.kz")
    first_name = factory.LazyAttribute(lambda user: user.full_name.partition(" ")[0])
    last_name = factory.LazyAttribute(lambda user: user.full_name.partition(" ")[2])
    password = None

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, password=None, **kwargs):
        manager = cls._get_manager(model_class)
        username = kwargs.pop("username")
        user, created = manager.get_or_create(username=username, defaults=kwargs)
        if created:
            user.set_password(password or username)
            user.save()
        return user

    @factory.post_generation
    def group(user, create, extracted, **kwargs):
        if not (create and extracted):
            return
        user.groups.add(teachers_group() if extracted == TEACHERS_GROUP else admin_group(extracted))

    @factory.post_generation
    def language(user, create, extracted, **kwargs):
        if create and extracted:
            from wagtail.users.models import UserProfile

            UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": extracted})


def make_user(username, *, email=None, language="", password=None, group=None, full_name=""):
    """UserFactory with the keyword arguments the tests and the demo pass."""
    fields = {"email": email} if email else {}
    return UserFactory(
        username=username, language=language, password=password, group=group, full_name=full_name, **fields
    )


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
