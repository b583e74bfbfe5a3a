"""Factories for people: users with their admin language, and the groups the review gives them.

Reviewers sign in to the Wagtail admin (their group grants `access_admin`); teachers work in the cabinet on the
public site (theirs grants nothing there). Tests, the demo (demo/) and the benchmarks make users through these.
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from factory.django import DjangoModelFactory

REVIEWERS_GROUP = "Reviewers"
TEACHERS_GROUP = "Teachers"


def admin_group(name):
    """A group whose members may sign in to the Wagtail admin, where the review happens."""
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def teachers_group():
    """Teachers work in the cabinet on the public site: their group grants no admin access."""
    group, _created = Group.objects.get_or_create(name=TEACHERS_GROUP)
    group.permissions.remove(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


class UserFactory(DjangoModelFactory):
    """A user found by username or created with `password` (the username when none is given).

    `full_name` fills the first and last names; `language` sets the admin language (Wagtail's user profile);
    `group` adds the user to the teachers' group or to an admin group of that name.
    """

    class Params:
        full_name = ""

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.kz")
    first_name = factory.LazyAttribute(lambda user: user.full_name.partition(" ")[0])
    last_name = factory.LazyAttribute(lambda user: user.full_name.partition(" ")[2])
    password = None

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, password=None, **kwargs):
        manager = cls._get_manager(model_class)
        username = kwargs.pop("username")
        user, created = manager.get_or_create(username=username, defaults=kwargs)
        if created:
            user.set_password(password or username)
            user.save()
        return user

    @factory.post_generation
    def group(user, create, extracted, **kwargs):
        if not (create and extracted):
            return
        user.groups.add(teachers_group() if extracted == TEACHERS_GROUP else admin_group(extracted))

    @factory.post_generation
    def language(user, create, extracted, **kwargs):
        if create and extracted:
            from wagtail.users.models import UserProfile

            UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": extracted})


def make_user(username, *, email=None, language="", password=None, group=None, full_name=""):
    """UserFactory with the keyword arguments the tests and the demo pass."""
    fields = {"email": email} if email else {}
    return UserFactory(
        username=username, language=language, password=password, group=group, full_name=full_name, **fields
    )
