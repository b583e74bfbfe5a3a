"""The index holds only what visitors may see, and follows publication, unpublication, moves, deletions,
privacy changes and documents; the rebuild command builds it from scratch."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from search.models import SearchEntry

from .test_helpers import network, rebuild, search, titles  # noqa: F401 (fixture)

# The site search index is PostgreSQL's (CI); on SQLite the page falls back to Wagtail's backend.
pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the search index needs PostgreSQL")


@pytest.fixture
def indexed(network, django_capture_on_commit_callbacks):
    """Runs the index tasks, which wait for the commit, as a real request would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def test_drafts_and_unpublished_changes_are_never_found(client, network, indexed):
    indexed(network.post, "kk", "Жарияланбаған жоба", live=False)
    live = indexed(network.post, "kk", "Жарияланған жоба", published=True)
    live.title = "Құпия жоспар"
    indexed(live.save_revision)  # a draft of new content
    assert titles(search(client, "kk", "жоба")) == ["Жарияланған жоба"]
    assert titles(search(client, "kk", "құпия")) == []
    assert titles(search(client, "kk", "жарияланбаған")) == []


def test_private_pages_and_sections_are_never_found(client, network, indexed):
    private = indexed(network.post, "ru", "Закрытая страница", published=True)
    indexed(PageViewRestriction.objects.create, page=private, restriction_type=PageViewRestriction.LOGIN)
    assert titles(search(client, "ru", "страница")) == []
    indexed(network.post, "ru", "Страница в закрытом разделе", published=True)
    restriction = indexed(
        PageViewRestriction.objects.create,
        page=network.blogs["ru"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    assert titles(search(client, "ru", "страница")) == []
    rebuild()
    assert titles(search(client, "ru", "страница")) == []
    indexed(restriction.delete)
    assert titles(search(client, "ru", "страница")) == ["Страница в закрытом разделе"]


def test_publish_unpublish_move_and_delete_update_the_index(client, network, indexed):
    post = indexed(network.post, "en", "Mentoring young teachers", published=True)
    assert titles(search(client, "en", "mentor")) == ["Mentoring young teachers"]
    indexed(post.unpublish)
    assert titles(search(client, "en", "mentor")) == []
    post.title = "Mentoring new teachers"
    indexed(post.save_revision().publish)
    found = search(client, "en", "mentor").context["results"]
    assert [result.title for result in found] == ["Mentoring new teachers"]
    assert found[0].url.startswith("/en/abai-en/lyceum-7-en/blog/")
    indexed(post.move, network.schools["en"], pos="last-child")
    found = search(client, "en", "mentor").context["results"]
    assert found[0].url == f"/en/abai-en/lyceum-7-en/{post.slug}/"
    indexed(post.delete)
    assert titles(search(client, "en", "mentor")) == []
    assert not SearchEntry.objects.filter(title__startswith="Mentoring").exists()


def test_documents_are_found_by_title_and_tags_in_every_language_unless_restricted(client, network, indexed):
    Document = get_document_model()
    document = Document(title="Сабақ жоспарының үлгісі", collection=Collection.get_first_root_node())
    document.file.save("plan.txt", ContentFile(b"plan"), save=False)
    indexed(document.save)
    indexed(document.tags.add, "бағалау")
    for language in ("kk", "ru", "en"):
        results = search(client, language, "бағалау").context["results"]
        assert [(result.title, result.kind) for result in results] == [("Сабақ жоспарының үлгісі", "document")]
        assert results[0].url.startswith("/documents/")
    assert titles(search(client, "kk", "жоспар")) == ["Сабақ жоспарының үлгісі"]
    private = Collection.get_first_root_node().add_child(name="Review files")
    restricted = Document(title="Қорытынды хаттама", collection=private)
    restricted.file.save("protocol.txt", ContentFile(b"x"), save=False)
    restriction = indexed(
        CollectionViewRestriction.objects.create, collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Council")])
    indexed(restricted.save)
    assert titles(search(client, "kk", "хаттама")) == []
    rebuild()
    assert titles(search(client, "kk", "хаттама")) == []
    indexed(document.delete)
    assert titles(search(client, "ru", "бағалау")) == []


def test_rebuild_command_indexes_every_kind_in_its_language(network, run_command):
    network.post("kk", "Жазба")
    network.event("ru", "Семинар")
    network.resource("en", "Worksheet")
    network.standard("en", "About us")
    output = run_command("rebuild_search_index")
    assert "Indexed" in output
    kinds = set(SearchEntry.objects.values_list("language", "kind"))
    assert {
        ("kk", "post"),
        ("ru", "event"),
        ("en", "resource"),
        ("en", "page"),
        ("kk", "school"),
        ("ru", "school"),
        ("en", "page"),
    } <= kinds
    # containers (blog, events, portal) are not results
    assert not SearchEntry.objects.filter(title__in=["Blog", "Events", "Resources"]).exists()
