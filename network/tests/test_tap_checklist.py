"""A page's authors and categories are chosen with checkboxes (a phone cannot Ctrl-click a <select multiple>), from
the same choices as before: the post's own school's teachers."""

import re

import pytest

from network.models import BlogCategory, BlogPostPage, ResourcePage, Teacher
from network.tests.test_permissions import post_form

pytestmark = pytest.mark.django_db


def ticked_boxes(html, name):
    """The values of the checkboxes named `name`, and which of them are ticked."""
    boxes = re.findall(rf'<input type="checkbox" name="{name}" value="(\d+)"([^>]*)>', html)
    return [int(value) for value, _ in boxes], {int(value) for value, rest in boxes if "checked" in rest}


def test_the_post_editor_offers_authors_and_categories_as_checkboxes(client, staff):
    client.force_login(staff["editor_a"])
    post = BlogPostPage.objects.filter(school=staff["a"], authors__isnull=False).first()
    html = client.get(f"/admin/pages/{post.pk}/edit/").content.decode()

    assert '<select name="authors"' not in html and '<select name="categories"' not in html
    authors, ticked = ticked_boxes(html, "authors")
    assert set(authors) == set(Teacher.objects.of_school(staff["a"]).values_list("pk", flat=True))
    assert ticked == set(post.authors.values_list("pk", flat=True))
    assert authors[: len(ticked)] == [pk for pk in authors if pk in ticked], "the chosen authors come first"
    categories, ticked = ticked_boxes(html, "categories")
    assert set(categories) == set(BlogCategory.objects.values_list("pk", flat=True))
    assert ticked == set(post.categories.values_list("pk", flat=True))
    # The list's stylesheet and filter script are files (the admin's CSP), linked by the form's media.
    assert "network/checklist.css" in html and "network/checklist.js" in html


def test_the_resource_editor_offers_authors_as_checkboxes(client, staff):
    client.force_login(staff["editor_a"])
    resource = ResourcePage.objects.filter(school=staff["a"]).first()
    html = client.get(f"/admin/pages/{resource.pk}/edit/").content.decode()
    authors, _ = ticked_boxes(html, "authors")
    assert '<select name="authors"' not in html
    assert set(authors) == set(Teacher.objects.of_school(staff["a"]).values_list("pk", flat=True))


def test_ticked_authors_and_categories_are_saved_and_published(client, staff):
    post = BlogPostPage.objects.filter(school=staff["a"]).first()
    teachers = list(Teacher.objects.of_school(staff["a"])[:2])
    category = BlogCategory.objects.exclude(posts=post).first()
    ticks = {"authors": [t.pk for t in teachers], "categories": [category.pk]}

    client.force_login(staff["editor_a"])
    response = client.post(f"/admin/pages/{post.pk}/edit/", {**post_form(post, "action-save"), **ticks})
    assert response.status_code == 302
    draft = BlogPostPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    assert set(draft.authors.all()) == set(teachers) and list(draft.categories.all()) == [category]

    client.force_login(staff["moderator_a"])
    response = client.post(f"/admin/pages/{post.pk}/edit/", {**post_form(post, "action-publish"), **ticks})
    assert response.status_code == 302
    live = BlogPostPage.objects.get(pk=post.pk)
    assert set(live.authors.all()) == set(teachers) and list(live.categories.all()) == [category]


def test_a_teacher_of_another_school_is_still_refused_with_the_checkboxes(client, staff):
    client.force_login(staff["editor_a"])
    post = BlogPostPage.objects.filter(school=staff["a"]).first()
    stranger = Teacher.objects.of_school(staff["b"]).first()
    response = client.post(
        f"/admin/pages/{post.pk}/edit/", {**post_form(post, "action-save"), "authors": [stranger.pk]}
    )
    assert response.status_code == 200
    # What the editor reads beside the list (Django's message, in the kk admin).
    print("ERRORS", response.context["form"].errors["authors"])
    assert response.context["form"].errors["authors"]
    assert stranger.pk not in ticked_boxes(response.content.decode(), "authors")[0]
    assert stranger not in BlogPostPage.objects.get(pk=post.pk).get_latest_revision_as_object().authors.all()
