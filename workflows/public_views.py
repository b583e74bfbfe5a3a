"""What the public site serves of the review: the materials of approved experience that their authors published."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from network.vocabulary import Licence
from workflows.models import ApprovedExperiencePage, Submission, SubmissionFile
from workflows.views import private_file_response


def published_material(request, file_id):
    """A material marked for publication, once its experience is approved and its page is live and public."""
    material = get_object_or_404(
        SubmissionFile.objects.select_related("submission"),
        pk=file_id,
        kind=SubmissionFile.Kind.MATERIAL,
        publish=True,
        removed_at__isnull=True,
        submission__state=Submission.State.APPROVED,
    )
    page = ApprovedExperiencePage.objects.live().public().filter(submission_id=material.submission_id).first()
    if page is None:
        raise Http404
    response = private_file_response(request, material.file, material.original_name)
    if page.licence == Licence.ALL_RIGHTS_RESERVED:
        # View only: the browser shows it rather than offering a copy to reuse.
        response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline", 1)
    # Public, but a file that its author may unpublish: caches keep it briefly.
    response["Cache-Control"] = "public, max-age=300"
    return response
