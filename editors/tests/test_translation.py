"""A school's editor translates the school's pages with wagtail-localize, and every translation is moderated."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.test import Client
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from network.models import BlogPostPage, SchoolWorkspace

pytestmark = pytest.mark.django_db

# The users have no admin language of their own: they get the default, Kazakh, and so do the messages asserted.


def untranslated_post(of_school):
    """The demo leaves one post of each school in Kazakh only."""
    ru = Locale.objects.get(language_code="ru")
    for post in BlogPostPage.objects.filter(school=of_school, locale__language_code="kk", live=True):
        if post.get_translation_or_none(ru) is None:
            return post
    raise AssertionError("the demo has no untranslated post")


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message; others with 403."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def translate_into_russian(client, post, capture):
    with capture(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{post.pk}/", {"locales": [Locale.objects.get(language_code="ru").pk]}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return BlogPostPage.objects.get(translation_key=post.translation_key, locale__language_code="ru")


def editor_props(response):
    node = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    return json.loads(node["data-props"])


def fill_every_segment(client, translation, text="Орысша мәтін"):
    for segment in StringSegment.objects.filter(source=translation.source):
        response = client.put(
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            data=f"value={text} {segment.pk}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content


def test_an_editor_translates_their_schools_post_into_a_draft_that_is_not_public(
    client, staff, django_capture_on_commit_callbacks
):
    post = untranslated_post(staff["a"])
    client.force_login(staff["editor_a"])
    ru_post = translate_into_russian(client, post, django_capture_on_commit_callbacks)

    assert not ru_post.live, "the Russian copy, still in Kazakh, must not be published"
    assert client.get(ru_post.url).status_code == 404
    editor = client.get(f"/admin/pages/{ru_post.pk}/edit/")
    assert editor.status_code == 200
    props = editor_props(editor)
    assert props["object"]["isLive"] is False
    assert props["perms"]["canPublish"] is False
    page = BeautifulSoup(editor.content, "html.parser")
    submit = page.select_one(".editors-translation-moderation form")
    translation = Translation.objects.get(target_locale__language_code="ru", source__object_id=post.translation_key)
    assert submit is not None and submit["action"].endswith(f"/admin/editors/translations/{translation.pk}/submit/")
    # wagtail-localize's own publish action is refused to an editor.
    assert refused(client.post(f"/admin/pages/{ru_post.pk}/edit/", {"action": "publish"}))
    assert not BlogPostPage.objects.get(pk=ru_post.pk).live


def test_translating_or_syncing_another_schools_page_is_refused(client, staff, django_capture_on_commit_callbacks):
    post_b = untranslated_post(staff["b"])
    client.force_login(staff["editor_a"])
    ru = Locale.objects.get(language_code="ru")
    assert refused(client.get(f"/admin/localize/submit/page/{post_b.pk}/"))
    assert refused(client.post(f"/admin/localize/submit/page/{post_b.pk}/", {"locales": [ru.pk]}))
    assert not BlogPostPage.objects.filter(translation_key=post_b.translation_key, locale=ru).exists()

    # School b's editor translates it; school a's editor may neither sync, edit nor submit that translation.
    client.force_login(staff["editor_b"])
    ru_post_b = translate_into_russian(client, post_b, django_capture_on_commit_callbacks)
    source = TranslationSource.objects.get(object_id=post_b.translation_key)
    translation = Translation.objects.get(source=source, target_locale=ru)
    client.force_login(staff["editor_a"])
    assert refused(client.get(f"/admin/localize/update/{source.pk}/"))
    assert refused(client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}))
    assert refused(client.post(f"/admin/editors/translations/{translation.pk}/submit/"))
    assert refused(client.get(f"/admin/pages/{ru_post_b.pk}/edit/"))
    assert not BlogPostPage.objects.get(pk=ru_post_b.pk).live


def test_an_editor_may_sync_but_not_publish_a_translation(client, staff, django_capture_on_commit_callbacks):
    post = untranslated_post(staff["a"])
    client.force_login(staff["editor_a"])
    translate_into_russian(client, post, django_capture_on_commit_callbacks)
    source = TranslationSource.objects.get(object_id=post.translation_key)
    assert client.get(f"/admin/localize/update/{source.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}, follow=True)
    assert any(
        "әр аударманы өз аударма редакторынан модерацияға жіберіңіз" in str(message)
        for message in get_messages(refused.wsgi_request)
    )
    assert not BlogPostPage.objects.get(translation_key=post.translation_key, locale__language_code="ru").live
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/localize/update/{source.pk}/", {}).status_code == 302


def test_a_translation_is_public_only_after_the_moderator_approves_it(
    client, staff, django_capture_on_commit_callbacks, mailoutbox
):
    post = untranslated_post(staff["a"])
    client.force_login(staff["editor_a"])
    ru_post = translate_into_russian(client, post, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(source__object_id=post.translation_key, target_locale__language_code="ru")
    submit_url = f"/admin/editors/translations/{translation.pk}/submit/"

    # Untranslated text is never sent for publication.
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(submit_url, follow=True)
    assert any("жібермес бұрын әр бөлікті аударыңыз" in str(message) for message in get_messages(refused.wsgi_request))
    assert ru_post.current_workflow_state is None

    fill_every_segment(client, translation, "Орыс тіліндегі мәтін")
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(submit_url, follow=True)
    assert any("аудармасы модерацияға жіберілді" in text for text in texts(submitted)), texts(submitted)
    ru_post = BlogPostPage.objects.get(pk=ru_post.pk)
    state = ru_post.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == SchoolWorkspace.objects.get(translation_key=staff["a"].translation_key).workflow
    assert not ru_post.live and client.get(ru_post.url).status_code == 404
    assert ru_post.get_latest_revision_as_object().title.startswith("Орыс тіліндегі мәтін")
    # A second submission while the first awaits is refused with a message, not a second workflow.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(submit_url, follow=True)
    assert any("Бұл аударма модерацияны күтуде." in str(message) for message in get_messages(again.wsgi_request))

    client.force_login(staff["moderator_a"])
    task_state = state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(f"/admin/pages/workflow/action/{ru_post.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert approved.status_code in (200, 302), approved.content[:500]
    ru_post = BlogPostPage.objects.get(pk=ru_post.pk)
    assert ru_post.live and ru_post.title.startswith("Орыс тіліндегі мәтін")
    assert client.get(ru_post.url).status_code == 200


def test_resubmitting_a_live_translation_changes_nothing_public_before_approval(
    client, staff, django_capture_on_commit_callbacks
):
    post = untranslated_post(staff["a"])
    client.force_login(staff["editor_a"])
    ru_post = translate_into_russian(client, post, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(source__object_id=post.translation_key, target_locale__language_code="ru")
    fill_every_segment(client, translation, "Бірінші нұсқа")
    ru_post.get_latest_revision() or ru_post.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/editors/translations/{translation.pk}/submit/")
    client.force_login(staff["moderator_a"])
    approve_in_the_translation_editor(client, ru_post, django_capture_on_commit_callbacks)
    ru_post = BlogPostPage.objects.get(pk=ru_post.pk)
    assert ru_post.live and ru_post.title.startswith("Бірінші нұсқа")

    client.force_login(staff["editor_a"])
    fill_every_segment(client, translation, "Екінші нұсқа")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/editors/translations/{translation.pk}/submit/")
    ru_post = BlogPostPage.objects.get(pk=ru_post.pk)
    assert ru_post.title.startswith("Бірінші нұсқа"), "the live page must not change before moderation"
    visitor = Client()  # what the public sees (the editor's own page would also show their queued admin messages)
    assert visitor.get(ru_post.url).content.decode().count("Екінші нұсқа") == 0
    assert ru_post.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def approve_in_the_translation_editor(client, page, capture):
    """The moderator's "Approve" button of the translation editor's moderation panel, pressed with no comment."""
    editor = BeautifulSoup(client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
    approve = editor.select_one(".editors-translation-review button[data-workflow-action=approve]")
    assert approve is not None, "the moderator's translation editor offers the workflow's approval"
    with capture(execute=True):
        response = client.post(approve["formaction"], {"comment": ""}, follow=True)
    assert response.status_code == 200
    return response


def test_a_moderator_publishes_a_translation_only_through_the_workflow(
    client, staff, django_capture_on_commit_callbacks
):
    post = untranslated_post(staff["a"])
    client.force_login(staff["editor_a"])
    ru_post = translate_into_russian(client, post, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(source__object_id=post.translation_key, target_locale__language_code="ru")
    fill_every_segment(client, translation, "Модератор аударған мәтін")

    # The moderator's translation editor offers no "Publish in Русский", only the way through moderation...
    client.force_login(staff["moderator_a"])
    editor = client.get(f"/admin/pages/{ru_post.pk}/edit/")
    assert editor.status_code == 200
    assert editor_props(editor)["perms"]["canPublish"] is False
    page = BeautifulSoup(editor.content, "html.parser")
    assert page.select_one(f".editors-translation-moderation form[action$='/translations/{translation.pk}/submit/']")
    # ...and its publish action is refused: nothing is published, no workflow is started or cancelled.
    with django_capture_on_commit_callbacks(execute=True):
        assert refused(client.post(f"/admin/pages/{ru_post.pk}/edit/", {"action": "publish"}))
    ru_post = BlogPostPage.objects.get(pk=ru_post.pk)
    assert not ru_post.live and ru_post.current_workflow_state is None
    # The sync with "publish immediately" is refused to the moderator too.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/localize/update/{translation.source.pk}/", {"publish_translations": "on"})
    assert not BlogPostPage.objects.get(pk=ru_post.pk).live

    # The moderator submits it; in moderation, the panel offers approve and request changes.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/editors/translations/{translation.pk}/submit/")
    ru_post = BlogPostPage.objects.get(pk=ru_post.pk)
    state = ru_post.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not ru_post.live
    with django_capture_on_commit_callbacks(execute=True):
        assert refused(client.post(f"/admin/pages/{ru_post.pk}/edit/", {"action": "publish"}))
    assert BlogPostPage.objects.get(pk=ru_post.pk).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    buttons = BeautifulSoup(client.get(f"/admin/pages/{ru_post.pk}/edit/").content, "html.parser").select(
        ".editors-translation-review button[data-workflow-action]"
    )
    assert [button["data-workflow-action"] for button in buttons] == ["approve", "reject"]

    # The workflow's approval publishes it, and says so.
    approved = approve_in_the_translation_editor(client, ru_post, django_capture_on_commit_callbacks)
    assert "беті мақұлданып, жарияланды." in " ".join(texts(approved)), texts(approved)
    ru_post = BlogPostPage.objects.get(pk=ru_post.pk)
    assert ru_post.live and ru_post.title.startswith("Модератор аударған мәтін")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    # The editor of the school never sees the review form.
    client.force_login(staff["editor_a"])
    editor = BeautifulSoup(client.get(f"/admin/pages/{ru_post.pk}/edit/").content, "html.parser")
    assert editor.select_one(".editors-translation-review") is None


def test_a_superuser_keeps_wagtail_localizes_publish(
    client, staff, django_user_model, django_capture_on_commit_callbacks
):
    post = untranslated_post(staff["a"])
    client.force_login(staff["editor_a"])
    ru_post = translate_into_russian(client, post, django_capture_on_commit_callbacks)
    client.force_login(django_user_model.objects.create_superuser("root", "root@school.kz", "pass-for-tests"))
    assert editor_props(client.get(f"/admin/pages/{ru_post.pk}/edit/"))["perms"]["canPublish"] is True


def test_the_explorer_offers_translate_on_the_schools_pages_in_a_fixed_number_of_queries(client, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    post = untranslated_post(staff["a"])
    blog = post.get_parent()
    client.force_login(staff["editor_a"])
    explorer = client.get(f"/admin/pages/{blog.pk}/")
    assert f"/admin/localize/submit/page/{post.pk}/" in explorer.content.decode()

    with CaptureQueriesContext(connection) as before:
        client.get(f"/admin/pages/{blog.pk}/")
    for number in range(3):
        blog.add_child(instance=BlogPostPage(title=f"Қосымша {number}", slug=f"extra-{number}", date=post.date))
    with CaptureQueriesContext(connection) as after:
        client.get(f"/admin/pages/{blog.pk}/")
    localize = [
        query
        for query in after.captured_queries
        if "wagtail_localize" in query["sql"] or "wagtailcore_locale" in query["sql"]
    ]
    before_localize = [
        query
        for query in before.captured_queries
        if "wagtail_localize" in query["sql"] or "wagtailcore_locale" in query["sql"]
    ]
    assert len(localize) == len(before_localize)
