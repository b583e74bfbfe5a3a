"""load_demo's teachers: confirmed ones who sign in on the site by e-mail, and one request waiting for its school."""

import io

import pytest

from accounts.models import AffiliationRequest
from demo.accounts import PASSWORD, load_teacher_accounts
from network.models import Teacher
from workflows.models import SchoolMembership

pytestmark = pytest.mark.django_db


def test_demo_teachers_are_made_once_and_their_logins_printed(client, demo_network):
    out = io.StringIO()
    load_teacher_accounts(stdout=out)
    load_teacher_accounts(stdout=io.StringIO())  # idempotent
    printed = out.getvalue()
    assert PASSWORD in printed and "dana.omarova@demo.kz" in printed and "pending" in printed
    assert SchoolMembership.objects.filter(user__email__endswith="@demo.kz").count() == 2
    assert AffiliationRequest.objects.pending().filter(user__email="nurlan.sadykov@demo.kz").count() == 1
    assert AffiliationRequest.objects.filter(user__email__endswith="@demo.kz").count() == 3
    assert Teacher.objects.filter(user__email="dana.omarova@demo.kz").exists()
    response = client.post("/kk/account/login/", {"login": "dana.omarova@demo.kz", "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
