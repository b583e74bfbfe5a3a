"""The factories that tests, the demo and the benchmarks build with (network/, home/, workflows/factories.py)."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Page

from home.factories import make_home
from network.factories import (
    LeadingSchoolPageFactory,
    RegionPageFactory,
    add_event,
    add_post,
    build_network,
    make_school,
)
from network.models import LeadingSchoolPage, PartnerSchool, ResourcePortalPage
from workflows.factories import (
    REVIEWERS_GROUP,
    TEACHERS_GROUP,
    SubmissionFactory,
    UserFactory,
    reviewer,
    teacher,
)
from workflows.models import ReviewerRole
from workflows.tests.test_flow import private_root  # noqa: F401 (fixture)

ACCESS_ADMIN = {"content_type__app_label": "wagtailadmin", "codename": "access_admin"}


def test_a_published_page_has_its_live_revision_and_knows_its_school(homes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        network = build_network(homes["kk"])
        post = add_post(network["blog"], "Lesson Study in grade 5", author="Дана Омарова")
    school = network["school"]
    assert school.live and school.live_revision_id is not None
    assert school.region_id == network["region"].pk
    assert post.live and post.live_revision_id is not None
    assert (post.school_id, post.region_id) == (school.pk, network["region"].pk)
    assert [author.full_name for author in post.authors.all()] == ["Дана Омарова"]


def test_an_unpublished_event_stays_a_draft(homes):
    network = build_network(homes["kk"])
    event = add_event(network["events"], "Seminar", publish_it=False)
    assert not event.live and event.live_revision_id is None


def test_a_page_factory_without_published_saves_no_revision(homes):
    region = RegionPageFactory(parent=homes["kk"], title="Абай облысы")
    school = LeadingSchoolPageFactory(parent=region)
    assert Page.objects.get(pk=school.pk).get_parent().pk == region.pk
    assert school.live_revision_id is None and school.region_id == region.pk


def test_make_school_reuses_what_is_there(db):
    home = make_home()
    first = make_school(home, "Almaty region", "Leading School No. 1")
    again = make_school(home, "Almaty region", "Leading School No. 1")
    assert again.pk == first.pk
    assert LeadingSchoolPage.objects.count() == 1
    assert PartnerSchool.objects.filter(leading_school=first).count() == 1
    assert ResourcePortalPage.objects.child_of(first).count() == 1


def test_a_user_is_found_by_username_and_keeps_the_password_it_was_made_with(db):
    made = UserFactory(username="aigerim", password="first-password")
    found = UserFactory(username="aigerim", password="another-password", full_name="Aigerim Bekova")
    assert found.pk == made.pk
    assert found.check_password("first-password") and not found.check_password("another-password")
    assert UserFactory(username="marat").check_password("marat")


def test_teachers_do_not_get_the_admin_and_reviewers_do(db):
    school = make_school(make_home(), "Almaty region", "Leading School No. 1")
    author = teacher("aigerim", school, partner=True, language="kk", full_name="Aigerim Bekova")
    head = reviewer("head1", ReviewerRole.Role.SCHOOL_HEAD, school=school, language="ru")
    assert (author.first_name, author.last_name) == ("Aigerim", "Bekova")
    assert author.school_membership.school_id == school.pk
    assert author.school_membership.partner_school == school.partner_schools.first()
    assert author.wagtail_userprofile.preferred_language == "kk"
    assert [group.name for group in author.groups.all()] == [TEACHERS_GROUP]
    assert not author.has_perm("wagtailadmin.access_admin")
    assert [group.name for group in head.groups.all()] == [REVIEWERS_GROUP]
    assert head.groups.get().permissions.filter(**ACCESS_ADMIN).exists()
    assert Permission.objects.filter(**ACCESS_ADMIN).count() == 1
    # A second call finds the same role, not a copy.
    reviewer("head1", ReviewerRole.Role.SCHOOL_HEAD, school=school)
    assert ReviewerRole.objects.filter(user=head).count() == 1


@pytest.mark.usefixtures("private_root")
def test_a_submission_is_a_draft_with_a_material_and_an_implementation_act(db):
    school = make_school(make_home(), "Almaty region", "Leading School No. 1")
    author = teacher("aigerim", school)
    submission = SubmissionFactory(author=author, title="Formative assessment")
    assert (submission.title, submission.state, submission.school_id) == ("Formative assessment", "draft", school.pk)
    assert sorted((file.kind, file.document_kind) for file in submission.files.all()) == [
        ("material", ""),
        ("supporting", "implementation_act"),
    ]
