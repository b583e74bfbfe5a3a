"""Builders shared by the review's tests, the demo and the benchmark: a small network with reviewers and teachers."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from network.models import LeadingSchoolPage, PartnerSchool, RegionPage, ResourcePortalPage
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


def make_user(username, *, email=None, language="", password=None, group=None, full_name=""):
    from wagtail.users.models import UserProfile

    first, _space, last = full_name.partition(" ")
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": email or f"{username}@example.kz", "first_name": first, "last_name": last},
    )
    if created:
        user.set_password(password or username)
        user.save()
    if group == TEACHERS_GROUP:
        user.groups.add(teachers_group())
    elif group:
        user.groups.add(admin_group(group))
    if language:
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def make_home():
    """The kk home page, the network's root (the one load_demo makes, or a bare one for tests)."""
    from wagtail.models import Page

    from home.demo import ensure_locales
    from home.models import HomePage

    locales = ensure_locales()
    home = HomePage.objects.filter(locale=locales["kk"], depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:  # a transactional test flushed the tree Wagtail's migration made
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["kk"], live=True))
        home = HomePage(title="Home", slug="home-review", locale=locales["kk"], live=True)
        root.add_child(instance=home)
    return home


def make_school(home, region_title, school_title, region_slug=None, school_slug=None):
    """A region with one Leading School, its partner school and its resource portal, live."""
    region = RegionPage.objects.child_of(home).filter(title=region_title).first()
    if region is None:
        region = RegionPage(
            title=region_title, slug=region_slug or f"region-{RegionPage.objects.count() + 1}", live=True
        )
        home.add_child(instance=region)
    school = LeadingSchoolPage.objects.child_of(region).filter(title=school_title).first()
    if school is None:
        school = LeadingSchoolPage(
            title=school_title,
            slug=school_slug or f"school-{LeadingSchoolPage.objects.count()}",
            locality=region_title,
            live=True,
        )
        region.add_child(instance=school)
        school.refresh_from_db()
    if not school.partner_schools.exists():
        PartnerSchool.objects.create(leading_school=school, name=f"{school_title} — partner", locality=region_title)
    if not ResourcePortalPage.objects.child_of(school).exists():
        school.add_child(instance=ResourcePortalPage(title="Resources", slug="resources", live=True))
    return school


def teacher(username, school, *, partner=False, language="", full_name=""):
    user = make_user(username, language=language, group=TEACHERS_GROUP, full_name=full_name or username.title())
    SchoolMembership.objects.update_or_create(
        user=user,
        defaults={"school": school, "partner_school": school.partner_schools.first() if partner else None},
    )
    return user


def reviewer(username, role, *, school=None, partner_school=None, region=None, language="", subject=""):
    user = make_user(username, language=language, group=REVIEWERS_GROUP)
    ReviewerRole.objects.get_or_create(
        user=user, role=role, school=school, partner_school=partner_school, region=region, subject=subject
    )
    return user


PDF_HEADER = b"%PDF-1.4\n"


def upload(content, name="file.pdf"):
    """A small PDF: the header the upload limits recognise by content, then `content`."""
    content = content if isinstance(content, bytes) else content.encode()
    return SimpleUploadedFile(name, PDF_HEADER + content, "application/pdf")


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
    """A draft with a material and a unique supporting document, ready to submit."""
    result_kind = result_kind or rules.result_kinds(category)[0]
    submission = services.create_draft(
        user,
        user.school_membership,
        title=title,
        abstract="Abstract",
        language=language,
        category=category,
        result_kind=result_kind,
        subject=subject,
    )
    tag = tag or f"{user.pk}-{submission.pk}"
    services.add_file(submission, user, upload(f"material {tag}", "material.pdf"), "material")
    services.add_file(submission, user, upload(f"act {tag}", "act.pdf"), "supporting", "implementation_act")
    return submission
