"""Two demo schools and their staff, shared by the permission, editors' and security tests."""

from network.models import LeadingSchoolPage, SchoolWorkspace


def school(slug, code="kk"):
    return LeadingSchoolPage.objects.get(slug=slug, locale__language_code=code)


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@school.kz", "pass-for-tests")
    user.groups.add(group)
    return user


def school_staff(django_user_model):
    """Schools A and B of the demo network, an editor and a moderator of A, an editor of B."""
    a, b = school("school-54"), school("school-159")
    workspace_a = SchoolWorkspace.objects.get(translation_key=a.translation_key)
    workspace_b = SchoolWorkspace.objects.get(translation_key=b.translation_key)
    return {
        "a": a,
        "b": b,
        "editor_a": member(django_user_model, "editor_a", workspace_a.editors),
        "moderator_a": member(django_user_model, "moderator_a", workspace_a.moderators),
        "editor_b": member(django_user_model, "editor_b", workspace_b.editors),
    }
