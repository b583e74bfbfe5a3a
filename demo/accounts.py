"""Demo teachers' accounts (idempotent): confirmed teachers of the first two demo schools and one pending request.

They sign in on the public site by e-mail (their addresses are verified); the pending request waits in the admin's
"Teachers of this school", where the first school's head (`head-demo`, demo/workflows.py) confirms or declines it.
"""

import sys

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.users.models import UserProfile

from accounts import services
from accounts.models import AffiliationRequest, TeacherProfile
from accounts.names import latin_form
from network.models import LeadingSchoolPage

PASSWORD = "teacher-demo-2026"

# e-mail, first name, last name, language, position, subjects, category, school index, confirmed
TEACHERS = [
    (
        "dana.omarova@demo.kz",
        "Дана",
        "Омарова",
        "kk",
        "Математика мұғалімі",
        ["mathematics"],
        "teacher_researcher",
        0,
        True,
    ),
    ("irina.kim@demo.kz", "Ирина", "Ким", "ru", "Учитель физики", ["physics"], "teacher_expert", 1, True),
    ("nurlan.sadykov@demo.kz", "Нұрлан", "Садықов", "kk", "Тарих пәні мұғалімі", ["history"], "", 0, False),
]


def load_teacher_accounts(stdout=None):
    from allauth.account.models import EmailAddress

    stdout = stdout or sys.stdout
    schools = list(LeadingSchoolPage.objects.filter(locale__language_code="kk").order_by("path")[:2])
    if len(schools) < 2:
        return []
    users = []
    with transaction.atomic():
        for email, first, last, language, position, subjects, category, index, confirmed in TEACHERS:
            user, created = get_user_model().objects.get_or_create(
                username=email.split("@")[0], defaults={"email": email, "first_name": first, "last_name": last}
            )
            if created:
                user.set_password(PASSWORD)
                user.save()
            EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
            UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
            TeacherProfile.objects.update_or_create(
                user=user,
                defaults={
                    "latin_name": latin_form(f"{first} {last}"),
                    "position": position,
                    "subjects": subjects,
                    "category": category,
                },
            )
            if not AffiliationRequest.objects.filter(user=user).exists():
                request = services.ask_to_join(user, schools[index], position=position)
                if confirmed:
                    _confirm_quietly(request)
            users.append((user, schools[index], confirmed))
    stdout.write(f"Teachers' demo logins on the site, /kk/account/login/ (password for each: {PASSWORD}):\n")
    for user, school, confirmed in users:
        state = "confirmed" if confirmed else "request pending: head-demo confirms it in the admin"
        stdout.write(f"  {user.email:<26} {school.title} ({state})\n")
    return users


def _confirm_quietly(request):
    """As the school would confirm it, without mailing demo addresses."""
    from django.utils import timezone

    from workflows.models import SchoolMembership

    request.status, request.decided_at = AffiliationRequest.Status.CONFIRMED, timezone.now()
    request.save(update_fields=["status", "decided_at"])
    SchoolMembership.objects.update_or_create(
        user=request.user,
        defaults={"school": request.school, "partner_school": request.partner_school, "position": request.position},
    )
    services.link_author_record(request)
