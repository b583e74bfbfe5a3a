"""A school's editor lands on their own school: the dashboard panel, the summary count and the explorer."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from editors.tests.test_translation import translate_into_russian, untranslated_post
from network.models import BlogPostPage
from network.tests.test_permissions import post_form

pytestmark = pytest.mark.django_db


def sidebar_explorer_start(response):
    props = json.loads(BeautifulSoup(response.content, "html.parser").find(id="wagtail-sidebar-props").string)
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                found.append(node["_args"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return found


def test_the_editor_lands_on_their_own_school(client, staff, django_capture_on_commit_callbacks):
    school = staff["a"]
    editor = staff["editor_a"]
    client.force_login(editor)
    post = BlogPostPage.objects.filter(school=school, locale__language_code="kk").first()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, "action-submit", title="Жаңа семинар"))

    dashboard = client.get("/admin/")
    page = BeautifulSoup(dashboard.content, "html.parser")
    panel = page.select_one(".editors-school-panel")
    assert panel is not None and school.title in panel.get_text()
    rows = {
        row.th.get_text(strip=True): [
            cell.select_one(".editors-school-counts__value").get_text(strip=True) for cell in row.find_all("td")
        ]
        for row in panel.select(".editors-school-counts tbody tr")
    }
    assert set(rows) == {"Қазақша", "Русский", "English"}
    kk_pages = Page.objects.descendant_of(school, inclusive=True).count()
    assert rows["Қазақша"][0] == str(kk_pages), rows
    assert rows["Қазақша"][3] == "1", "the submitted post is in moderation"
    # The summary counts the school's pages, not the network's.
    summary = page.select_one(f'a[href="/admin/pages/{school.pk}/"]')
    assert summary is not None and str(kk_pages) in summary.get_text()
    assert str(Page.objects.count() - 1) not in summary.get_text()
    # The sidebar's page explorer opens at the school.
    [(item, start_page_id)] = sidebar_explorer_start(dashboard)
    assert start_page_id == school.pk and item["url"] == f"/admin/pages/{school.pk}/"


def test_the_explorer_opens_at_the_school_in_the_admins_language(client, staff):
    from wagtail.users.models import UserProfile

    editor = staff["editor_a"]
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "ru"})
    client.force_login(editor)
    ru_school = staff["a"].get_translation(staff["a"].locale.__class__.objects.get(language_code="ru"))
    [(item, start_page_id)] = sidebar_explorer_start(client.get("/admin/"))
    assert start_page_id == ru_school.pk


def test_a_superuser_keeps_wagtails_dashboard(client, admin_user, demo_network):
    client.force_login(admin_user)
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert page.select_one(".editors-school-panel") is None


def test_out_of_date_translations_are_listed_with_a_sync_link(client, staff, django_capture_on_commit_callbacks):
    post = untranslated_post(staff["a"])
    client.force_login(staff["editor_a"])
    translate_into_russian(client, post, django_capture_on_commit_callbacks)
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one(".editors-school-panel")
    assert not panel.select(".editors-out-of-date li")

    # The moderator publishes a change to the Kazakh source: its translation is now out of date.
    client.force_login(staff["moderator_a"])
    post = BlogPostPage.objects.get(pk=post.pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, "action-publish", title="Өзгертілген атау"))
    client.force_login(staff["editor_a"])
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one(".editors-school-panel")
    [item] = panel.select(".editors-out-of-date li")
    assert "Өзгертілген атау" in item.get_text()
    sync = item.select("a")[1]["href"]
    assert client.get(sync).status_code == 200


def test_the_panel_costs_the_same_queries_for_a_bigger_school(client, staff):
    client.force_login(staff["editor_a"])
    client.get("/admin/")
    with CaptureQueriesContext(connection) as small:
        client.get("/admin/")
    blog = BlogPostPage.objects.filter(school=staff["a"], locale__language_code="kk").first().get_parent()
    for number in range(5):
        blog.add_child(
            instance=BlogPostPage(
                title=f"Қосымша {number}",
                slug=f"extra-{number}",
                date=blog.specific.latest_revision_created_at or "2026-01-01",
            )
        )
    with CaptureQueriesContext(connection) as bigger:
        client.get("/admin/")
    assert len(bigger) == len(small)


def test_awaiting_review_costs_the_same_queries_with_more_schools(client, staff, django_capture_on_commit_callbacks):
    """One moderation task per provisioned school (750 nationally): the dashboard asks no question per task."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, TaskState

    from editors.moderation import reviewable_task_states

    editor, moderator = staff["editor_a"], staff["moderator_a"]
    post = BlogPostPage.objects.filter(school=staff["a"], locale__language_code="kk").first()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, "action-submit", title="Тексеруге"))
    client.force_login(moderator)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as few:
        response = client.get("/admin/")
    # The moderator sees the submitted post awaiting their review, with its actions.
    assert f"/admin/pages/workflow/action/{post.pk}/approve/" in response.content.decode()
    for number in range(5):
        task = GroupApprovalTask.objects.create(name=f"Басқа мектеп {number}: модерация")
        task.groups.set([Group.objects.create(name=f"Басқа мектеп {number}: moderators")])
    with CaptureQueriesContext(connection) as many:
        client.get("/admin/")
    assert len(many) == len(few), [query["sql"][:120] for query in many.captured_queries]
    # The same states as Wagtail's own query, for every kind of user.
    for user in (editor, moderator, staff["editor_b"], django_user_model_superuser(staff)):
        assert set(reviewable_task_states(user).values_list("pk", flat=True)) == set(
            TaskState.objects.reviewable_by(user).values_list("pk", flat=True)
        ), user


def django_user_model_superuser(staff):
    return type(staff["editor_a"]).objects.create_superuser("root-dashboard", "root@example.kz", "x")
