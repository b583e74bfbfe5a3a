import pytest

from network.models import LeadingSchoolPage, SchoolWorkspace


@pytest.mark.django_db
def test_load_demo_gives_two_schools_an_editor_and_a_moderator_who_can_sign_in(
    run_command, client, django_capture_on_commit_callbacks
):
    from demo.editors import PASSWORD

    with django_capture_on_commit_callbacks(execute=True):
        output = run_command("load_demo", schools=2)
    assert f"School editor and moderator demo logins (password for each: {PASSWORD})" in output
    schools = list(LeadingSchoolPage.objects.filter(locale__language_code="kk").order_by("path"))
    assert len(schools) == 2
    for school, (editor, moderator) in zip(
        schools, [("editor-demo", "moderator-demo"), ("editor2-demo", "moderator2-demo")], strict=True
    ):
        workspace = SchoolWorkspace.objects.get(translation_key=school.translation_key)
        assert workspace.editors.user_set.filter(username=editor).exists()
        assert workspace.moderators.user_set.filter(username=moderator).exists()
        assert f"{editor:<20} editor of {school.title}" in output
        assert f"{moderator:<20} moderator of {school.title}" in output
        # Through the admin's sign-in form, as a person would (django-axes counts every sign-in).
        response = client.post("/admin/login/", {"username": editor, "password": PASSWORD})
        assert response.status_code == 302
        assert client.get(f"/admin/pages/{school.pk}/edit/").status_code == 200
        client.logout()

    with django_capture_on_commit_callbacks(execute=True):
        again = run_command("load_demo", schools=2)
    assert "editor-demo" in again
    assert SchoolWorkspace.objects.get(translation_key=schools[0].translation_key).editors.user_set.count() == 1
