"""The regulation's closed lists, with their names in the glossary's terms (translated in site/locale)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RegionKind(models.TextChoices):
    REGION = "region", _("region")
    CITY = "city", _("city of republican significance")


class CreativeGroupKind(models.TextChoices):
    PRIMARY = "primary", _("primary school")
    SUBJECT = "subject", _("subject group")
    PROBLEM = "problem", _("problem group")
    RESEARCH = "research", _("research group")


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("seminar")
    ACTION_RESEARCH = "action_research", _("action research")
    LESSON_STUDY = "lesson_study", _("Lesson Study")
    MASTER_CLASS = "master_class", _("master class")
    CONFERENCE = "conference", _("conference")
    FORUM = "forum", _("forum")
    AUGUST_CONFERENCE = "august_conference", _("August conference")
    CONSULTATION = "consultation", _("consultation session")
    ROUND_TABLE = "round_table", _("round table")
    TRAINING = "training", _("training")


class ResourceKind(models.TextChoices):
    LESSON_PLAN = "lesson_plan", _("short-term lesson plan")
    METHODOLOGICAL_RECOMMENDATION = "recommendation", _("methodological recommendation")
    VIDEO_LESSON = "video_lesson", _("video lesson")
    PRESENTATION = "presentation", _("presentation")
    ASSESSMENT = "assessment", _("assessment materials")
    RESEARCH_REPORT = "research_report", _("research report")
    TEACHING_AID = "teaching_aid", _("teaching aid")
    PROGRAMME = "programme", _("programme")


class Direction(models.TextChoices):
    """Directions of a Leading School's work, as the regulation and the schools' reports name them."""

    UPDATED_CONTENT = "updated_content", _("updated content of education")
    CRITERIA_ASSESSMENT = "criteria_assessment", _("criteria-based assessment")
    LESSON_STUDY = "lesson_study", _("Lesson Study")
    ACTION_RESEARCH = "action_research", _("action research")
    MENTORING = "mentoring", _("mentoring")
    GIFTED_CHILDREN = "gifted_children", _("work with gifted children")
    INCLUSIVE = "inclusive", _("inclusive education")
    TRILINGUAL = "trilingual", _("trilingual education")
    LEADERSHIP = "leadership", _("leadership in education")


class Subject(models.TextChoices):
    PRIMARY = "primary", _("primary education")
    KAZAKH_LANGUAGE = "kazakh", _("Kazakh language and literature")
    RUSSIAN_LANGUAGE = "russian", _("Russian language and literature")
    ENGLISH_LANGUAGE = "english", _("English language")
    MATHEMATICS = "mathematics", _("mathematics")
    COMPUTER_SCIENCE = "computer_science", _("computer science")
    PHYSICS = "physics", _("physics")
    CHEMISTRY = "chemistry", _("chemistry")
    BIOLOGY = "biology", _("biology")
    GEOGRAPHY = "geography", _("geography")
    HISTORY = "history", _("history of Kazakhstan")
    ARTS = "arts", _("arts and music")
    PHYSICAL_EDUCATION = "physical_education", _("physical education")
    GENERAL = "general", pgettext_lazy("subject", "all subjects")


class ContentLanguage(models.TextChoices):
    KAZAKH = "kk", _("Kazakh")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("all rights reserved")


class LeaderRole(models.TextChoices):
    DIRECTOR = "director", _("director")
    DEPUTY = "deputy", _("deputy director")
    TRAINED_TEACHER = "trained_teacher", _("teacher trained at programme level I")


# Grade 0 is the pre-school class; Kazakhstan's general school ends with grade 11.
GRADE_NUMBERS = range(0, 12)
GRADES = [(grade, str(grade)) for grade in GRADE_NUMBERS]
