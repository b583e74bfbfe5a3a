"""Workflow e-mails reach a school's editor in their own language, with links to one host."""

import re

import pytest
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from demo.editors import align_site_with_admin_base_url
from network.models import BlogPostPage
from network.tests.test_permissions import post_form

pytestmark = pytest.mark.django_db


def speaks(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})


def hosts(message):
    return {found.group(1) for found in re.finditer(r"(https?://[^/\s]+)", message.body)}


def test_workflow_mails_are_in_the_recipients_language_with_links_to_one_host(
    client, staff, mailoutbox, settings, django_capture_on_commit_callbacks
):
    align_site_with_admin_base_url()
    editor, moderator = staff["editor_a"], staff["moderator_a"]
    speaks(editor, "kk")
    speaks(moderator, "ru")
    post = BlogPostPage.objects.filter(school=staff["a"], locale__language_code="kk").first()

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, "action-submit", title="Көктемгі семинар"))
    to_moderator = [message for message in mailoutbox if moderator.email in message.to]
    assert to_moderator, [message.subject for message in mailoutbox]
    assert "Көктемгі семинар" in to_moderator[0].subject
    assert "Здравствуйте" in to_moderator[0].body and "Hello" not in to_moderator[0].body, to_moderator[0].body
    assert hosts(to_moderator[0]) == {settings.WAGTAILADMIN_BASE_URL}, to_moderator[0].body

    mailoutbox.clear()
    state = BlogPostPage.objects.get(pk=post.pk).current_workflow_state
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{post.pk}/reject/{state.current_task_state.pk}/",
            {"comment": "Суретке сипаттама қосыңыз."},
        )
    assert BlogPostPage.objects.get(pk=post.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [to_editor] = [message for message in mailoutbox if editor.email in message.to]
    assert to_editor.subject.startswith("«Көктемгі семинар» беті"), to_editor.subject
    assert "пысықтауға қайтарылды" in to_editor.body
    assert "Сәлеметсіз бе" in to_editor.body and "Суретке сипаттама қосыңыз." in to_editor.body
    for english in ("Hello", "has been rejected", "You can edit", "moderation"):
        assert english not in to_editor.body, english
    assert hosts(to_editor) == {settings.WAGTAILADMIN_BASE_URL}, to_editor.body


def test_the_editor_sees_the_moderators_comment_on_the_page_itself(client, staff, django_capture_on_commit_callbacks):
    from bs4 import BeautifulSoup

    editor, moderator = staff["editor_a"], staff["moderator_a"]
    moderator.first_name, moderator.last_name = "Асқар", "Нұрланов"
    moderator.save()
    post = BlogPostPage.objects.filter(school=staff["a"], locale__language_code="kk").first()
    client.force_login(editor)
    edit_url = f"/admin/pages/{post.pk}/edit/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, post_form(post, "action-submit", title="Көктемгі семинар"))
    assert "Make them" not in client.get(edit_url).content.decode()

    state = BlogPostPage.objects.get(pk=post.pk).current_workflow_state
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{post.pk}/reject/{state.current_task_state.pk}/",
            {"comment": "Суретке сипаттама қосыңыз."},
        )
    client.force_login(editor)
    page = BeautifulSoup(client.get(edit_url).content, "html.parser")
    banner = " ".join(page.select_one(".messages").get_text(" ").split())
    assert "Модератор (Асқар Нұрланов) өзгерістер енгізуді сұрады: «Суретке сипаттама қосыңыз.»" in banner, banner


def test_a_moderator_approves_with_one_button_and_is_told_it_is_published(
    client, staff, django_capture_on_commit_callbacks
):
    from django.contrib.messages import get_messages

    post = BlogPostPage.objects.filter(school=staff["a"], locale__language_code="kk").first()
    edit_url = f"/admin/pages/{post.pk}/edit/"
    moderator = staff["moderator_a"]
    client.force_login(moderator)
    before = client.get(edit_url).content.decode()
    assert 'name="action-publish"' in before, "outside moderation the moderator publishes directly"

    client.force_login(staff["editor_a"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, post_form(post, "action-submit", title="Мақұлданатын бет"))
    client.force_login(moderator)
    during = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in during
    assert 'name="workflow-action-name"' in during or "approve" in during

    post = BlogPostPage.objects.get(pk=post.pk)
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(
            edit_url,
            post_form(post, "action-workflow-action", title="Мақұлданатын бет", **{"workflow-action-name": "approve"}),
            follow=True,
        )
    texts = [str(message) for message in get_messages(approved.wsgi_request)]
    assert "«Мақұлданатын бет» беті мақұлданып, жарияланды." in texts, texts
    assert not any("жаңартылды" in text for text in texts), texts
    assert BlogPostPage.objects.get(pk=post.pk).live
