"""A school's editors and moderators give their school's tags Russian and English names (network/forms.py
BlogTagForm); they do not rename the Kazakh name or slug every school shares, rename another school's names, add or
delete tags, or touch tags their school's posts do not carry."""

import pytest
from bs4 import BeautifulSoup

from network.models import BlogPostPage, BlogTag
from tests.schools import member

pytestmark = pytest.mark.django_db


def tagged(school, name, slug):
    """A tag carried by one Kazakh post of the school."""
    tag, _created = BlogTag.objects.get_or_create(name=name, slug=slug)
    post = BlogPostPage.objects.filter(school=school, locale__language_code="kk").first()
    post.tags.add(tag)
    post.save()
    return tag


def edit_url(tag):
    return f"/admin/snippets/network/blogtag/edit/{tag.pk}/"


def form(tag, **changes):
    data = {"name": tag.name, "slug": tag.slug, "name_ru": tag.name_ru, "name_en": tag.name_en}
    data.update(changes)
    return data


def refused(response):
    """Wagtail's refusal (a redirect to the dashboard), or not found (the locale middleware redirects an unknown
    /admin/ address to /kk/…, which is not found either)."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and (
        response["Location"] == "/admin/" or response["Location"] == "/kk" + response.wsgi_request.path
    )


@pytest.mark.parametrize("role", ["editor_a", "moderator_a"])
def test_a_schools_editor_names_their_tag_in_russian_and_english(client, staff, role):
    tag = tagged(staff["a"], "робототехника", "robototekhnika")
    client.force_login(staff[role])
    listing = client.get("/admin/snippets/network/blogtag/")
    assert listing.status_code == 200 and edit_url(tag) in listing.content.decode()
    page = BeautifulSoup(client.get(edit_url(tag)).content, "html.parser")
    assert page.select_one("input[name=name]").has_attr("disabled")
    assert page.select_one("input[name=slug]").has_attr("disabled")
    assert not page.select_one("input[name=name_ru]").has_attr("disabled")

    # The Kazakh name and slug sent anyway are ignored: only the Russian and English names change.
    response = client.post(
        edit_url(tag), form(tag, name="басқа", slug="baska", name_ru="робототехника", name_en="robotics")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    tag.refresh_from_db()
    assert (tag.name, tag.slug, tag.name_ru, tag.name_en) == (
        "робототехника",
        "robototekhnika",
        "робототехника",
        "robotics",
    )


def test_a_shared_tags_names_are_changed_only_where_empty(client, staff):
    tag = tagged(staff["a"], "экология", "ekologiia")
    tagged(staff["b"], "экология", "ekologiia")
    tag.name_ru = "экология"
    tag.save()
    client.force_login(staff["editor_a"])
    page = BeautifulSoup(client.get(edit_url(tag)).content, "html.parser")
    assert page.select_one("input[name=name_ru]").has_attr("disabled")
    assert not page.select_one("input[name=name_en]").has_attr("disabled")
    client.post(edit_url(tag), form(tag, name_ru="переименовано", name_en="ecology"))
    tag.refresh_from_db()
    assert (tag.name_ru, tag.name_en) == ("экология", "ecology")


def test_tags_of_other_schools_and_deleting_and_adding_are_refused(client, staff, django_user_model):
    theirs = tagged(staff["b"], "шахмат", "shakhmat")
    ours = tagged(staff["a"], "спорт", "sport")
    client.force_login(staff["editor_a"])
    assert refused(client.get(edit_url(theirs)))
    assert refused(client.post(edit_url(theirs), form(theirs, name_ru="шахматы")))
    assert edit_url(theirs) not in client.get("/admin/snippets/network/blogtag/").content.decode()
    assert refused(client.post(f"/admin/snippets/network/blogtag/delete/{ours.pk}/"))
    assert refused(client.post("/admin/snippets/network/blogtag/add/", {"name": "жаңа", "slug": "zhana"}))
    assert BlogTag.objects.filter(pk=ours.pk).exists() and not BlogTag.objects.filter(slug="zhana").exists()
    theirs.refresh_from_db()
    assert theirs.name_ru == ""

    # Someone with admin access who is no school's editor or moderator names no tag.
    from django.contrib.auth.models import Group, Permission

    outsider_group, _created = Group.objects.get_or_create(name="Admin access only")
    outsider_group.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider = member(django_user_model, "outsider", outsider_group)
    client.force_login(outsider)
    assert refused(client.get(edit_url(ours)))
    assert refused(client.post(edit_url(ours), form(ours, name_ru="спорт")))
    ours.refresh_from_db()
    assert ours.name_ru == ""
