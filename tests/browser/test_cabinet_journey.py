"""A confirmed teacher's whole journey in the cabinet, in a real Chromium: a draft with three files, sending, a
return with the reviewers' comment, the revision, the approval, the materials on the public page, dissemination.

Accounts land in another branch: the teacher is signed in by a session cookie made here. The reviewers decide
through workflows.services, as the admin would.
"""

import datetime

import pytest
from django.conf import settings

from tests.browser.support import assert_fits_width, assert_no_serious_axe_violations, save_screenshot
from workflows import services
from workflows.models import ApprovedExperiencePage, ReviewerRole, Submission
from workflows.testing import PDF_HEADER, make_school, reviewer, teacher

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = {
    "kk": {"returned": "Пысықтауға қайтарылды", "covered": "Қамтылғаны:"},
    "ru": {"returned": "Возвращено на доработку", "covered": "Охвачено:"},
}


@pytest.fixture
def people(django_capture_on_commit_callbacks, settings, tmp_path):
    from home.demo import load_home

    settings.WORKFLOWS_PRIVATE_ROOT = tmp_path / "private"
    settings.SENDFILE_ROOT = str(settings.WORKFLOWS_PRIVATE_ROOT)  # where django-sendfile2 may read
    with django_capture_on_commit_callbacks(execute=True):
        homes = load_home()
    school = make_school(homes["kk"], "Алматы облысы", "№ 1 Жетекші мектеп")
    return {
        "teacher": teacher("aigerim", school, full_name="Айгерім Бекова"),
        "head": reviewer("head1", ReviewerRole.Role.SCHOOL_HEAD, school=school),
        "council": reviewer("council1", ReviewerRole.Role.REGIONAL_COUNCIL, region=school.region),
    }


def sign_in(page, live_server, user):
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key,
                               "url": live_server.url}])


def decide(submission, user, decision, **kwargs):
    submission = Submission.objects.get(pk=submission.pk)
    services.decide(services.open_task_of(submission).pk, user, decision, **kwargs)


def pdf(name, text):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF_HEADER + text.encode()}


@pytest.mark.parametrize("viewport, language", [("phone_page", "kk"), ("desktop_page", "ru")])
def test_the_cabinet_journey(request, people, live_server, viewport, language):
    page = request.getfixturevalue(viewport)
    text = TEXT[language]
    sign_in(page, live_server, people["teacher"])
    page.goto(f"{live_server.url}/{language}/cabinet/")
    assert_fits_width(page)
    page.locator(f"a[href='/{language}/cabinet/new/']").click()

    # One form: the fields, then three files at once, each with its kind chosen beside it.
    page.fill("#id_title", "Критериалды бағалау 5-сыныпта")
    page.fill("#id_abstract", "Тәжірибенің сипаттамасы.")
    page.select_option("#id_subject", "mathematics")
    page.select_option("#id_category", "teacher_researcher")
    page.select_option("#id_result_kind", "talk")
    page.set_input_files("#id_files", [pdf("сабақ-жоспары.pdf", "plan"), pdf("акт.pdf", "act"),
                                       pdf("сертификат.pdf", "certificate")])
    kinds = page.locator("select[name=file_kind]")
    assert kinds.count() == 3
    kinds.nth(1).select_option("supporting:implementation_act")
    kinds.nth(2).select_option("supporting:certificate")
    assert_fits_width(page)
    save_screenshot(page, f"cabinet-new-{language}-{viewport}")
    page.click("button[name=action][value=save]")
    page.wait_for_url("**/edit/")
    submission = Submission.objects.get(author=people["teacher"])
    assert sorted(submission.files.values_list("kind", "document_kind")) == [
        ("material", ""), ("supporting", "certificate"), ("supporting", "implementation_act")]
    assert page.locator("#checklist").count() == 0  # nothing is missing
    assert_no_serious_axe_violations(page)

    page.click("button[name=action][value=send]")
    page.wait_for_url(f"**/cabinet/{submission.pk}/")
    assert Submission.objects.get(pk=submission.pk).state == "in_review"

    decide(submission, people["head"], "return", comment="Актіге мектептің мөрін қойыңыз.")
    page.goto(f"{live_server.url}/{language}/cabinet/")
    assert "Актіге мектептің мөрін қойыңыз." in page.content()
    assert text["returned"] in page.content()
    assert_fits_width(page)
    save_screenshot(page, f"cabinet-home-returned-{language}-{viewport}")
    page.goto(f"{live_server.url}/{language}/cabinet/{submission.pk}/edit/")
    page.fill("#id_abstract", "Тәжірибенің сипаттамасы, мөрмен.")
    page.click("button[name=action][value=send]")
    page.wait_for_url(f"**/cabinet/{submission.pk}/")
    assert Submission.objects.get(pk=submission.pk).round == 2

    decide(submission, people["head"], "endorse")
    decide(submission, people["council"], "approve", protocol_number="7",
           protocol_date=datetime.date.today() - datetime.timedelta(days=1))
    experience = ApprovedExperiencePage.objects.get(submission=submission)
    page.goto(live_server.url + experience.url)
    material = page.locator("a[href*='/experience/materials/']")
    assert material.count() == 1
    download = page.request.get(live_server.url + material.get_attribute("href"))
    assert download.status == 200 and download.body().startswith(PDF_HEADER)
    assert_fits_width(page)

    page.goto(f"{live_server.url}/{language}/cabinet/{submission.pk}/")
    page.fill("#id_date", "2026-11-20")
    page.fill("#id_place", "№ 8 мектеп-лицей")
    page.fill("#id_district", "Талғар")
    page.locator("form:has(#id_place) button[type=submit]").click()
    page.wait_for_load_state()
    assert f"{text['covered']} 1 / 3" in page.inner_text("main")
    assert_fits_width(page)
    save_screenshot(page, f"cabinet-approved-{language}-{viewport}")
