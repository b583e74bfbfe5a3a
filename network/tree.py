"""Where a page stands in the network's tree, and so which region and Leading School it belongs to.

The tree of each language is home (depth 2) → region (3) → Leading School (4) → blog / events / resource portal (5)
→ post / event / resource (6). Every question "whose page is this?" is answered here, from the tree path alone.
"""

from wagtail.models import Page

REGION_DEPTH = 3
SCHOOL_DEPTH = 4


def ancestor_path(path, depth):
    """The path of the ancestor at `depth` (the page's own path at its depth), or "" above it."""
    length = Page.steplen * depth
    return path[:length] if path and len(path) >= length else ""


def region_at(path):
    """The region a page at this tree path belongs to (or the region itself), or None."""
    from network.models import RegionPage

    region_path = ancestor_path(path, REGION_DEPTH)
    return RegionPage.objects.filter(path=region_path).only("id").first() if region_path else None


def school_at(path):
    """The Leading School a page at this tree path belongs to (or the school itself), or None."""
    from network.models import LeadingSchoolPage

    school_path = ancestor_path(path, SCHOOL_DEPTH)
    if not school_path:
        return None
    return LeadingSchoolPage.objects.filter(path=school_path).only("id", "region_id", "translation_key").first()


def school_of(page):
    """The Leading School of a page: itself, the school it stores (posts, events, resources), or its ancestor."""
    from network.models import LeadingSchoolPage

    if isinstance(page, LeadingSchoolPage):
        return page
    if getattr(page, "school_id", None):
        return page.school
    school_path = ancestor_path(page.path, SCHOOL_DEPTH)
    return LeadingSchoolPage.objects.filter(path=school_path).first() if school_path else None
