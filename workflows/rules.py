"""Rules of the Instruction on accumulating and disseminating innovative pedagogical experience (seed 003).

One place for each rule of the review: which council examines a qualification category, whether the submission is
forwarded to the republican council, the dissemination level a positive decision authorises and the coverage it
requires, the kinds of result that may be counted, the kinds of supporting document, and the author limit of a
publication. Models, forms, the flow and the pages ask this module; nothing else restates a rule.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Category(models.TextChoices):
    """The qualification category sought (the Instruction's opening list)."""

    TEACHER_EXPERT = "teacher_expert", _("teacher-expert")
    TEACHER_RESEARCHER = "teacher_researcher", _("teacher-researcher")
    TEACHER_MASTER = "teacher_master", _("teacher-master")
    HEAD_FIRST = "head_1", _("head of the first category")
    HEAD_SECOND = "head_2", _("head of the second category")
    HEAD_THIRD = "head_3", _("head of the third category")
    DEPUTY_FIRST = "deputy_1", _("deputy head of the first category")
    DEPUTY_SECOND = "deputy_2", _("deputy head of the second category")
    DEPUTY_THIRD = "deputy_3", _("deputy head of the third category")


class Stage(models.TextChoices):
    """Who examines the submission: the school, then a council."""

    SCHOOL = "school", _("school (first head)")
    ASSOCIATION = "association", _("educational-methodological association (ОӘБ)")
    REGIONAL = "regional", _("regional educational-methodological council (ОӘК)")
    REPUBLICAN = "republican", _("republican educational-methodological council (РОӘК)")


class DisseminationLevel(models.TextChoices):
    DISTRICT_CITY = "district_city", _("district/city")
    REGION = "region", _("region, city of republican significance, the capital")
    REPUBLIC = "republic", _("republic")


class CoverageUnit(models.TextChoices):
    DISTRICT_CITY = "district_city", pgettext_lazy("coverage", "districts/cities")
    REGION = "region", pgettext_lazy("coverage", "regions")


# Section 3 (teacher-experts): the profile association (ОӘБ). Section 1 (researchers, heads and deputies of the 2nd
# and 3rd categories): the regional council (ОӘК). Section 2 (masters, heads and deputies of the 1st category): the
# republican council (РОӘК), which receives them through the regional education departments — so the regional stage
# examines and forwards.
ROUTES = {
    Category.TEACHER_EXPERT: (Stage.SCHOOL, Stage.ASSOCIATION),
    Category.TEACHER_RESEARCHER: (Stage.SCHOOL, Stage.REGIONAL),
    Category.HEAD_SECOND: (Stage.SCHOOL, Stage.REGIONAL),
    Category.HEAD_THIRD: (Stage.SCHOOL, Stage.REGIONAL),
    Category.DEPUTY_SECOND: (Stage.SCHOOL, Stage.REGIONAL),
    Category.DEPUTY_THIRD: (Stage.SCHOOL, Stage.REGIONAL),
    Category.TEACHER_MASTER: (Stage.SCHOOL, Stage.REGIONAL, Stage.REPUBLICAN),
    Category.HEAD_FIRST: (Stage.SCHOOL, Stage.REGIONAL, Stage.REPUBLICAN),
    Category.DEPUTY_FIRST: (Stage.SCHOOL, Stage.REGIONAL, Stage.REPUBLICAN),
}

# The council whose positive decision authorises dissemination, and at which level and coverage (3.1, 1.1, 2.1).
DECIDING_COUNCIL = {category: route[-1] for category, route in ROUTES.items()}
LEVEL_BY_COUNCIL = {
    Stage.ASSOCIATION: DisseminationLevel.DISTRICT_CITY,
    Stage.REGIONAL: DisseminationLevel.REGION,
    Stage.REPUBLICAN: DisseminationLevel.REPUBLIC,
}
# "кемінде үш аудан/қаланы қамту" (3.1, 1.1), "кемінде үш облыста" (2.1).
MINIMUM_COVERAGE = 3
COVERAGE_UNIT_BY_LEVEL = {
    DisseminationLevel.DISTRICT_CITY: CoverageUnit.DISTRICT_CITY,
    DisseminationLevel.REGION: CoverageUnit.DISTRICT_CITY,
    DisseminationLevel.REPUBLIC: CoverageUnit.REGION,
}

COUNCIL_STAGES = (Stage.ASSOCIATION, Stage.REGIONAL, Stage.REPUBLICAN)


def route(category):
    return ROUTES[Category(category)]


def first_council(category):
    return route(category)[1]


def forwards_to_republican(category):
    """The regional stage examines and forwards instead of deciding (section 2.1)."""
    return Stage.REPUBLICAN in route(category)


def dissemination_level(category):
    return LEVEL_BY_COUNCIL[DECIDING_COUNCIL[Category(category)]]


def required_coverage(level):
    """(how many, of what) a positive decision at this level requires the author to cover."""
    return MINIMUM_COVERAGE, COVERAGE_UNIT_BY_LEVEL[DisseminationLevel(level)]


class ResultKind(models.TextChoices):
    """Kinds of result that may be counted: 16 for ОӘК/РОӘК (1.2, 2.2), 8 for ОӘБ (3.2)."""

    # 1.2 / 2.2 — regional and republican councils
    TEXTBOOK = "textbook", _("authorship or co-authorship of textbooks, teaching aids, electronic aids")
    IMPLEMENTATION_ACT = "implementation_act", _("acts of implementation of the developments in organisations")
    CPD_PROGRAMME = "cpd_programme", _("authorship of professional development course programmes in the register")
    TALK = "talk", _("talks at conferences, seminars, master classes, round tables, trainings")
    PUBLICATION = "publication", _("publication based on research (no more than 3 authors)")
    LEGAL_ACTS_GROUP = "legal_acts_group", _("member of a working group on legal acts and strategic documents")
    TVET_PROGRAMME_EXPERT = "tvet_programme_expert", _("member of an expert group on TVET educational programmes")
    CPD_PROGRAMME_EXPERT = "cpd_programme_expert", _("member of an expert group on course programmes")
    TESTING_CENTRE_EXPERT = "testing_centre_expert", _("expert or test developer of the National Testing Centre")
    CONTENT_EXPERTISE = "content_expertise", _("member of an expert group of the centre for expertise of content")
    EXPERT_COUNCIL = "expert_council", _("member of the regional council or the Expert Council of РОӘК")
    TV_LESSONS = "tv_lessons", _("online lessons on republican TV channels")
    TALAP_APPROBATION = "talap_approbation", _("approbation of models and technologies developed by «Talap»")
    COURSE_TRAINER = "course_trainer", _("trainer of professional development courses")
    WORLDSKILLS_EXPERT = "worldskills_expert", _("chief expert of a WorldSkills championship")
    MASTER_CLASS = "master_class", _("master classes on authored materials or programmes")
    # 3.2 — profile association
    DIDACTIC_MATERIALS = "didactic_materials", _("authorship of didactic materials, aids or recommendations")
    ASSOCIATION_IMPLEMENTATION_ACT = "assoc_implementation_act", _("acts of implementation in organisations")
    DISTRICT_TALK = "district_talk", _("talks at district/city conferences, seminars, master classes, trainings")
    DISTRICT_WORKING_GROUP = "district_working_group", _("member of a district/city working group on internal acts")
    PROGRAMME_DEVELOPMENT_GROUP = "programme_development_group", _("member of a group developing TVET programmes")
    JURY_MEMBER = "jury_member", _("member of organising committees or juries of district/city events")
    ASSOCIATION_MEMBER = "association_member", _("member of the profile educational-methodological association")
    DIDACTIC_MASTER_CLASS = "didactic_master_class", _("master classes on developed didactic materials")


COUNCIL_RESULT_KINDS = (
    ResultKind.TEXTBOOK,
    ResultKind.IMPLEMENTATION_ACT,
    ResultKind.CPD_PROGRAMME,
    ResultKind.TALK,
    ResultKind.PUBLICATION,
    ResultKind.LEGAL_ACTS_GROUP,
    ResultKind.TVET_PROGRAMME_EXPERT,
    ResultKind.CPD_PROGRAMME_EXPERT,
    ResultKind.TESTING_CENTRE_EXPERT,
    ResultKind.CONTENT_EXPERTISE,
    ResultKind.EXPERT_COUNCIL,
    ResultKind.TV_LESSONS,
    ResultKind.TALAP_APPROBATION,
    ResultKind.COURSE_TRAINER,
    ResultKind.WORLDSKILLS_EXPERT,
    ResultKind.MASTER_CLASS,
)
ASSOCIATION_RESULT_KINDS = (
    ResultKind.DIDACTIC_MATERIALS,
    ResultKind.ASSOCIATION_IMPLEMENTATION_ACT,
    ResultKind.DISTRICT_TALK,
    ResultKind.DISTRICT_WORKING_GROUP,
    ResultKind.PROGRAMME_DEVELOPMENT_GROUP,
    ResultKind.JURY_MEMBER,
    ResultKind.ASSOCIATION_MEMBER,
    ResultKind.DIDACTIC_MASTER_CLASS,
)


def result_kinds(category):
    """The kinds of result the deciding council of this category may count."""
    return (
        ASSOCIATION_RESULT_KINDS if DECIDING_COUNCIL[Category(category)] == Stage.ASSOCIATION else COUNCIL_RESULT_KINDS
    )


# "3 автордан артық емес" (1.2.5, 2.2.5): a publication has at most three authors, the submitter included.
MAX_AUTHORS = 3
PUBLICATION_KINDS = (ResultKind.PUBLICATION,)
# Other kinds name no limit; a bound keeps the form finite.
MAX_AUTHORS_OTHERWISE = 10


def max_authors(result_kind):
    return MAX_AUTHORS if result_kind in PUBLICATION_KINDS else MAX_AUTHORS_OTHERWISE


class SupportingDocumentKind(models.TextChoices):
    """Supporting documents (1.3, 2.3, 3.3), every copy certified by the head's seal and signature."""

    IMPLEMENTATION_ACT = "implementation_act", _("act of implementation")
    PROGRAMME_COPY = "programme_copy", _("copy of the event programme")
    ORDER_EXTRACT = "order_extract", _("copy or extract of an order")
    REFERENCE = "reference", pgettext_lazy("supporting document", "reference")
    CERTIFICATE = "certificate", _("certificate")
    DIPLOMA = "diploma", _("diploma")
    COMMENDATION = "commendation", _("letter of commendation")
    CONTRACT = "contract", _("contract and act of services rendered")
    COUNCIL_CONCLUSION = "council_conclusion", _("copy of a council conclusion")


class Decision(models.TextChoices):
    ENDORSE = "endorse", _("endorse and send to the council")
    APPROVE = "approve", _("approve dissemination")
    FORWARD = "forward", _("examine and forward to the republican council")
    RETURN = "return", _("return for revision")
    REJECT = "reject", _("reject")


def decisions_for(stage, category):
    """The decisions a stage may take for a submission of this category."""
    stage = Stage(stage)
    if stage == Stage.SCHOOL:
        return (Decision.ENDORSE, Decision.RETURN, Decision.REJECT)
    if stage == Stage.REGIONAL and forwards_to_republican(category):
        return (Decision.FORWARD, Decision.RETURN, Decision.REJECT)
    return (Decision.APPROVE, Decision.RETURN, Decision.REJECT)


# A council decision is taken at a meeting: its protocol number and date are recorded.
DECISIONS_NEEDING_PROTOCOL = (Decision.APPROVE, Decision.FORWARD, Decision.RETURN, Decision.REJECT)
DECISIONS_NEEDING_COMMENT = (Decision.RETURN, Decision.REJECT)


def needs_protocol(stage, decision):
    return Stage(stage) in COUNCIL_STAGES and decision in DECISIONS_NEEDING_PROTOCOL


# Days a stage has to decide; settings.WORKFLOWS_STAGE_DEADLINE_DAYS overrides any of them.
STAGE_DEADLINE_DAYS = {
    Stage.SCHOOL: 10,
    Stage.ASSOCIATION: 30,
    Stage.REGIONAL: 30,
    Stage.REPUBLICAN: 45,
}
# Reminders go this many days before a deadline, and once after it has passed.
REMINDER_DAYS_BEFORE = 3


def stage_deadline(stage):
    overrides = getattr(settings, "WORKFLOWS_STAGE_DEADLINE_DAYS", {})
    return timedelta(days=overrides.get(str(stage), STAGE_DEADLINE_DAYS[Stage(stage)]))
