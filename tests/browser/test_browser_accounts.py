"""A teacher's first visit in a real browser: sign up, verify from the mail, ask to join, confirmed in the admin.

At 390 px in Kazakh and Russian, at 1280 px in English; every page fits the screen and axe finds nothing serious.
"""

import re

import pytest
from django.core import mail

from tests.browser.support import assert_fits_width, assert_no_serious_axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Steppe-browser-2026"
WORDS = {
    "kk": {"find": "Табу", "ask": "Қосылуды сұрау", "pending": "Сұрауыңыз мектептің жауабын күтуде",
           "confirmed": "Мектебіңіз сізді растады", "why": "Әзірге өтінім жібере алмайсыз"},
    "ru": {"find": "Найти", "ask": "Попросить присоединить", "pending": "Ваш запрос ждёт ответа школы",
           "confirmed": "Школа подтвердила вас", "why": "Пока вы не можете отправить заявку"},
    "en": {"find": "Find", "ask": "Ask to join", "pending": "Your request is waiting for the school",
           "confirmed": "Your school has confirmed you", "why": "You cannot send a submission yet"},
}


@pytest.fixture
def network(django_user_model):
    from home.demo import load_home
    from network.demo import load_network
    from network.models import LeadingSchoolPage, SchoolWorkspace

    from django.db import transaction

    with transaction.atomic():  # as load_demo does: the schools' provisioning runs once the network is built
        homes = load_home()
        load_network(homes, schools=1)
    school = LeadingSchoolPage.objects.filter(locale__language_code="kk").order_by("path").first()
    editor = django_user_model.objects.create_user("editor", "editor@school.kz", "editor-pass-2026")
    editor.groups.add(SchoolWorkspace.objects.get(translation_key=school.translation_key).editors)
    return {"school": school, "editor": editor}


def checked(page, name):
    assert_fits_width(page)
    assert_no_serious_axe_violations(page)
    save_screenshot(page, name)


@pytest.mark.parametrize("language, viewport", [("kk", "phone"), ("ru", "phone"), ("en", "desktop")])
def test_sign_up_verify_ask_to_join_and_be_confirmed(language, viewport, network, live_server, chromium, request):
    page = request.getfixturevalue(f"{viewport}_page")
    words, url, tag = WORDS[language], live_server.url, f"{language}-{viewport}"
    email = f"teacher.{language}@school.kz"
    mail.outbox.clear()

    page.goto(f"{url}/{language}/")
    page.locator(".account-links a").click()
    page.wait_for_url(re.compile(f"/{language}/account/login/"))
    page.locator("a[href*='/account/signup/']").first.click()
    page.wait_for_url(re.compile(f"/{language}/account/signup/"))
    checked(page, f"accounts-signup-{tag}")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(f"/{language}/account/confirm-email/$"))
    checked(page, f"accounts-verification-sent-{tag}")

    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    page.goto(url + link)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(f"/{language}/account/profile/"))
    checked(page, f"accounts-profile-{tag}")

    page.goto(f"{url}/{language}/account/school/")
    assert words["why"] in page.locator("main").inner_text()
    school = network["school"]
    page.select_option("select[name=region]", label=_region_title(school, language))
    page.fill("input[name=school_name]", _number_in(school.title))
    page.get_by_role("button", name=words["find"], exact=True).click()
    assert page.locator(".school-result").count() == 1  # the number finds the one school
    page.locator(".school-result label").first.click()
    checked(page, f"accounts-school-search-{tag}")
    page.get_by_role("button", name=words["ask"]).click()
    page.wait_for_url(re.compile(f"/{language}/account/school/$"))
    assert words["pending"] in page.locator("main").inner_text()

    # The school's editor confirms in the admin, in another browser.
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    admin = context.new_page()
    admin.goto(f"{url}/admin/login/")
    admin.fill("input[name=username]", "editor")
    admin.fill("input[name=password]", "editor-pass-2026")
    admin.locator("form button[type=submit]").first.click()
    admin.wait_for_url(f"{url}/admin/")
    admin.goto(f"{url}/admin/teachers/")
    row = admin.locator("tr", has_text=email)
    row.locator("form[action$='/confirm/'] button").click()
    admin.wait_for_url(f"{url}/admin/teachers/")
    assert admin.locator("form[action$='/confirm/']").count() == 0  # nothing waits any more
    context.close()

    page.reload()
    assert words["confirmed"] in page.locator("main").inner_text()
    checked(page, f"accounts-school-confirmed-{tag}")


def _region_title(school, language):
    from wagtail.models import Locale

    return school.region.get_translation(Locale.objects.get(language_code=language)).title


def _number_in(title):
    return re.search(r"\d+", title).group(0)
