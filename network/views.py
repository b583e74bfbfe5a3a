from django.shortcuts import get_object_or_404, redirect

from network.models import ResourcePage
from visitors.counting import first_time_today


def resource_download(request, pk):
    """Count a download of a live, public resource (once per visitor and day, never for a bot), then hand over its
    file."""
    resource = get_object_or_404(ResourcePage.objects.live().public().select_related("document"), pk=pk)
    if resource.document is None:
        return redirect(resource.get_url(request))
    if first_time_today(request, f"download:{resource.pk}"):
        resource.count_download()
    return redirect(resource.document.url)
