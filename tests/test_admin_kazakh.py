"""The Wagtail admin speaks Kazakh to our editors, teachers and reviewers.

Wagtail ships no kk catalogue, so site/locale_admin/kk translates the admin messages they see. Its msgids must be
copied exactly from Wagtail's or Django's own catalogues: a msgid with a typo would never match and the admin would
silently stay English, which is what the first tests guard against.
"""

import json
import re
from pathlib import Path

import django
import polib
import pytest
import taggit
import wagtail
import wagtail_localize
from bs4 import BeautifulSoup

from .test_catalogues import translations

ROOT = Path(__file__).resolve().parent.parent
ADMIN_CATALOGUE = ROOT / "site" / "locale_admin" / "kk" / "LC_MESSAGES" / "django.po"
SITE_CATALOGUE = ROOT / "site" / "locale" / "kk" / "LC_MESSAGES" / "django.po"
# The messages Wagtail's JavaScript draws (rich-text toolbar, block controls, comments, page explorer) are in the
# separate djangojs domain, served by /admin/jsi18n/ (Django's JavaScriptCatalog, which also reads LOCALE_PATHS).
DOMAINS = ("django", "djangojs")
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[A-Za-z_0-9]*\}")
TAG = re.compile(r"</?[a-z][^>]*>")


def reference_catalogues(domain="django"):
    """The English catalogues of Wagtail (with wagtail-localize and django-taggit) and Django: they list every msgid
    their code uses."""
    wagtail_dir = Path(wagtail.__file__).parent
    django_dir = Path(django.__file__).parent
    paths = [
        *wagtail_dir.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"),
        Path(wagtail_localize.__file__).parent / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po",
        # django-taggit: the tag field's help text under every post's "Tags".
        Path(taggit.__file__).parent / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po",
        django_dir / "conf" / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po",
        *django_dir.glob(f"contrib/*/locale/en/LC_MESSAGES/{domain}.po"),
    ]
    return [polib.pofile(str(path)) for path in paths if path.exists()]


@pytest.fixture(scope="module", params=DOMAINS)
def domain(request):
    return request.param


@pytest.fixture(scope="module")
def catalogue(domain):
    return polib.pofile(str(ADMIN_CATALOGUE.with_name(f"{domain}.po")))


@pytest.fixture(scope="module")
def reference(domain):
    known = {}
    for source in reference_catalogues(domain):
        for entry in source:
            if not entry.obsolete:
                known.setdefault((entry.msgctxt, entry.msgid), entry)
    return known


def entries(catalogue):
    return [entry for entry in catalogue if entry.msgid and not entry.obsolete]


# The catalogue itself.


def test_the_catalogue_is_complete_and_uses_the_kazakh_plural_rule(catalogue):
    assert catalogue.metadata["Language"] == "kk"
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n!=1);"
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    for entry in entries(catalogue):
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1] and all(entry.msgstr_plural.values()), entry.msgid
    assert len(entries(catalogue)) >= 120


def test_the_javascript_catalogue_has_every_message_of_wagtails_admin_and_translation_editor():
    """Wagtail's and wagtail-localize's djangojs catalogues are small: all of them is translated, not a selection."""
    catalogue = polib.pofile(str(ADMIN_CATALOGUE.with_name("djangojs.po")))
    ours = {(entry.msgctxt, entry.msgid) for entry in entries(catalogue)}
    wanted = [
        Path(wagtail.__file__).parent / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po",
        Path(wagtail_localize.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "djangojs.po",
    ]
    missing = [
        entry.msgid
        for path in wanted
        for entry in entries(polib.pofile(str(path)))
        if (entry.msgctxt, entry.msgid) not in ours
    ]
    assert missing == [], "Wagtail's JavaScript has new messages: translate them in locale_admin/kk/djangojs.po"


def test_the_compiled_catalogue_matches_its_source(catalogue, domain):
    compiled = polib.mofile(str(ADMIN_CATALOGUE.with_name(f"{domain}.mo")))
    assert translations(compiled) == translations(catalogue), "recompile: polib.pofile(po).save_as_mofile(mo)"


def test_every_msgid_is_one_wagtail_or_django_uses(catalogue, reference):
    unknown = [
        (entry.msgctxt, entry.msgid) for entry in entries(catalogue) if (entry.msgctxt, entry.msgid) not in reference
    ]
    assert unknown == [], "copy msgid (and msgctxt) exactly from Wagtail's or Django's catalogue"
    wrong_plural = [
        entry.msgid
        for entry in entries(catalogue)
        if entry.msgid_plural != reference[(entry.msgctxt, entry.msgid)].msgid_plural
    ]
    assert wrong_plural == []


def test_placeholders_and_markup_survive_translation(catalogue):
    def placeholders(text):
        return sorted(PLACEHOLDER.findall(text))

    def tags(text):
        return sorted(TAG.findall(text))

    for entry in entries(catalogue):
        if entry.msgid_plural:
            # The "one" form may spell the number out, so it may drop the count the msgid does not have either.
            one, other = entry.msgstr_plural[0], entry.msgstr_plural[1]
            assert set(placeholders(entry.msgid)) <= set(placeholders(one)) <= set(placeholders(entry.msgid_plural))
            assert placeholders(other) == placeholders(entry.msgid_plural), entry.msgid
            assert tags(one) == tags(other) == tags(entry.msgid), entry.msgid
        else:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), entry.msgid
            assert tags(entry.msgstr) == tags(entry.msgid), entry.msgid


def test_no_entry_is_shadowed_by_the_sites_own_catalogue(catalogue, domain):
    """site/locale comes first in LOCALE_PATHS: the same message here would never be used."""
    site_catalogue = SITE_CATALOGUE.with_name(f"{domain}.po")
    if not site_catalogue.exists():
        return
    ours = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(site_catalogue)) if not entry.obsolete}
    assert [entry.msgid for entry in entries(catalogue) if (entry.msgctxt, entry.msgid) in ours] == []


# What people see. Nobody here sets a preferred language, so the admin follows LANGUAGE_CODE = "kk".


def visible_text(response):
    page = BeautifulSoup(response.content, "html.parser")
    for hidden in page(["script", "style", "template", "svg"]):
        hidden.decompose()
    return " ".join(page.get_text(" ").split())


def sidebar_labels(response):
    props = BeautifulSoup(response.content, "html.parser").find(id="wagtail-sidebar-props")
    labels = []

    def walk(node):
        if isinstance(node, dict):
            labels.extend(value for key, value in node.items() if key == "label" and isinstance(value, str))
            node = list(node.values())
        if isinstance(node, list):
            for child in node:
                walk(child)

    walk(json.loads(props.string))
    return set(labels)


def assert_shows(text, *wanted, never=()):
    missing = [phrase for phrase in wanted if phrase not in text]
    assert missing == [], f"missing {missing}"
    left = [phrase for phrase in never if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)]
    assert left == [], f"still English: {left}"


KAZAKH_SIDEBAR = {"Есептер", "Анықтама", "Редактор нұсқаулығы", "Тіркелгі", "Шығу"}
ENGLISH_SIDEBAR = {"Reports", "Help", "Editor Guide", "Account", "Log out", "Pages", "Images", "Documents"}


@pytest.fixture
def school_editor(demo_network, django_user_model):
    from network.models import LeadingSchoolPage, SchoolWorkspace

    school = LeadingSchoolPage.objects.get(slug="school-54", locale__language_code="kk")
    user = django_user_model.objects.create_user("kk_editor", "kk_editor@school.kz", "pass-for-tests")
    user.groups.add(SchoolWorkspace.objects.get(translation_key=school.translation_key).editors)
    return user, school


@pytest.mark.django_db
def test_a_school_editor_works_in_kazakh(client, school_editor):
    from network.models import BlogIndexPage, BlogPostPage

    user, school = school_editor
    client.force_login(user)

    dashboard = client.get("/admin/")
    labels = sidebar_labels(dashboard)
    assert KAZAKH_SIDEBAR | {"Беттер", "Суреттер", "Құжаттар", "Ескірген беттер", "Сайт тарихы"} <= labels
    assert labels.isdisjoint(ENGLISH_SIDEBAR | {"Aging pages", "Site history", "Workflow tasks"})
    assert_shows(
        visible_text(dashboard),
        "Басқару тақтасы",
        "Сайт туралы қысқаша",
        "бет",
        never=["Dashboard", "Site summary", "Pages"],
    )

    explorer = visible_text(client.get(f"/admin/pages/{school.pk}/"))
    assert_shows(
        explorer,
        "Шолу",
        "Ішкі бет қосу",
        "Жаңартылған",
        "Түрі",
        "Күйі",
        "жарияланған",
        "Сайтта көру",
        "Көшіру",
        "1 / 1 бет",
        "Барлығы 3 бет, көрсетілгені: 1-3",
        never=["Add child page", "Updated", "Status", "live", "View live", "Page 1 of 1", "3 pages"],
    )

    post = BlogPostPage.objects.filter(school=school).first()
    editor = visible_text(client.get(f"/admin/pages/{post.pk}/edit/"))
    assert_shows(
        editor,
        "Нобайды сақтау",
        "Жіберу:",
        "Мазмұны",
        "Ілгерілету",
        "Алдын ала қарау",
        "Іздеу жүйелері үшін",
        "Тарихты көру",
        never=["Save draft", "Submit to", "Promote", "Settings", "Preview", "For search engines"],
    )

    blog = BlogIndexPage.objects.child_of(school).get()
    new_post = client.get(f"/admin/pages/add/network/blogpostpage/{blog.pk}/")
    assert_shows(visible_text(new_post), "Жаңа:", "Нобайды сақтау", never=["New", "Save draft"])
    assert 'placeholder="Бет атауы*"' in new_post.content.decode()

    images = visible_text(client.get("/admin/images/"))
    assert_shows(images, "Сурет қосу", "Сұрыптау", "Ең жаңасы", never=["Add an image", "Sort by", "Newest"])
    documents = visible_text(client.get("/admin/documents/"))
    assert_shows(documents, "Құжат қосу", "Жасалған", never=["Add a document", "Created"])
    teachers = visible_text(client.get("/admin/snippets/network/teacher/"))
    assert_shows(teachers, "Қосу: мұғалім", never=["Add"])
    account = visible_text(client.get("/admin/account/"))
    assert_shows(
        account,
        "Профиль",
        "Интерфейс тілі",
        "Безендіру баптаулары",
        never=["Profile", "Preferred language", "Theme preferences"],
    )


@pytest.mark.django_db
def test_saving_and_submitting_are_confirmed_in_kazakh(client, school_editor):
    from network.models import BlogPostPage
    from network.tests.test_permissions import post_form

    user, school = school_editor
    client.force_login(user)
    post = BlogPostPage.objects.filter(school=school).first()
    url = f"/admin/pages/{post.pk}/edit/"

    saved = visible_text(client.post(url, post_form(post, "action-save", title="Жаңа атау"), follow=True))
    assert_shows(saved, "«Жаңа атау» беті жаңартылды.", never=["has been updated"])
    invalid = visible_text(client.post(url, post_form(post, "action-save", title=""), follow=True))
    assert_shows(invalid, "Қателерге байланысты бет сақталмады.", never=["could not be saved"])
    submitted = visible_text(client.post(url, post_form(post, "action-submit", title="Жаңа атау"), follow=True))
    assert_shows(submitted, "«Жаңа атау» беті модерацияға жіберілді.", never=["submitted for moderation"])
    in_moderation = visible_text(client.get(url))
    assert_shows(
        in_moderation,
        "Бұл бет қазір модерацияда.",
        "Жұмыс процесі құлыптаған",
        never=["is currently awaiting moderation", "Locked by workflow"],
    )


def javascript_catalogue(response):
    """The messages a JavaScriptCatalog view hands to the browser's gettext."""
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.DOTALL)
    assert found, "no catalogue in the response: the language has no djangojs messages"
    return json.loads(found.group(1))


def json_strings(node):
    """Every string in a decoded JSON value, keys included."""
    if isinstance(node, dict):
        return set(node) | {text for value in node.values() for text in json_strings(value)}
    if isinstance(node, list):
        return {text for value in node for text in json_strings(value)}
    return {node} if isinstance(node, str) else set()


@pytest.mark.django_db
def test_the_page_editors_javascript_speaks_kazakh(client, school_editor):
    from network.models import BlogPostPage

    user, school = school_editor
    client.force_login(user)

    # The djangojs domain, read from LOCALE_PATHS by Wagtail's /admin/jsi18n/ and wagtail-localize's own view.
    messages = javascript_catalogue(client.get("/admin/jsi18n/"))
    assert messages["Insert a block"] == "Блок кірістіру"
    assert messages["Move up"] == "Жоғары жылжыту" and messages["Duplicate"] == "Көшірмесін жасау"
    assert messages["Add a comment"] == "Түсініктеме қосу"
    assert messages["Page explorer"] == "Беттер шолғышы"
    assert messages["Changes have been autosaved."] == "Өзгерістер автоматты түрде сақталды."
    assert messages["%(num)s error"] == ["%(num)s қате", "%(num)s қате"]
    assert javascript_catalogue(client.get("/admin/localize/jsi18n/"))["Translate"] == "Аудару"

    # The django-domain strings Wagtail passes to its JavaScript as JSON in the page editor.
    post = BlogPostPage.objects.filter(school=school).first()
    page = BeautifulSoup(client.get(f"/admin/pages/{post.pk}/edit/").content, "html.parser")
    body = page.find(attrs={"data-controller": "w-block"})
    blocks = json_strings(json.loads(body["data-w-block-data-value"]))
    toolbar = {"Қалың", "Көлбеу", "Сілтеме", "Нөмірленген тізім", "Маркерлі тізім", "Тақырып 3", "Түсініктеме қосу"}
    assert toolbar <= blocks, f"missing {toolbar - blocks}"
    english = {"Bold", "Italic", "Link", "Numbered list", "Bulleted list", "Heading 3", "Add Comment"}
    assert blocks.isdisjoint(english), f"still English: {blocks & english}"

    config = json.loads(page.find(id="wagtail-config").string)
    assert config["STRINGS"]["BULK_ACTIONS"]["IMAGE"]["SINGULAR"] == "1 сурет таңдалды"
    assert "Қаңтар" in config["STRINGS"]["MONTHS"]
    checks = json_strings(json.loads(page.find(id="checker-axe-configuration").string))
    assert {"Бос тақырып табылды", "Мета сипаттама бос"} <= checks
    assert checks.isdisjoint({"Empty heading found", "Meta description is empty"})
    labels = {tag["aria-label"] for tag in page.find_all(attrs={"aria-label": True})}
    assert {"Түсініктемелер панелін ашу/жабу", "Тексерулер панелін ашу/жабу"} <= labels
    assert labels.isdisjoint({"Toggle comments", "Toggle checks", "Toggle status", "Toggle preview"})


@pytest.fixture
def review(demo_network, settings, tmp_path):
    """A teacher's submission waiting in the inbox of their school's head."""
    from network.models import LeadingSchoolPage
    from workflows import services
    from workflows.factories import complete_draft, reviewer, teacher
    from workflows.models import ReviewerRole

    settings.WORKFLOWS_PRIVATE_ROOT = tmp_path / "private"
    settings.SENDFILE_ROOT = str(settings.WORKFLOWS_PRIVATE_ROOT)  # where django-sendfile2 may read
    school = LeadingSchoolPage.objects.get(slug="school-54", locale__language_code="kk")
    author = teacher("kk_teacher", school, full_name="Айгерім Бекова")
    head = reviewer("kk_head", ReviewerRole.Role.SCHOOL_HEAD, school=school)
    services.submit(complete_draft(author, title="Критериалды бағалау"), author)
    return {"author": author, "head": head}


@pytest.mark.django_db
def test_reviewers_and_teachers_see_the_reviews_in_kazakh(client, review):
    from wagtail.users.models import UserProfile

    client.force_login(review["head"])
    inbox = client.get("/admin/reviews/")
    assert "Критериалды бағалау" in inbox.content.decode()
    # A reviewer edits no page: "Reports" is not offered to them (issue 10), the rest of the sidebar is Kazakh.
    assert (KAZAKH_SIDEBAR - {"Есептер"}) | {"Қарау", "Кіріс"} <= sidebar_labels(inbox)
    assert "Есептер" not in sidebar_labels(inbox)
    assert sidebar_labels(inbox).isdisjoint(ENGLISH_SIDEBAR)
    assert_shows(visible_text(inbox), "1 / 1 бет", never=["Page 1 of 1"])
    assert_shows(visible_text(client.get("/admin/")), "Басқару тақтасы", never=["Dashboard"])

    # Teachers work in the cabinet on the public site: their old admin address leads there.
    client.force_login(review["author"])
    response = client.get("/admin/reviews/mine/")
    assert response.status_code == 302 and response.url == "/kk/cabinet/"

    # The catalogue is Kazakh only: someone who chose English in their account keeps Wagtail's English.
    client.force_login(review["head"])
    UserProfile.objects.update_or_create(user=review["head"], defaults={"preferred_language": "en"})
    assert {"Help", "Account"} <= sidebar_labels(client.get("/admin/reviews/"))


@pytest.mark.django_db
def test_the_sign_in_page_is_kazakh(client):
    page = visible_text(client.get("/admin/login/"))
    assert_shows(
        page,
        "Wagtail жүйесіне кіру",
        "Құпия сөзді ұмыттыңыз ба?",
        "Мені есте сақтау",
        "Кіру",
        never=["Sign in", "Forgotten password?", "Remember me"],
    )
    refused = visible_text(client.post("/admin/login/", {"username": "nobody", "password": "wrong"}))
    assert_shows(refused, "Қолданушы атауы немесе құпия сөз қате. Қайталап көріңіз.", never=["didn't match"])
