"""Demo logins for the admin: an editor and a moderator of each of the first two demo Leading Schools (idempotent).

They are ordinary members of the groups provisioning gives every school (network/provisioning.py), so what they
can do is exactly what a real school's editor or moderator can do.
"""

import sys
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

from network.models import LeadingSchoolPage, SchoolWorkspace
from workflows.factories import make_user

PASSWORD = "editor-demo-2026"

# username, role, full name, admin language
ACCOUNTS = [
    ("editor-demo", "editors", "Дана Мұқанова", "kk"),
    ("moderator-demo", "moderators", "Асқар Нұрланов", "kk"),
    ("editor2-demo", "editors", "Ольга Ким", "ru"),
    ("moderator2-demo", "moderators", "Тимур Ахметов", "ru"),
]


def load_editors_demo(stdout=None):
    stdout = stdout or sys.stdout
    schools = list(LeadingSchoolPage.objects.filter(locale__language_code="kk").order_by("path")[:2])
    workspaces = {
        school.pk: SchoolWorkspace.objects.filter(translation_key=school.translation_key).first() for school in schools
    }
    schools = [school for school in schools if workspaces[school.pk] is not None]
    if not schools:
        return []
    made = []
    for index, (username, role, full_name, language) in enumerate(ACCOUNTS):
        school = schools[(index // 2) % len(schools)]
        user = make_user(username, password=PASSWORD, full_name=full_name, language=language)
        user.groups.add(getattr(workspaces[school.pk], role))
        made.append((user, role, school))
    stdout.write(f"School editor and moderator demo logins (password for each: {PASSWORD}):\n")
    for user, role, school in made:
        what = "writes pages, submits them, translates" if role == "editors" else "approves and publishes"
        stdout.write(f"  {user.get_username():<20} {role[:-1]} of {school.title}: {what}\n")
    return made


def align_site_with_admin_base_url():
    """Serve the demo site where WAGTAILADMIN_BASE_URL points, so that e-mails' admin and public links agree.

    Wagtail's e-mails link to the admin through WAGTAILADMIN_BASE_URL and to the page through its Site's root URL
    (Wagtail's placeholder Site is http://localhost). In production both are configured: the Site in the admin's
    Settings → Sites, the base URL in the environment.
    """
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not base.hostname:
        return None
    port = base.port or (443 if base.scheme == "https" else 80)
    if (site.hostname, site.port) != (base.hostname, port):
        site.hostname, site.port = base.hostname, port
        site.save()
    return site
