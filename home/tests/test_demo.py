import pytest
from wagtail.models import Page

from network.models import BlogPostPage, EventPage, LeadingSchoolPage, RegionPage, ResourcePage


@pytest.mark.django_db
def test_load_demo_builds_a_translated_network_and_is_idempotent(run_command, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = run_command("load_demo", schools=1)
    assert "Demo network: 1 regions, 1 Leading Schools." in first
    with django_capture_on_commit_callbacks(execute=True):
        second = run_command("load_demo", schools=1)
    assert "Demo network already loaded." in second

    school = LeadingSchoolPage.objects.get(locale__language_code="kk")
    assert school.partner_schools.count() == 10 and school.creative_groups.count() == 4
    assert {page.locale.language_code for page in school.get_translations(inclusive=True)} == {"kk", "ru", "en"}
    assert BlogPostPage.objects.filter(school=school).count() == 5
    assert EventPage.objects.filter(school=school).count() == 4
    assert ResourcePage.objects.filter(school=school, document__isnull=False).count() == 5
    assert RegionPage.objects.filter(locale__language_code="ru").count() == 1
    # Most, not all, content is translated: the fifth post stays in Kazakh.
    assert BlogPostPage.objects.filter(locale__language_code="ru").count() == 4
    problems = Page.find_problems()
    assert all(not problem for problem in problems), problems
