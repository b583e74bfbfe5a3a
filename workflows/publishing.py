"""After approval: the experience is published in the author's Leading School resource portal, in its language."""

import logging

from django.utils import translation
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from network.models import ResourcePortalPage
from network.tree import school_at
from workflows import rules
from workflows.models import ApprovedExperiencePage, SubmissionEvent

logger = logging.getLogger(__name__)


def portal_for(submission):
    """The school's resource portal in the submission's language, or in any language the school has one."""
    school = submission.school
    translations = {
        page.locale.language_code: page for page in school.get_translations(inclusive=True).select_related("locale")
    }
    target = translations.get(submission.language) or school
    portal = ResourcePortalPage.objects.child_of(target).first()
    if portal is None:
        for candidate in translations.values():
            portal = ResourcePortalPage.objects.child_of(candidate).first()
            if portal is not None:
                break
    return portal


def publish_approved_experience(submission):
    """Create and publish the approved experience page; runs inside the approving transition's transaction."""
    portal = portal_for(submission)
    if portal is None:
        logger.warning(
            "No resource portal for school %s: submission %s not published", submission.school_id, submission.pk
        )
        return None
    school = school_at(portal.path)
    with translation.override(submission.language):
        page = ApprovedExperiencePage(
            title=submission.title,
            slug=find_available_slug(
                portal, slugify(submission.title, allow_unicode=True)[:70] or f"experience-{submission.pk}"
            ),
            # A page lives in its parent's language tree; the portal was chosen in the submission's language.
            locale=portal.locale,
            submission=submission,
            # The school and region of the page's own language, like every page inside a school.
            school_id=school.pk,
            region_id=school.region_id,
            authors=", ".join(submission.author_names(submission.language)),
            category=submission.category,
            result_kind=submission.result_kind,
            subject=submission.subject,
            abstract=submission.abstract,
            level=submission.level,
            required_coverage=submission.required_coverage or rules.MINIMUM_COVERAGE,
            coverage_unit=submission.coverage_unit,
            council=rules.DECIDING_COUNCIL[rules.Category(submission.category)],
            protocol_number=submission.protocol_number,
            protocol_date=submission.protocol_date,
            conclusion=submission.conclusion,
            licence=submission.licence,
        )
        portal.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
    SubmissionEvent.objects.create(
        submission=submission,
        action=SubmissionEvent.Action.PUBLISHED,
        round=submission.round,
        comment=page.url_path,
    )
    return page
