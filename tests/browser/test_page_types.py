"""Every public page type, in kk, ru and en, on a 390 px phone and a 1280 px desktop, in a real Chromium: no page is
wider than the screen, the console stays clean, axe-core finds no serious or critical violation, and a screenshot
of each is written to browser-screenshots/ for a person to look at.

One test loads the demo network once and walks every page in both browsers (the live server and the browser are
started once for the module); it reports every failing page together rather than stopping at the first.
"""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.browser.support import (
    allow_console_errors,
    assert_fits_width,
    assert_no_serious_axe_violations,
    save_screenshot,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ("kk", "ru", "en")
SEARCH_WORDS = {"kk": "мектеп", "ru": "школа", "en": "school"}


@pytest.fixture
def demo_site():
    """The demo as `./run start` makes it (two Leading Schools and the review demo's approved experience), committed
    for the live server to see; its after-commit work (sections, translations, the search index) runs as in
    production."""
    call_command("load_demo", schools=2, stdout=io.StringIO())


def first(model, language, **filters):
    return model.objects.live().filter(locale__language_code=language, **filters).order_by("path").first()


def page_types(language):
    """(name, path) of one page of every public type in `language`."""
    from network.models import (
        BlogIndexPage,
        BlogPostPage,
        EventIndexPage,
        EventPage,
        LeadingSchoolPage,
        NetworkEventsPage,
        NetworkNewsPage,
        ResourceLibraryPage,
        ResourcePage,
    )
    from workflows.models import ApprovedExperiencePage

    school = first(LeadingSchoolPage, language)
    event = first(EventPage, language)
    resource = first(ResourcePage, language)
    month = timezone.localtime(event.start)
    when = "past" if event.is_past else "upcoming"
    experience = ApprovedExperiencePage.objects.live().order_by("path").first()
    experience_here = experience.get_translation_or_none(first(LeadingSchoolPage, language).locale) or experience
    return [
        ("home", f"/{language}/"),
        ("region", school.get_parent().url),
        ("school", school.url),
        ("blog", first(BlogIndexPage, language).url),
        ("post", first(BlogPostPage, language).url),
        ("school-events", first(EventIndexPage, language).url),
        ("event", event.url),
        ("network-news", first(NetworkNewsPage, language).url),
        ("network-events", first(NetworkEventsPage, language).url),
        ("network-events-month", f"{first(NetworkEventsPage, language).url}?when={when}&month={month:%Y-%m}"),
        (
            "library-filtered",
            f"{first(ResourceLibraryPage, language).url}?subject={resource.subject}&grade={resource.grade_from or ''}",
        ),
        ("resource", resource.url),
        # Approved experience is published in its submission's language: in the others this is "not translated".
        ("approved-experience", f"/{language}{experience_here.url[3:]}"),
        ("search", f"/{language}/search/?query={SEARCH_WORDS[language]}"),
        ("follow", f"/{language}/follow/"),
        ("subscribe", f"/{language}/follow/subscribe/?school={school.pk}"),
        ("not-found", f"/{language}/no-such-page/"),
    ]


def check(page, url, name, failures):
    response = page.goto(url)
    if response.status == 404:
        allow_console_errors(page, "404")
    for assertion in (assert_fits_width, assert_no_serious_axe_violations):
        try:
            assertion(page)
        except AssertionError as error:
            failures.append(f"{name}: {error}")
    if page.console_errors:
        failures.append(f"{name}: console errors {page.console_errors}")
        page.console_errors.clear()
    save_screenshot(page, name)
    return response.status


def test_every_page_type_fits_a_phone_and_a_desktop_in_every_language(demo_site, live_server, phone_page, desktop_page):
    failures, statuses = [], {}
    for language in LANGUAGES:
        for name, path in page_types(language):
            for width, page in (("390", phone_page), ("1280", desktop_page)):
                statuses[name, language] = check(page, live_server.url + path, f"{name}-{language}-{width}", failures)
    assert failures == [], "\n".join(failures)
    # Every page type answered as it should: a real page, or the translated 404s asked for on purpose.
    not_found = {key for key, status in statuses.items() if status == 404}
    assert {("not-found", language) for language in LANGUAGES} <= not_found
    assert not_found - {("not-found", language) for language in LANGUAGES} <= {
        ("approved-experience", language) for language in LANGUAGES
    }
    assert all(status == 200 for key, status in statuses.items() if key not in not_found)
