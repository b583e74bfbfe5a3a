"""Every admin screen a Kazakh-speaking editor, moderator, organiser, reviewer or Coordination-centre user opens
shows no English message of Wagtail or Django.

Each screen is rendered in kk (nobody here has chosen a language, so the admin follows LANGUAGE_CODE) as the user
who opens it. Its visible text, its placeholders, tooltips and accessible labels, and the sidebar's labels are
compared with the English messages of Wagtail's, wagtail-localize's and Django's catalogues that no kk catalogue
(ours: site/locale, site/locale_admin, site/locale_allauth; Django's and Viewflow's own kk) translates. A message
with placeholders matches as a pattern ("Add %(snippet_type_name)s" finds "Add шығармашылық топтар"). Text that
equals such a message but is not one (data, names) is listed in EXCEPTIONS with the reason.
"""

import re

import pytest
from bs4 import BeautifulSoup, Comment
from django.utils.translation import trans_real

from tests.test_admin_kazakh import reference_catalogues, sidebar_labels

pytestmark = pytest.mark.django_db

PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[A-Za-z_0-9]*\}")
ATTRIBUTES = ("placeholder", "aria-label", "title", "alt", "data-w-tooltip-content-value")
# Text that is the same as an untranslated English message, but is not that message.
EXCEPTIONS = {
    "English": "the name of the English language in the language lists, written in that language on purpose",
    "Wagtail": "the product's name",
    "Lesson Study": "the regulation's own name of the method, used as such in kk and ru (docs/glossary.md)",
    "ID": "an abbreviation read the same in Kazakh",
    "URL": "an abbreviation read the same in Kazakh",
    "CSV": "a file format",
    "XLSX": "a file format",
    "PDF": "a file format",
}


def _untranslated():
    """English messages of Wagtail and Django that have no kk translation: exact texts, and patterns."""
    kazakh = trans_real.translation("kk")._catalog  # kk is LANGUAGE_CODE: no fallback to another language
    texts, patterns = set(), set()
    translated_somewhere = set()
    for catalogue in reference_catalogues():
        for entry in catalogue:
            if entry.obsolete or not entry.msgid:
                continue
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            english = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
            if kazakh.get((key, 0) if entry.msgid_plural else key) is not None:
                translated_somewhere.update(english)
                continue
            for message in english:
                message = " ".join(message.split())
                literal = PLACEHOLDER.sub("", message)
                if not re.search(r"[A-Za-z]{3}", literal) or "<" in message:
                    continue  # nothing to recognise it by, or split over several text nodes
                if PLACEHOLDER.search(message):
                    parts = PLACEHOLDER.split(message)
                    patterns.add("".join(re.escape(part) + ".+?" for part in parts[:-1]) + re.escape(parts[-1]))
                else:
                    texts.add(message)
    return texts, patterns


UNTRANSLATED_TEXTS, UNTRANSLATED_PATTERNS = _untranslated()
ANY_PATTERN = re.compile("|".join(f"(?:{pattern})" for pattern in sorted(UNTRANSLATED_PATTERNS)))


def shown_texts(response):
    """What a person reads or hears on the page: text nodes, labels and tooltips, the sidebar's menu."""
    html = response.content.decode()
    page = BeautifulSoup(html, "html.parser")
    found = set()
    if page.find(id="wagtail-sidebar-props"):
        found |= sidebar_labels(response)
    for hidden in page(["script", "style", "svg", "noscript"]):
        hidden.decompose()
    for node in page.find_all(string=True):
        if not isinstance(node, Comment):
            found.add(" ".join(node.split()))
    for tag in page.find_all(True):
        for attribute in ATTRIBUTES:
            if isinstance(tag.get(attribute), str):
                found.add(" ".join(tag[attribute].split()))
    return {text for text in found if text}


def english_messages(response):
    return sorted(
        text
        for text in shown_texts(response)
        if text not in EXCEPTIONS
        and (text in UNTRANSLATED_TEXTS or text.rstrip(":.") in UNTRANSLATED_TEXTS or ANY_PATTERN.fullmatch(text))
    )


class Screens:
    """Renders each screen and remembers what English it shows, so that one test reports every screen at once."""

    def __init__(self, client):
        self.client = client
        self.english = {}
        self.unexpected = []

    def report(self):
        """Fails with every screen's English at once, and with every screen that did not answer as expected."""
        import json

        print(json.dumps({"unexpected": self.unexpected, "english": self.english}, ensure_ascii=False, indent=1))
        assert self.unexpected == [] and self.english == {}

    def open(self, user, url, method="get", data=None, redirected_to=None):
        """The screen, after any redirect (a refusal leads to the dashboard, which then says why)."""
        self.client.force_login(user)
        response = getattr(self.client, method)(url, data or {}, follow=True)
        landed = response.redirect_chain[-1][0] if response.redirect_chain else None
        if response.status_code != 200 or landed != redirected_to:
            self.unexpected.append((url, response.status_code, landed))
        found = english_messages(response)
        if found:
            self.english[f"{user.username} {method.upper()} {url}"] = found
        return response


def test_the_test_recognises_an_english_message():
    """The check itself, on messages of screens nobody here opens (redirects, promoted search results), which stay
    untranslated: one found as text, one as a pattern with its placeholder filled; Kazakh is not reported."""

    class Response:
        content = (
            "<html><body><a title='Add redirect'>x</a><h2>Delete жаңалықтар</h2>"
            "<p>Басқару тақтасы</p><p>Құпиялылық және қолжетімділік</p></body></html>"
        ).encode()

    assert english_messages(Response()) == ["Add redirect", "Delete жаңалықтар"]
    assert len(UNTRANSLATED_TEXTS) > 500 and len(UNTRANSLATED_PATTERNS) > 100


@pytest.fixture
def staff(demo_network, django_user_model):
    """A school's editor and moderator, as provisioning groups them (network/provisioning.py)."""
    from network.models import LeadingSchoolPage, SchoolWorkspace
    from tests.schools import member

    school = LeadingSchoolPage.objects.get(slug="school-54", locale__language_code="kk")
    workspace = SchoolWorkspace.objects.get(translation_key=school.translation_key)
    return {
        "school": school,
        "editor": member(django_user_model, "kk_editor", workspace.editors),
        "moderator": member(django_user_model, "kk_moderator", workspace.moderators),
        "admin": django_user_model.objects.create_superuser("kk_admin", "kk_admin@example.kz", "pass-for-tests"),
        "workspace": workspace,
    }


def test_a_school_editor_and_moderator_see_no_english(client, staff, django_capture_on_commit_callbacks):
    from wagtail.images.models import Image

    from network.models import (
        BlogCategory,
        BlogIndexPage,
        BlogPostPage,
        EventIndexPage,
        EventPage,
        ResourcePage,
        ResourcePortalPage,
        Teacher,
    )
    from network.tests.test_permissions import post_form

    school, editor, moderator = staff["school"], staff["editor"], staff["moderator"]
    screens = Screens(client)
    post = BlogPostPage.objects.filter(school=school, locale__language_code="kk").first()
    event = EventPage.objects.filter(school=school, locale__language_code="kk").first()
    resource = ResourcePage.objects.filter(school=school, locale__language_code="kk").first()
    other_post = BlogPostPage.objects.exclude(school=school).filter(locale__language_code="kk").first()

    screens.open(editor, "/admin/")
    screens.open(editor, "/admin/pages/")
    screens.open(editor, f"/admin/pages/{school.pk}/")
    screens.open(editor, f"/admin/pages/{BlogIndexPage.objects.child_of(school).get().pk}/")
    screens.open(editor, f"/admin/pages/{school.pk}/edit/")
    for page in (post, event, resource):
        screens.open(editor, f"/admin/pages/{page.pk}/edit/")
        screens.open(editor, f"/admin/pages/{page.pk}/history/")
    for index, model in (
        (BlogIndexPage, "blogpostpage"),
        (EventIndexPage, "eventpage"),
        (ResourcePortalPage, "resourcepage"),
    ):
        parent = index.objects.child_of(school).get()
        screens.open(editor, f"/admin/pages/add/network/{model}/{parent.pk}/")
    # A failed save, a saved draft, a refusal.
    screens.open(editor, f"/admin/pages/{post.pk}/edit/", "post", post_form(post, "action-save", title=""))
    screens.open(editor, f"/admin/pages/{other_post.pk}/edit/", redirected_to="/admin/")
    # Snippets, images, documents, the account.
    screens.open(editor, "/admin/snippets/network/teacher/")
    screens.open(editor, "/admin/snippets/network/teacher/add/")
    teacher = Teacher.objects.editable_by(editor).first()
    screens.open(editor, f"/admin/snippets/network/teacher/edit/{teacher.pk}/")
    screens.open(editor, "/admin/snippets/network/blogcategory/")
    category = BlogCategory.objects.first()
    screens.open(editor, f"/admin/snippets/network/blogcategory/edit/{category.pk}/", redirected_to="/admin/")
    screens.open(staff["admin"], "/admin/snippets/network/blogcategory/add/")
    screens.open(staff["admin"], f"/admin/snippets/network/blogcategory/edit/{category.pk}/")
    screens.open(editor, "/admin/images/")
    screens.open(editor, "/admin/images/multiple/add/")
    screens.open(editor, "/admin/documents/")
    screens.open(editor, "/admin/documents/multiple/add/")
    screens.open(editor, "/admin/account/")
    screens.open(editor, f"/admin/images/{Image.objects.filter(collection=staff['workspace'].collection).first().pk}/")

    # The moderation: submitted, seen by the moderator, changes requested, seen again by the editor.
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(editor)
        client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, "action-submit", title="Жаңа семинар"))
    screens.open(editor, f"/admin/pages/{post.pk}/edit/")
    screens.open(moderator, "/admin/")
    screens.open(moderator, f"/admin/pages/{post.pk}/edit/")
    screens.open(moderator, f"/admin/pages/{post.pk}/workflow_history/")
    task_state = BlogPostPage.objects.get(pk=post.pk).current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(moderator)
        response = client.post(
            f"/admin/pages/workflow/action/{post.pk}/reject/{task_state.pk}/",
            {"comment": "Суреттің сипаттамасын толтырыңыз."},
        )
        assert response.status_code in (200, 302), response.status_code
    screens.open(editor, f"/admin/pages/{post.pk}/edit/")
    screens.open(editor, f"/admin/pages/{post.pk}/workflow_history/")
    screens.open(editor, "/admin/reports/aging-pages/")
    screens.open(editor, "/admin/reports/site-history/")

    screens.report()


def test_translating_a_page_is_in_kazakh(client, staff, django_capture_on_commit_callbacks):
    from editors.tests.test_translation import translate_into_russian, untranslated_post

    editor = staff["editor"]
    post = untranslated_post(staff["school"])
    screens = Screens(client)
    screens.open(editor, f"/admin/localize/submit/page/{post.pk}/")
    client.force_login(editor)
    ru_post = translate_into_russian(client, post, django_capture_on_commit_callbacks)
    screens.open(editor, f"/admin/pages/{ru_post.pk}/edit/")
    screens.open(editor, "/admin/")
    screens.report()


def test_registrations_and_teachers_of_the_school_are_in_kazakh(client, staff, django_capture_on_commit_callbacks):
    from accounts.models import AffiliationRequest
    from network.models import EventPage
    from workflows.factories import make_user

    school, editor = staff["school"], staff["editor"]
    teacher = make_user("kk_teacher", full_name="Айгерім Бекова")
    AffiliationRequest.objects.create(user=teacher, school=school, position="Математика пәнінің мұғалімі")
    event = EventPage.objects.filter(school=school, locale__language_code="kk").first()
    screens = Screens(client)
    screens.open(editor, "/admin/teachers/")
    screens.open(editor, "/admin/event-registrations/")
    screens.open(editor, f"/admin/event-registrations/event/{event.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        screens.open(
            editor,
            f"/admin/event-registrations/event/{event.pk}/open/",
            "post",
            redirected_to=f"/admin/event-registrations/event/{event.pk}/",
        )
    screens.open(
        editor,
        f"/admin/event-registrations/event/{event.pk}/settings/",
        "post",
        {"capacity": "-1", "hours": "x"},
        redirected_to=f"/admin/event-registrations/event/{event.pk}/",
    )
    screens.open(editor, f"/admin/event-registrations/event/{event.pk}/report/")
    screens.report()


def test_reviewers_and_the_coordination_centre_see_no_english(client, staff, settings, tmp_path):
    from viewflow.workflow.models import Task

    from monitoring.models import MonitoringRole
    from workflows import services
    from workflows.factories import complete_draft, make_user, reviewer, teacher
    from workflows.models import ReviewerRole

    settings.WORKFLOWS_PRIVATE_ROOT = tmp_path / "private"
    school = staff["school"]
    author = teacher("kk_author", school, full_name="Айгерім Бекова")
    head = reviewer("kk_head", ReviewerRole.Role.SCHOOL_HEAD, school=school)
    submission = complete_draft(author, title="Критериалды бағалау")
    services.submit(submission, author)
    task = Task.objects.get(process_id=submission.pk, status="NEW")
    trainer = make_user("kk_trainer")
    MonitoringRole.objects.create(user=trainer, role=MonitoringRole.Role.TRAINER, region=school.get_parent().specific)
    centre = make_user("kk_centre")
    MonitoringRole.objects.create(user=centre, role=MonitoringRole.Role.CENTRE)

    screens = Screens(client)
    screens.open(head, "/admin/")
    screens.open(head, "/admin/reviews/")
    screens.open(head, f"/admin/reviews/task/{task.pk}/")
    screens.open(head, f"/admin/reviews/task/{task.pk}/claim/", "post", redirected_to=f"/admin/reviews/task/{task.pk}/")
    screens.open(head, f"/admin/reviews/task/{task.pk}/", "post", {"decision": ""})
    screens.open(head, f"/admin/reviews/submission/{submission.pk}/")
    screens.open(head, "/admin/account/")
    for user in (trainer, centre):
        screens.open(user, "/admin/")
        screens.open(user, "/admin/monitoring/")
        for report in ("schools", "submissions", "teachers"):
            screens.open(user, f"/admin/monitoring/{report}/")
    screens.report()
