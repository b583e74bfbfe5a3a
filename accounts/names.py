"""How a teacher's name is written: as in their documents, or in Latin letters for English pages."""

from network.names import latin_form  # noqa: F401 (one transliteration for accounts and author records)


def official_name(user):
    return user.get_full_name().strip()


def display_name(user, language):
    """The teacher's name for a page or message in `language`: Latin letters in English, else the official form."""
    profile = getattr(user, "teacher_profile", None)
    official = official_name(user)
    if language == "en":
        return (profile.latin_name if profile else "") or latin_form(official) or user.get_username()
    return official or user.get_username()


def user_display(user):
    """How allauth names the user in its messages ("Signed in as …"): never the username the teacher never chose."""
    return official_name(user) or user.email
