"""The public side: approved experience pages, the network library, and the review demo."""

import io

import pytest
from django.core import mail

from demo.workflows import load_workflow_demo
from network.factories import make_school
from workflows.models import ApprovedExperienceLibraryPage, ApprovedExperiencePage, Submission
from workflows.tests.test_flow import private_root  # noqa: F401


@pytest.fixture
def demo(homes, django_capture_on_commit_callbacks):
    make_school(homes["kk"], "Almaty region", "Leading School No. 1")
    with django_capture_on_commit_callbacks(execute=True):
        out = io.StringIO()
        load_workflow_demo(stdout=out)
    return out.getvalue()


def test_demo_without_schools_makes_nothing(db):
    assert load_workflow_demo(stdout=io.StringIO()) is None
    assert not Submission.objects.exists()


def test_demo_is_idempotent_and_covers_every_state(demo, django_capture_on_commit_callbacks):
    assert "teacher-demo" in demo and "head-demo" in demo and "review-demo-2026" in demo
    states = set(Submission.objects.values_list("state", flat=True))
    assert states == {"draft", "in_review", "revision", "approved", "rejected"}
    stages = set(Submission.objects.filter(state="in_review").values_list("stage", flat=True))
    assert stages == {"school", "regional", "republican"}
    count = Submission.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        load_workflow_demo(stdout=io.StringIO())
    assert Submission.objects.count() == count
    assert not mail.outbox  # demo transitions e-mail nobody


def test_approved_experience_is_public_with_its_coverage(client, demo):
    page = ApprovedExperiencePage.objects.get()
    assert page.live and page.required_coverage == 3
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert page.title in content and page.protocol_number in content
    assert '<progress max="3" value="2">' in content
    library = ApprovedExperienceLibraryPage.objects.get(locale__language_code="kk")
    response = client.get(library.url)
    assert response.status_code == 200 and page.title in response.content.decode()
    assert page.title not in client.get(library.url + "?level=republic").content.decode()


def test_approved_experience_is_in_the_network_and_school_feeds(client, demo):
    import feedparser

    page = ApprovedExperiencePage.objects.get()
    for url in ("/kk/follow/experience.atom", f"/kk/follow/schools/{page.school_id}/experience.rss"):
        parsed = feedparser.parse(client.get(url).content)
        assert parsed.bozo is False
        assert [entry.title for entry in parsed.entries] == [page.title]


def test_supporting_documents_are_not_under_media(client, demo, settings, private_root):  # noqa: F811
    from workflows.models import SubmissionFile

    document = SubmissionFile.objects.filter(kind="supporting").first()
    assert str(private_root) in document.file.path
    assert client.get(f"/media/{document.file.name}").status_code == 404
