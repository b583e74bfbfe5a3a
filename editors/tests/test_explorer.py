"""A school's blog in the page explorer: the same buttons and filters as Wagtail's, in a number of queries that does
not grow with the rows (editors/explorer.py)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PagePermissionTester

from editors.explorer import LeafPagePermissionTester
from editors.tests.test_translation import untranslated_post
from network.models import BlogPostPage

pytestmark = pytest.mark.django_db


def explorer(client, blog):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/pages/{blog.pk}/")
    assert response.status_code == 200
    return response, queries


def test_an_editors_blog_listing_costs_the_same_queries_with_more_posts(client, staff):
    blog = untranslated_post(staff["a"]).get_parent()
    client.force_login(staff["editor_a"])
    explorer(client, blog)
    _response, before = explorer(client, blog)
    for number in range(3):
        post = BlogPostPage(title=f"Қосымша {number}", slug=f"extra-{number}", live=number == 0)
        blog.add_child(instance=post)
    response, after = explorer(client, blog)
    assert len(after) == len(before), [query["sql"][:120] for query in after.captured_queries]
    # Nothing reads every page to list the owners.
    assert not [query for query in after.captured_queries if 'DISTINCT "wagtailcore_page"."owner_id"' in query["sql"]]
    page = response.content.decode()
    draft = BlogPostPage.objects.get(slug="extra-1")
    live = BlogPostPage.objects.get(slug="extra-0")
    # An editor may delete a draft, not a published post (that takes a moderator): as Wagtail says.
    assert f"/admin/pages/{draft.pk}/delete/" in page
    assert f"/admin/pages/{live.pk}/delete/" not in page


def test_the_leaf_tester_answers_as_wagtails_own(staff):
    blog = untranslated_post(staff["a"]).get_parent()
    pages = [blog, blog.get_parent()] + list(BlogPostPage.objects.child_of(blog)[:3])
    draft = BlogPostPage(title="Жоба", slug="leaf-draft", live=False)
    blog.add_child(instance=draft)
    pages.append(draft)
    for user in (staff["editor_a"], staff["moderator_a"], staff["editor_b"]):
        for page in pages:
            for ignore_bulk in (False, True):
                assert LeafPagePermissionTester(user, page).can_delete(ignore_bulk) == PagePermissionTester(
                    user, page
                ).can_delete(ignore_bulk), (user, page, ignore_bulk)
    assert isinstance(draft.permissions_for_user(staff["editor_a"]), LeafPagePermissionTester)


def test_the_owner_filter_offers_the_owners_only(client, staff, django_user_model):
    post = untranslated_post(staff["a"])
    BlogPostPage.objects.filter(pk=post.pk).update(owner=staff["editor_a"])
    client.force_login(staff["moderator_a"])
    response, _queries = explorer(client, post.get_parent())
    owners = {box["value"] for box in BeautifulSoup(response.content, "html.parser").select("input[name=owner]")}
    assert str(staff["editor_a"].pk) in owners
    assert str(staff["editor_b"].pk) not in owners


def test_the_page_choosers_search_reads_the_rows_states_at_once(client, staff):
    post = untranslated_post(staff["a"])
    client.force_login(staff["editor_a"])
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/choose-page/search/", {"q": post.title.split()[0]})
    assert response.status_code == 200 and post.title in response.content.decode()
    per_row = [
        query["sql"]
        for query in queries.captured_queries
        if 'FROM "wagtailcore_workflowstate"' in query["sql"] and '"object_id" = ' in query["sql"]
    ]
    assert per_row == []
