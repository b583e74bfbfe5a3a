from django import template

from workflows.models import ApprovedExperiencePage

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_approved_experience(context, count=3):
    """The newest approved experience in the page's language, for the home page."""
    page = context.get("page")
    experiences = ApprovedExperiencePage.objects.live().public().select_related("school")
    if page is not None:
        experiences = experiences.filter(locale_id=page.locale_id)
    return experiences.order_by("-first_published_at", "-pk")[:count]
