"""Hole 6: a view restriction covers every translation of the page, and the sitemap, feeds and menus follow."""

import pytest
from wagtail.models import PageViewRestriction

from follow.tests.fixtures import empty_cache, network  # noqa: F401 (fixtures)
from network.factories import add_post, translate

PASSWORD = PageViewRestriction.PASSWORD


@pytest.fixture
def translated(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        region_ru = translate(network["region"], "ru")
        school_ru = translate(network["school"], "ru")
    return {**network, "region_ru": region_ru, "school_ru": school_ru}


def restrict(page, password="secret-2026"):
    return PageViewRestriction.objects.create(page=page, restriction_type=PASSWORD, password=password)


def is_password_form(response):
    return response.status_code == 200 and "wagtailcore/password_required.html" in [t.name for t in response.templates]


def test_a_password_on_the_kazakh_page_covers_its_russian_translation(client, translated):
    school, school_ru = translated["school"], translated["school_ru"]
    assert not is_password_form(client.get(school_ru.url))
    restrict(school)
    copy = PageViewRestriction.objects.get(page=school_ru)
    assert copy.restriction_type == PASSWORD and copy.password == "secret-2026"
    assert is_password_form(client.get(school.url)) and is_password_form(client.get(school_ru.url))
    sitemap = client.get("/sitemap.xml").content.decode()
    assert school_ru.url not in sitemap and school.url not in sitemap
    assert translated["region_ru"].url in sitemap  # the rest stays public


def test_changing_or_removing_the_restriction_on_any_translation_follows_everywhere(client, translated):
    school, school_ru = translated["school"], translated["school_ru"]
    restrict(school)
    restriction_ru = PageViewRestriction.objects.get(page=school_ru)
    restriction_ru.password = "changed-2026"
    restriction_ru.save()
    assert PageViewRestriction.objects.get(page=school).password == "changed-2026"
    restriction_ru.delete()
    assert not PageViewRestriction.objects.filter(page__in=[school, school_ru]).exists()
    assert not is_password_form(client.get(school.url))


def test_a_group_restriction_copies_its_groups(translated):
    from django.contrib.auth.models import Group

    editors = Group.objects.create(name="Only these")
    restriction = PageViewRestriction.objects.create(page=translated["school"], restriction_type="groups")
    restriction.groups.set([editors])
    copy = PageViewRestriction.objects.get(page=translated["school_ru"])
    assert copy.restriction_type == "groups" and list(copy.groups.all()) == [editors]


def test_a_translation_made_after_the_restriction_is_born_restricted(
    client, translated, django_capture_on_commit_callbacks
):
    restrict(translated["school"])
    with django_capture_on_commit_callbacks(execute=True):
        translate(translated["region"], "en")
        school_en = translate(translated["school"], "en")
    assert PageViewRestriction.objects.filter(page=school_en, restriction_type=PASSWORD).exists()
    assert is_password_form(client.get(school_en.url))


def test_feeds_and_menus_leave_out_the_restricted_translation(client, translated, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post = add_post(translated["blog"], "Жабық жазба")
        # The Russian school got its blog when it was translated (network/provisioning.py), or gets it here.
        blog_ru = translated["blog"].get_translation_or_none(translated["school_ru"].locale)
        blog_ru = blog_ru or translate(translated["blog"], "ru")
        translate(post, "ru", title="Закрытая запись")
    assert blog_ru.live
    assert "Закрытая запись" in client.get("/ru/follow/news.rss").content.decode()
    menu_before = client.get("/ru/").content.decode()
    assert translated["region_ru"].title in menu_before
    with django_capture_on_commit_callbacks(execute=True):
        restrict(translated["region"])
    assert "Закрытая запись" not in client.get("/ru/follow/news.rss").content.decode()
    assert f'href="{translated["region_ru"].url}"' not in client.get("/ru/").content.decode()
