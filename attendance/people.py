"""Who a document names. One place, so that the holder's name can later come from the teacher's profile (e.g. the
Latin spelling on English certificates) without touching the documents."""


def holder_name(user):
    """The name printed on a certificate: as in the teacher's official documents (first and last name)."""
    return user.get_full_name().strip() or user.get_username()
