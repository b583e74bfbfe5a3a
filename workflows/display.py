"""How the review's screens and documents name a submission's school and region: in the reader's language."""

from home.translations import titles_in_language


def name_places(submissions, language=None):
    """Set `school_name` and `region_name` on each submission, in `language` (the active one by default).

    One query for the whole list, however long (tests/test_content_languages.py counts them).
    """
    submissions = list(submissions)
    titles = titles_in_language(
        [page for submission in submissions for page in (submission.school, submission.region)], language
    )
    for submission in submissions:
        submission.school_name = titles.get(submission.school_id, "")
        submission.region_name = titles.get(submission.region_id, "") if submission.region_id else ""
    return submissions
