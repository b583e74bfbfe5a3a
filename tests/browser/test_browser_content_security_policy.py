"""Hole 9: a Content-Security-Policy that the site and the Wagtail admin live with, seen in a real Chromium.

Every page opened here listens to `securitypolicyviolation` events: the public pages and the admin's page editor
must load without one (and without console errors, which the fixtures assert).
"""

import pytest

from tests.browser.support import save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LISTEN = """() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation',
        e => window.__violations.push(
            e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber
        ));
}"""


def violations(page):
    return page.evaluate("() => window.__violations || []")


@pytest.fixture
def site(django_capture_on_commit_callbacks, django_user_model):
    from demo.home import load_home
    from network.factories import add, add_post
    from network.models import BlogIndexPage, LeadingSchoolPage, RegionPage

    with django_capture_on_commit_callbacks(execute=True):
        homes = load_home()
    region = add(homes["kk"], RegionPage(title="Алматы облысы", slug="almaty-region"))
    # Outside a transaction the school's blog, events and portal are provisioned at once (network/provisioning.py).
    school = add(
        region,
        LeadingSchoolPage(title="Қонаев жетекші мектебі", slug="konaev", locality="Қонаев", email="school@example.kz"),
    )
    add_post(BlogIndexPage.objects.child_of(school).get(), "Бағалау туралы жазба")
    django_user_model.objects.create_superuser("chief", "chief@example.kz", "chief-password-2026")
    return homes


def watch(page):
    page.add_init_script(LISTEN.replace("() => {", "(() => {", 1) + ")();")


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-password-2026")
    with page.expect_navigation():
        page.locator("form button[type=submit], form input[type=submit]").first.click()


def test_public_pages_send_the_policy_and_break_nothing(site, live_server, desktop_page):
    from network.models import LeadingSchoolPage

    watch(desktop_page)
    school = LeadingSchoolPage.objects.live().filter(locale__language_code="kk").first()
    for path in ["/kk/", "/ru/", school.url, "/kk/search/?query=мектеп", "/en/follow/"]:
        response = desktop_page.goto(live_server.url + path)
        policy = response.headers["content-security-policy"]
        # The nonce is added to script-src on the pages that use it; no page may allow inline scripts otherwise.
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "object-src 'none'" in policy
        assert "camera=()" in response.headers["permissions-policy"]
        desktop_page.wait_for_load_state("networkidle")
        assert violations(desktop_page) == [], path


def test_the_page_editor_loads_without_a_violation(site, live_server, desktop_page):
    from network.models import BlogPostPage

    watch(desktop_page)
    sign_in(desktop_page, live_server)
    post = BlogPostPage.objects.filter(locale__language_code="kk").first()
    response = desktop_page.goto(f"{live_server.url}/admin/pages/{post.pk}/edit/")
    assert response.status == 200 and "content-security-policy" in response.headers
    desktop_page.wait_for_load_state("networkidle")
    desktop_page.locator("[data-streamfield-stream-container], .w-panel").first.wait_for()
    assert violations(desktop_page) == []
    save_screenshot(desktop_page, "admin-page-editor-csp-1280")
    desktop_page.goto(f"{live_server.url}/admin/")
    desktop_page.wait_for_load_state("networkidle")
    assert violations(desktop_page) == []


def test_the_admins_other_screens_load_without_a_violation(site, live_server, desktop_page):
    """The policy kept for the admin (docs/measurements.md, "Admin CSP") is lived with by the screens people use
    besides the page editor: the translation editor (wagtail-localize), the image library and its chooser, the
    reviewers' inbox, the monitoring overview with its charts, and the upload form of the document library."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    from network.models import BlogPostPage

    post = BlogPostPage.objects.filter(locale__language_code="kk").first()
    source, _created = TranslationSource.get_or_create_from_instance(post)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="ru"))
    translation.save_target(publish=False)
    russian = post.get_translation(Locale.objects.get(language_code="ru"))

    watch(desktop_page)
    sign_in(desktop_page, live_server)
    for path, ready in [
        (f"/admin/pages/{russian.pk}/edit/", ".js-translation-editor, [data-translation-editor], main"),
        ("/admin/images/", "main"),
        ("/admin/documents/add/", "form[enctype='multipart/form-data']"),
        ("/admin/reviews/", "main"),
        ("/admin/monitoring/", "main"),
    ]:
        response = desktop_page.goto(live_server.url + path)
        assert response.status == 200, path
        assert "'unsafe-eval'" not in response.headers["content-security-policy"]
        desktop_page.locator(ready).first.wait_for()
        desktop_page.wait_for_load_state("networkidle")
        assert violations(desktop_page) == [], path
    # The image chooser, opened from the page editor as an editor does.
    desktop_page.goto(f"{live_server.url}/admin/pages/{post.pk}/edit/")
    desktop_page.wait_for_load_state("networkidle")
    desktop_page.locator("#id_image-chooser button.chooser__choose-button").click()
    desktop_page.locator(".modal-content form, .modal-body").first.wait_for()
    desktop_page.wait_for_load_state("networkidle")
    assert violations(desktop_page) == []
    save_screenshot(desktop_page, "admin-chooser-csp-1280")
