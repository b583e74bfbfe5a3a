"""Each school's editors and moderators work only inside their own school, through its moderation workflow."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from wagtail.models import Collection, Locale, Page, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from network.models import (
    BlogIndexPage,
    BlogPostPage,
    EventIndexPage,
    LeadingSchoolPage,
    RegionPage,
    ResourcePortalPage,
    SchoolWorkspace,
)
from tests.schools import school

pytestmark = pytest.mark.django_db


def post_form(post, action, **changes):
    data = {
        "title": post.title,
        "slug": post.slug,
        "date": post.date.isoformat(),
        "intro": post.intro,
        "body": streamfield([("paragraph", rich_text("<p>Changed</p>"))]),
        "authors": [],
        "categories": [],
        "tags": "",
        "comments": inline_formset([]),
        action: action,
    }
    data.update(changes)
    return nested_form_data(data)


def test_a_school_has_its_own_workspace(demo_network):
    a = school("school-54")
    workspace = SchoolWorkspace.objects.get(translation_key=a.translation_key)
    assert workspace.collection.name == a.title
    assert set(workspace.editors.name.split(": ")[1:]) == {"editors"}
    # Every language version of the school runs through the school's own workflow.
    for version in LeadingSchoolPage.objects.filter(translation_key=a.translation_key):
        assert WorkflowPage.objects.get(page=version).workflow == workspace.workflow
        assert {type(child.specific) for child in version.get_children()} == {
            BlogIndexPage,
            EventIndexPage,
            ResourcePortalPage,
        }
    assert list(workspace.workflow.tasks.get().specific.groups.all()) == [workspace.moderators]


def test_editor_edits_own_school_but_not_another(client, staff):
    client.force_login(staff["editor_a"])
    post_a = BlogPostPage.objects.filter(school=staff["a"]).first()
    post_b = BlogPostPage.objects.filter(school=staff["b"]).first()
    assert client.get(f"/admin/pages/{post_a.pk}/edit/").status_code == 200
    # The Russian version of their own school is theirs too.
    ru_a = school("school-54", "ru")
    assert client.get(f"/admin/pages/{ru_a.pk}/edit/").status_code == 200
    refused = client.get(f"/admin/pages/{post_b.pk}/edit/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert str(list(get_messages(refused.wsgi_request))[0]).strip() == "Кешіріңіз, бұл бөлімге кіруге рұқсатыңыз жоқ."


def test_editor_cannot_see_another_schools_draft(client, staff):
    post_b = BlogPostPage.objects.filter(school=staff["b"]).first()
    post_b.title = "Secret draft of school B"
    post_b.save_revision()
    client.force_login(staff["editor_a"])
    response = client.get(f"/admin/pages/{post_b.pk}/view_draft/")
    assert response.status_code in (302, 403)
    assert b"Secret draft of school B" not in response.content
    search = client.get("/admin/pages/search/?q=Secret")
    assert b"Secret draft of school B" not in search.content
    blog_b = BlogIndexPage.objects.child_of(staff["b"]).get()
    unpublished = BlogPostPage(
        title="Unpublished post of school B", slug="unpublished", live=False, locale=blog_b.locale
    )
    blog_b.add_child(instance=unpublished)
    listing = client.get(f"/admin/pages/{blog_b.pk}/")
    assert b"Unpublished post of school B" not in listing.content


def test_editor_cannot_publish_but_submits_to_the_school_moderators(client, staff):
    client.force_login(staff["editor_a"])
    post = BlogPostPage.objects.filter(school=staff["a"]).first()
    published_title = post.title
    response = client.post(
        f"/admin/pages/{post.pk}/edit/", post_form(post, "action-publish", title="Published by an editor?")
    )
    post.refresh_from_db()
    assert post.title == published_title, "an editor's publish must not go live"

    response = client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, "action-submit", title="Please publish"))
    assert response.status_code == 302
    post.refresh_from_db()
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(post.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == SchoolWorkspace.objects.get(translation_key=staff["a"].translation_key).workflow
    assert post.title == published_title  # still the published version for visitors


def test_moderator_publishes_in_own_school_only(client, staff, django_user_model):
    client.force_login(staff["moderator_a"])
    post = BlogPostPage.objects.filter(school=staff["a"]).first()
    response = client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, "action-publish", title="Approved title"))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "Approved title" and post.live

    other = BlogPostPage.objects.filter(school=staff["b"]).first()
    refused = client.post(f"/admin/pages/{other.pk}/edit/", post_form(other, "action-publish", title="Hijacked"))
    other.refresh_from_db()
    assert refused.status_code == 302 and other.title != "Hijacked"


def test_editor_uploads_only_to_own_collection(client, staff):
    client.force_login(staff["editor_a"])
    response = client.get("/admin/images/multiple/add/")
    assert response.status_code == 200
    own = SchoolWorkspace.objects.get(translation_key=staff["a"].translation_key).collection
    other = SchoolWorkspace.objects.get(translation_key=staff["b"].translation_key).collection
    assert other.name not in response.content.decode()
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    upload = SimpleUploadedFile("lesson.png", buffer.getvalue(), content_type="image/png")
    uploaded = client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload, "collection": other.pk},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert uploaded.json()["success"] is True
    # Asking for school B's collection does not put anything there: the upload lands in the editor's own.
    image = get_image_model().objects.get(pk=uploaded.json()["image_id"])
    assert image.collection == own
    assert not get_image_model().objects.filter(collection=other, title="lesson.png").exists()


def partner(n):
    return {
        "name": f"Partner {n}",
        "locality": "Astana",
        "hub_school": "",
        "contact_person": "",
        "phone": "",
        "email": "",
    }


def test_creating_a_school_in_the_admin_provisions_it_and_warns_beyond_ten_partners(
    client, demo_network, admin_user, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    region = RegionPage.objects.get(slug="astana", locale__language_code="kk")
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "№ 99 мектеп",
            "slug": "school-99",
            "locality": "Астана",
            "address": "",
            "phone": "",
            "email": "",
            "website": "",
            "intro": "",
            "leader_name": "",
            "leader_role": "",
            "leader_email": "",
            "body": streamfield([]),
            "directions": inline_formset([]),
            "creative_groups": inline_formset([]),
            "partner_schools": inline_formset([partner(n) for n in range(11)]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/add/network/leadingschoolpage/{region.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    new_school = LeadingSchoolPage.objects.get(slug="school-99")
    assert new_school.region_id == region.pk
    assert new_school.partner_schools.count() == 11
    warnings = [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == "warning"]
    assert any("11 партнёрских школ — на 1 больше, чем одна к 10" in message for message in warnings), warnings
    workspace = SchoolWorkspace.objects.get(translation_key=new_school.translation_key)
    assert Collection.objects.filter(pk=workspace.collection_id, name="№ 99 мектеп").exists()
    assert Group.objects.filter(pk__in=[workspace.editors_id, workspace.moderators_id]).count() == 2
    assert {type(child.specific) for child in new_school.get_children()} == {
        BlogIndexPage,
        EventIndexPage,
        ResourcePortalPage,
    }
    # And the editing form shows the ratio to the editor.
    edit = client.get(f"/admin/pages/{new_school.pk}/edit/").content.decode()
    assert "У этой Ведущей школы 11 партнёрских школ" in edit


def test_school_page_type_rules(demo_network):
    from wagtail.test.utils import WagtailPageTestCase

    check = WagtailPageTestCase()
    from home.models import HomePage

    check.assertAllowedParentPageTypes(LeadingSchoolPage, {RegionPage})
    check.assertAllowedSubpageTypes(BlogIndexPage, {BlogPostPage})
    check.assertAllowedParentPageTypes(RegionPage, {HomePage})
    check.assertCanNotCreateAt(HomePage, LeadingSchoolPage)
    check.assertCanNotCreateAt(LeadingSchoolPage, BlogPostPage)
    assert set(LeadingSchoolPage.allowed_subpage_models()) >= {BlogIndexPage, EventIndexPage, ResourcePortalPage}
    assert Page.objects.type(BlogIndexPage).filter(locale=Locale.get_default()).count() == 2


def test_editors_keep_their_own_schools_teachers_only(client, staff, admin_user, django_user_model):
    from network.models import Teacher

    teacher_a = Teacher.objects.of_school(staff["a"]).first()
    teacher_b = Teacher.objects.of_school(staff["b"]).first()
    client.force_login(staff["editor_a"])
    listing = client.get("/admin/snippets/network/teacher/")
    assert listing.status_code == 200
    assert {teacher.pk for teacher in listing.context["object_list"]} == set(
        Teacher.objects.of_school(staff["a"]).values_list("pk", flat=True)
    )
    assert client.get(f"/admin/snippets/network/teacher/edit/{teacher_a.pk}/").status_code == 200
    # Another school's teacher cannot be opened or changed, whatever the URL.
    assert client.get(f"/admin/snippets/network/teacher/edit/{teacher_b.pk}/", follow=True).status_code == 404
    response = client.post(
        f"/admin/snippets/network/teacher/edit/{teacher_b.pk}/", {"full_name": "Renamed by A", "school": staff["a"].pk}
    )
    assert response.status_code in (302, 404)  # not found (a 404 outside /kk/ first redirects there)
    for view in ("history", "usage", "delete"):
        assert client.get(f"/admin/snippets/network/teacher/{view}/{teacher_b.pk}/", follow=True).status_code == 404
    for view in ("history", "usage"):
        assert client.get(f"/admin/snippets/network/teacher/{view}/{teacher_a.pk}/").status_code == 200
    teacher_b.refresh_from_db()
    assert teacher_b.full_name != "Renamed by A" and teacher_b.school_id == staff["b"].pk

    # A new teacher belongs to the editor's school: another school is not on offer, and none is refused in kk.
    form = client.get("/admin/snippets/network/teacher/add/").context["form"]
    assert list(form.fields["school"].queryset) == [staff["a"]]
    response = client.post(
        "/admin/snippets/network/teacher/add/", {"full_name": "Асель Нұрланқызы", "school": staff["b"].pk}
    )
    assert response.status_code == 200 and not Teacher.objects.filter(full_name="Асель Нұрланқызы").exists()
    assert response.context["form"].errors["school"]
    response = client.post("/admin/snippets/network/teacher/add/", {"full_name": "Асель Нұрланқызы"})
    assert response.context["form"].errors["school"] == [
        "Мектебіңізді таңдаңыз: мұғалімдер туралы деректерді сол мектептің редакторлары жүргізеді."
    ]
    client.post("/admin/snippets/network/teacher/add/", {"full_name": "Асель Нұрланқызы", "school": staff["a"].pk})
    assert Teacher.objects.get(full_name="Асель Нұрланқызы").school == staff["a"]

    # An admin user who edits no school (a council member, say) has no school to record a teacher for.
    from django.contrib.auth.models import Permission

    outsider = django_user_model.objects.create_user("outsider", "outsider@school.kz", "pass-for-tests")
    outsider.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_teacher", "change_teacher", "view_teacher"])
    )
    client.force_login(outsider)
    assert not client.get("/admin/snippets/network/teacher/").context["object_list"]
    form = client.get("/admin/snippets/network/teacher/add/").context["form"]
    assert list(form.fields["school"].queryset) == []
    response = client.post(
        "/admin/snippets/network/teacher/add/", {"full_name": "Нұрлан Ахметов", "school": staff["a"].pk}
    )
    assert response.status_code == 200 and response.context["form"].errors["school"]
    assert not Teacher.objects.filter(full_name="Нұрлан Ахметов").exists()

    client.force_login(admin_user)  # the network's superuser keeps everyone
    assert client.get(f"/admin/snippets/network/teacher/edit/{teacher_b.pk}/").status_code == 200


def test_authors_are_chosen_from_the_posts_own_school(client, staff):
    from network.models import Teacher

    client.force_login(staff["editor_a"])
    post_a = BlogPostPage.objects.filter(school=staff["a"]).first()
    ours = set(Teacher.objects.of_school(staff["a"]).values_list("pk", flat=True))
    form = client.get(f"/admin/pages/{post_a.pk}/edit/").context["form"]
    assert set(form.fields["authors"].queryset.values_list("pk", flat=True)) == ours
    blog_a = BlogIndexPage.objects.child_of(staff["a"]).get()
    form = client.get(f"/admin/pages/add/network/blogpostpage/{blog_a.pk}/").context["form"]
    assert set(form.fields["authors"].queryset.values_list("pk", flat=True)) == ours
    stranger = Teacher.objects.of_school(staff["b"]).first()
    data = post_form(post_a, "action-submit")
    data["authors"] = [stranger.pk]  # as the browser sends a multiple choice (nested_form_data would number it)
    response = client.post(f"/admin/pages/{post_a.pk}/edit/", data)
    assert response.status_code == 200 and "authors" in response.context["form"].errors
    assert stranger not in BlogPostPage.objects.get(pk=post_a.pk).authors.all()
