"""A moderator who approves a page is told, in their admin language, that it was approved and published, whether
they approve from the dashboard's "awaiting your review" or from the page's editor (editors/approval.py)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from network.models import BlogPostPage

pytestmark = pytest.mark.django_db

APPROVED = {
    "kk": "«{title}» беті мақұлданып, жарияланды.",
    "ru": "Страница «{title}» одобрена и опубликована.",
    "en": "The page «{title}» has been approved and published.",
}
CHANGES = {
    "kk": "«{title}» бетіне өзгерістер сұралды: ол редакторына қайтарылды.",
    "ru": "По странице «{title}» запрошены изменения: она возвращена редактору.",
    "en": "Changes to the page «{title}» have been requested: it goes back to its editor.",
}


def in_moderation(staff, title):
    """A draft Kazakh post of school A, submitted to the school's workflow by its editor."""
    post = BlogPostPage.objects.filter(school=staff["a"], locale__language_code="kk", live=True).first()
    post.title = title
    post.save_revision(user=staff["editor_a"])
    post = BlogPostPage.objects.get(pk=post.pk)
    post.get_workflow().start(post, staff["editor_a"])
    return BlogPostPage.objects.get(pk=post.pk)


def speaks(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})


def dashboard_action(client, post, action):
    """The dashboard's row action, as its modal sends it (an XMLHttpRequest answered with JSON)."""
    task_state = post.current_workflow_task_state
    dashboard = client.get("/admin/").content.decode()
    url = f"/admin/pages/workflow/action/{post.pk}/{action}/{task_state.pk}/"
    assert url in dashboard, "the dashboard offers the action"
    return client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_approving_from_the_dashboard_says_the_page_was_approved_and_published(
    client, staff, language, django_capture_on_commit_callbacks
):
    post = in_moderation(staff, f"Мақұлданатын жазба {language}")
    speaks(staff["moderator_a"], language)
    client.force_login(staff["moderator_a"])
    with django_capture_on_commit_callbacks(execute=True):
        response = dashboard_action(client, post, "approve")
    assert response.status_code == 200 and response.json()["step"] == "success"
    post = BlogPostPage.objects.get(pk=post.pk)
    assert post.live and post.title == f"Мақұлданатын жазба {language}"
    assert post.current_workflow_state is None
    # The modal then reloads the dashboard, where the message is shown.
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    shown = [node.get_text(" ", strip=True) for node in dashboard.select(".messages li")]
    assert APPROVED[language].format(title=post.title) in " ".join(shown), shown


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_asking_for_changes_from_the_dashboard_says_so(client, staff, language, django_capture_on_commit_callbacks):
    post = in_moderation(staff, "Пысықталатын жазба")
    speaks(staff["moderator_a"], language)
    client.force_login(staff["moderator_a"])
    with django_capture_on_commit_callbacks(execute=True):
        dashboard_action(client, post, "reject")
    assert BlogPostPage.objects.get(pk=post.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    texts = [str(message) for message in get_messages(client.get("/admin/").wsgi_request)]
    assert CHANGES[language].format(title="Пысықталатын жазба") in texts, texts


def test_an_editor_cannot_approve_from_the_dashboards_url(client, staff, django_capture_on_commit_callbacks):
    post = in_moderation(staff, "Редактор мақұлдай алмайды")
    client.force_login(staff["editor_a"])
    task_state = post.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/workflow/action/{post.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (302, 403)
    post = BlogPostPage.objects.get(pk=post.pk)
    assert post.title != "Редактор мақұлдай алмайды" and post.current_workflow_state.status == "in_progress"
