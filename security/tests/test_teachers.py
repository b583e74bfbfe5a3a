"""Hole 5: copying a teacher's record and the teacher chooser are scoped like the list and edit views."""

import json

import pytest

from network.models import Teacher

pytestmark = pytest.mark.django_db
CHOOSER = "/admin/snippets/choose/network/teacher/"


def chosen_ids(response):
    """The teachers a chooser page offers: their ids as links to the 'chosen' view."""
    html = (
        response.json()["html"]
        if response["Content-Type"].startswith("application/json")
        else response.content.decode()
    )
    return {int(part.split("/")[0]) for part in html.split(f"{CHOOSER}chosen/")[1:]}


def test_an_editor_copies_only_their_own_schools_teachers(client, staff):
    teacher_a = Teacher.objects.of_school(staff["a"]).first()
    teacher_b = Teacher.objects.of_school(staff["b"]).first()
    client.force_login(staff["editor_a"])
    response = client.get(f"/admin/snippets/network/teacher/copy/{teacher_a.pk}/")
    assert response.status_code == 200 and response.context["form"].initial.get("full_name", teacher_a.full_name)
    response = client.get(f"/admin/snippets/network/teacher/copy/{teacher_b.pk}/", follow=True)
    assert response.status_code == 404
    assert teacher_b.full_name not in response.content.decode()


def test_the_chooser_lists_and_returns_only_the_editors_teachers(client, staff):
    own = set(Teacher.objects.of_school(staff["a"]).values_list("pk", flat=True))
    teacher_b = Teacher.objects.of_school(staff["b"]).first()
    client.force_login(staff["editor_a"])
    response = client.get(CHOOSER)
    assert response.status_code == 200
    assert chosen_ids(response) == own
    response = client.get(f"{CHOOSER}results/", {"q": teacher_b.full_name.split()[0]})
    assert teacher_b.pk not in chosen_ids(response)
    # Choosing another school's teacher by typing its id is "not found".
    assert client.get(f"{CHOOSER}chosen/{teacher_b.pk}/", follow=True).status_code == 404
    response = client.get(f"{CHOOSER}chosen-multiple/", {"id": [teacher_b.pk, min(own)]})
    assert response.status_code == 200
    returned = {int(item["id"]) for item in json.loads(response.content)["result"]}
    assert returned == {min(own)}


def test_an_admin_user_of_no_school_is_offered_no_teacher(client, staff, django_user_model):
    from django.contrib.auth.models import Permission

    outsider = django_user_model.objects.create_user("outsider", "outsider@school.kz", "pass-for-tests")
    outsider.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_teacher", "change_teacher", "view_teacher"])
    )
    client.force_login(outsider)
    assert chosen_ids(client.get(CHOOSER)) == set()


def test_the_superuser_still_chooses_from_every_school(client, staff, admin_user):
    client.force_login(admin_user)
    assert chosen_ids(client.get(CHOOSER)) == set(Teacher.objects.values_list("pk", flat=True)[:25])
