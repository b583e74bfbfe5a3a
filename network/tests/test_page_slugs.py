"""Creating a post in the admin: an autosaved draft the editor abandoned does not block its title, a slug the editor
typed that is taken is reported at the top of the form in their language. The autosave racing the Submit button:
test_page_slugs_race.py (its own module: the demo network fixture here holds a transaction open)."""

import pytest
from django.contrib.messages import get_messages
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from network.models import BlogIndexPage, BlogPostPage
from network.page_creation import slug_from_title

TITLE = "Мектептегі ғылым апталығы"


def new_post_form(title, slug, action=None):
    """What the browser posts from the "create" form; Wagtail's title field has written `slug` on the Promote tab."""
    data = {
        "title": title,
        "slug": slug,
        "date": "2026-11-30",
        "intro": "",
        "authors": [],
        "categories": [],
        "tags": "",
        "body": streamfield([("paragraph", rich_text("<p>Апталық бағдарламасы</p>"))]),
        "comments": inline_formset([]),
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def autosave(client, url, title, token=None):
    """Wagtail's autosave: the same form, posted while the editor types, answered in JSON."""
    data = new_post_form(title, slug_from_title(title))
    if token:
        data["creation_token"] = token
    return client.post(url, data, HTTP_ACCEPT="application/json")


@pytest.mark.django_db
class TestOnTheCreateForm:
    @pytest.fixture
    def blog(self, staff, client):
        client.force_login(staff["editor_a"])
        blog = BlogIndexPage.objects.child_of(staff["a"]).get()
        return blog, f"/admin/pages/add/network/blogpostpage/{blog.pk}/"

    def test_an_abandoned_autosaved_draft_does_not_block_its_title(self, client, blog):
        blog, url = blog
        saved = autosave(client, url, TITLE)
        assert saved.status_code == 200 and saved.json()["success"] is True
        orphan = BlogPostPage.objects.get(pk=saved.json()["pk"])
        assert orphan.slug == slug_from_title(TITLE) and not orphan.live and orphan.first_published_at is None

        # The editor leaves that form and writes the post again from a new one, then submits it for moderation.
        response = client.post(url, new_post_form(TITLE, slug_from_title(TITLE), "action-submit"))
        assert response.status_code == 302
        post = BlogPostPage.objects.child_of(blog).exclude(pk=orphan.pk).get(title=TITLE)
        assert post.slug == slug_from_title(TITLE) + "-1"
        assert post.workflow_states.get().status == "in_progress"
        # A third one takes the next number.
        client.post(url, new_post_form(TITLE, slug_from_title(TITLE)))
        assert BlogPostPage.objects.child_of(blog).filter(slug=slug_from_title(TITLE) + "-2").exists()

    @pytest.mark.parametrize(
        "language, shown",
        [
            (
                "kk",
                "Бұл веб-мекенжайды осы бөлімдегі басқа бет қолданып отыр. «Ілгерілету» қойындысындағы «slug» "
                "өрісін өзгертіңіз.",
            ),
            (
                "ru",
                "Этот веб-адрес уже занят другой страницей этого раздела. Измените поле «slug» на вкладке "
                "«Продвижение».",
            ),
        ],
    )
    def test_a_typed_slug_that_is_taken_is_reported_at_the_top_of_the_form(self, client, blog, staff, language, shown):
        blog, url = blog
        from wagtail.users.models import UserProfile

        UserProfile.objects.update_or_create(user=staff["editor_a"], defaults={"preferred_language": language})
        taken = BlogPostPage.objects.child_of(blog).first().slug
        before = BlogPostPage.objects.count()
        response = client.post(url, new_post_form("Жаңа жазба", taken, "action-submit"))
        # The form comes back with the editor's text; nothing was created and nothing was renamed for them.
        assert response.status_code == 200 and BlogPostPage.objects.count() == before
        assert "slug" in response.context["form"].errors
        top = " ".join(str(message) for message in get_messages(response.wsgi_request))
        assert shown in top
        assert "already in use" not in top  # Wagtail's own line under it is in the editor's language too
        assert shown in response.content.decode()

    def test_editing_a_page_keeps_its_slug_rule(self, client, blog):
        """On the edit form nothing is renamed: a taken slug there is still refused."""
        blog, url = blog
        first, second = BlogPostPage.objects.child_of(blog)[:2]
        data = new_post_form(second.title, first.slug)
        response = client.post(f"/admin/pages/{second.pk}/edit/", data)
        assert response.status_code == 200 and "slug" in response.context["form"].errors
        assert BlogPostPage.objects.get(pk=second.pk).slug == second.slug
