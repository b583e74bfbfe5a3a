"""A teacher's whole journey in a real Chromium, in one go (issue 10): sign up, verify the address from the mail,
ask to join a school, be confirmed by its head in the admin, a draft with three files, send, returned by the
school's head, revise, resend, endorsed by the head and approved by the regional council in the admin, the chosen
material downloadable on the public page of the approved experience, dissemination recorded in the cabinet.

The teacher works on a phone (390 px), the reviewers in the admin at 1280 px, each in a browser of their own. Every
teacher's page is checked for fit, axe and the console (the `phone_page` fixture fails on a console error).
The words asserted are read from the catalogues in the journey's language, so that a revised translation does not
break the test while an untranslated page still does.
"""

import datetime
import re

import pytest
from django.core import mail
from django.utils import translation

from tests.browser.conftest import DESKTOP, open_page
from tests.browser.support import (
    assert_fits_width,
    assert_no_serious_axe_violations,
    click_and_load,
    save_screenshot,
    sign_in_to_admin,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Steppe-browser-2026"
PDF = b"%PDF-1.4\n"
RETURN_COMMENT = "Енгізу туралы актіге мектептің мөрі мен басшының қолы қойылсын."


def said(language, message):
    """What the site says for `message` in `language`, from the project's catalogues."""
    with translation.override(language):
        return str(translation.gettext(message))


@pytest.fixture
def school(language, django_capture_on_commit_callbacks):
    """One Leading School in kk and ru (its sections provisioned), its first head and its region's council, whose
    admin is in the journey's language."""
    from wagtail.models import Locale

    from demo.home import load_home
    from network.factories import make_school, translate_page
    from workflows.factories import reviewer
    from workflows.models import ReviewerRole

    with django_capture_on_commit_callbacks(execute=True):
        homes = load_home()
    kk = make_school(homes["kk"], "Ақмола облысы", "№ 27 Жетекші мектеп", "akmola", "school-27")
    russian = Locale.objects.get(language_code="ru")
    translate_page(kk.get_parent().specific, russian, {"title": "Акмолинская область"})
    translate_page(kk, russian, {"title": "Ведущая школа № 27"})
    return {
        "kk": kk,
        "head": reviewer("head27", ReviewerRole.Role.SCHOOL_HEAD, school=kk, language=language),
        "council": reviewer("council-akmola", ReviewerRole.Role.REGIONAL_COUNCIL, region=kk.region, language=language),
    }


def checked(page, name):
    """A teacher's page: it fits the phone, axe finds nothing serious, and a picture is kept."""
    assert_fits_width(page)
    assert_no_serious_axe_violations(page)
    save_screenshot(page, name)


def pdf(name, text):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF + text.encode()}


def admin_session(chromium, url, username):
    """A reviewer signs in to the Wagtail admin in a desktop browser of their own."""
    context, page = open_page(chromium, DESKTOP)
    sign_in_to_admin(page, url, username, username)  # workflows.factories.UserFactory's password
    return context, page


def decide(page, url, title, decision, **fields):
    """In the admin: the inbox, the task, the decision form, back to the inbox."""
    page.goto(f"{url}/admin/reviews/")
    page.get_by_role("link", name=title).click()
    page.wait_for_url(re.compile(r"/admin/reviews/task/\d+/$"))
    page.check(f"input[name=decision][value={decision}]")
    for name, value in fields.items():
        page.fill(f"[name={name}]", value)
    page.locator("form.review-form button[type=submit]").click()
    page.wait_for_url(f"{url}/admin/reviews/")
    assert page.locator(".messages .success").count() == 1, page.locator(".messages").inner_text()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_teacher_from_sign_up_to_dissemination(language, school, live_server, chromium, phone_page):
    from workflows.models import ApprovedExperiencePage, Submission

    page, url, email = phone_page, live_server.url, f"aigerim.{language}@school.kz"
    title = {"kk": "Критериалды бағалау 5-сыныпта", "ru": "Критериальное оценивание в 5 классе"}[language]

    # Sign up and verify the address from the mail.
    page.goto(f"{url}/{language}/")
    page.locator(".account-links a").click()
    page.wait_for_url(re.compile(f"/{language}/account/login/"))
    page.locator("a[href*='/account/signup/']").first.click()
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    checked(page, f"teacher-01-signup-{language}")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(f"/{language}/account/confirm-email/$"))
    (message,) = mail.outbox
    page.goto(url + re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1))
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(f"/{language}/account/profile/"))
    page.fill("input[name=first_name]", "Айгерім")
    page.fill("input[name=last_name]", "Бекова")
    page.fill("input[name=position]", {"kk": "математика мұғалімі", "ru": "учитель математики"}[language])
    checked(page, f"teacher-02-profile-{language}")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(f"/{language}/account/profile/"))

    # An unconfirmed teacher is told why the cabinet cannot send yet, then asks to join the school.
    page.goto(f"{url}/{language}/account/school/")
    assert said(language, "You cannot send a submission yet") in page.inner_text("main")
    page.select_option("select[name=region]", label={"kk": "Ақмола облысы", "ru": "Акмолинская область"}[language])
    page.fill("input[name=school_name]", "27")
    school_title = {"kk": "№ 27 Жетекші мектеп", "ru": "Ведущая школа № 27"}[language]
    click_and_load(page, page.get_by_role("button", name=said(language, "Find"), exact=True))
    found = page.locator(".school-result__name")
    assert found.count() == 2  # the Leading School and its partner school, both numbered 27
    found.get_by_text(school_title, exact=True).click()
    checked(page, f"teacher-03-school-found-{language}")
    page.get_by_role("button", name=said(language, "Ask to join")).click()
    page.wait_for_url(re.compile(f"/{language}/account/school/$"))
    assert said(language, "Your request is waiting for the school") in page.inner_text("main")

    # The school's first head confirms the teacher under "Teachers of this school".
    head_context, head = admin_session(chromium, url, "head27")
    head.locator("a[href='/admin/teachers/']").first.click()
    head.wait_for_url(f"{url}/admin/teachers/")
    click_and_load(head, head.locator("tr", has_text=email).locator("form[action$='/confirm/'] button"))
    assert head.url == f"{url}/admin/teachers/"
    assert head.locator("form[action$='/confirm/']").count() == 0
    save_screenshot(head, f"teacher-04-admin-confirmed-{language}")

    page.reload()
    assert said(language, "Your school has confirmed you") in page.inner_text("main")

    # One form: the fields, and three files at once with a kind beside each.
    page.locator(".account-links a").click()
    page.wait_for_url(f"{url}/{language}/cabinet/")
    checked(page, f"teacher-05-cabinet-{language}")
    page.locator(f"a[href='/{language}/cabinet/new/']").first.click()
    page.fill("#id_title", title)
    page.fill("#id_abstract", "5-сыныпта математикадан критериалды бағалау рубрикалары.")
    page.select_option("#id_language", language)
    page.select_option("#id_subject", "mathematics")
    page.select_option("#id_category", "teacher_researcher")
    page.select_option("#id_result_kind", "talk")
    page.set_input_files(
        "#id_files", [pdf("сабақ-жоспары.pdf", "plan"), pdf("рубрикалар.pdf", "rubrics"), pdf("енгізу-акті.pdf", "act")]
    )
    kinds = page.locator("select[name=file_kind]")
    assert kinds.count() == 3
    kinds.nth(2).select_option("supporting:implementation_act")
    checked(page, f"teacher-06-new-three-files-{language}")
    page.click("button[name=action][value=save]")
    page.wait_for_url(re.compile(r"/cabinet/\d+/edit/$"))
    submission = Submission.objects.get(author__email=email)
    assert sorted(submission.files.values_list("original_name", "kind", "document_kind")) == [
        ("енгізу-акті.pdf", "supporting", "implementation_act"),
        ("рубрикалар.pdf", "material", ""),
        ("сабақ-жоспары.pdf", "material", ""),
    ]
    assert page.locator("#checklist").count() == 0  # nothing is missing

    # The author chooses what is published if approved: the lesson plan, not the rubrics.
    page.locator(".cabinet-files li", has_text="рубрикалар.pdf").locator("input[name=publish]").uncheck()
    checked(page, f"teacher-07-draft-saved-{language}")
    page.click("button[name=action][value=send]")
    page.wait_for_url(f"{url}/{language}/cabinet/{submission.pk}/")
    assert (said(language, "Sent for review: %(title)s.") % {"title": title}) in page.inner_text("main")
    checked(page, f"teacher-08-sent-{language}")

    # The head returns it for revision, with a comment.
    decide(head, url, title, "return", comment=RETURN_COMMENT)

    page.goto(f"{url}/{language}/cabinet/")
    assert RETURN_COMMENT in page.inner_text("main")
    checked(page, f"teacher-09-cabinet-returned-{language}")
    page.get_by_role("link", name=title).first.click()
    page.wait_for_url(f"{url}/{language}/cabinet/{submission.pk}/edit/")
    assert said(language, "Returned for revision. The reviewers' comment:") in page.inner_text(".cabinet-comment")
    assert RETURN_COMMENT in page.inner_text(".cabinet-comment")
    page.fill("#id_abstract", "5-сыныпта математикадан критериалды бағалау рубрикалары; акт мөрмен расталды.")
    checked(page, f"teacher-10-revise-{language}")
    page.get_by_role("button", name=said(language, "Resubmit for review")).click()
    page.wait_for_url(f"{url}/{language}/cabinet/{submission.pk}/")
    submission.refresh_from_db()
    assert (submission.state, submission.round) == (Submission.State.IN_REVIEW, 2)

    # The head endorses; the regional council approves at its meeting (protocol number and date).
    decide(head, url, title, "endorse")
    head_context.close()
    council_context, council = admin_session(chromium, url, "council-akmola")
    decide(
        council,
        url,
        title,
        "approve",
        protocol_number="14",
        protocol_date=(datetime.date.today() - datetime.timedelta(days=1)).isoformat(),
        conclusion="Тәжірибе облыс деңгейінде таратуға ұсынылады.",
    )
    save_screenshot(council, f"teacher-11-admin-approved-{language}")
    council_context.close()

    # The public page, found from the school's resource portal, offers the chosen material and only it.
    experience = ApprovedExperiencePage.objects.get(submission=submission)
    assert experience.locale.language_code == language
    page.goto(url + experience.get_parent().url)
    page.get_by_role("link", name=title).first.click()
    page.wait_for_url(url + experience.url)
    materials = page.locator("a[href*='/experience/materials/']")
    assert [materials.nth(i).inner_text() for i in range(materials.count())] == ["сабақ-жоспары.pdf"]
    download = page.request.get(url + materials.first.get_attribute("href"))
    assert download.status == 200 and download.body() == PDF + b"plan"
    checked(page, f"teacher-12-public-experience-{language}")

    # Dissemination recorded in the cabinet.
    page.goto(f"{url}/{language}/cabinet/{submission.pk}/")
    page.fill("#id_date", "2026-11-20")
    page.fill("#id_place", "№ 8 мектеп-лицей")
    page.fill("#id_district", "Көкшетау")
    click_and_load(page, "form:has(#id_place) button[type=submit]")
    assert page.url == f"{url}/{language}/cabinet/{submission.pk}/"
    assert f"{said(language, 'Covered:')} 1 / 3" in page.inner_text("main")
    checked(page, f"teacher-13-dissemination-{language}")
