from .blog import BlogIndexPage, BlogPostPage, BlogPostTag
from .events import EventIndexPage, EventPage
from .network_pages import NetworkEventsPage, NetworkNewsPage, ResourceLibraryPage
from .people import BlogCategory, BlogTag, Teacher
from .regions import CoordinationCentreTrainer, RegionPage
from .resources import ResourcePage, ResourcePortalPage
from .schools import CreativeGroup, LeadingSchoolPage, PartnerSchool, SchoolDirection, StandardPage
from .workspace import SchoolWorkspace

__all__ = [
    "BlogCategory",
    "BlogTag",
    "BlogIndexPage",
    "BlogPostPage",
    "BlogPostTag",
    "CoordinationCentreTrainer",
    "CreativeGroup",
    "EventIndexPage",
    "EventPage",
    "LeadingSchoolPage",
    "NetworkEventsPage",
    "NetworkNewsPage",
    "PartnerSchool",
    "RegionPage",
    "ResourceLibraryPage",
    "ResourcePage",
    "ResourcePortalPage",
    "SchoolDirection",
    "StandardPage",
    "SchoolWorkspace",
    "Teacher",
]
