"""Demo data for the review: reviewers and a teacher, and submissions in every state (idempotent).

Runs after the network demo, which makes the regions and Leading Schools; with none, it makes nothing.
"""

import datetime
import os
import sys

from django.db import transaction
from django.utils import timezone

from home.models import HomePage
from network.factories import translate_page
from network.models import LeadingSchoolPage
from workflows import notifications, rules, services
from workflows.factories import REVIEWERS_GROUP, TEACHERS_GROUP, ReviewerRoleFactory, make_user, upload
from workflows.models import ApprovedExperienceLibraryPage, ReviewerRole, Submission

Role = ReviewerRole.Role
# The quick start's published password; CI (a throwaway database under the production settings) sets a random one.
PASSWORD = os.environ.get("DEMO_REVIEW_PASSWORD", "review-demo-2026")

LIBRARY = {
    "kk": (
        "Мақұлданған тәжірибе кітапханасы",
        "approved-experience",
        "Кеңестер тарату үшін мақұлдаған инновациялық педагогикалық тәжірибе.",
    ),
    "ru": (
        "Библиотека одобренного опыта",
        "approved-experience",
        "Инновационный педагогический опыт, одобренный советами для распространения.",
    ),
    "en": (
        "Approved experience library",
        "approved-experience",
        "Innovative pedagogical experience approved by the councils for dissemination.",
    ),
}

# title, language, category, state to reach
SUBMISSIONS = [
    ("Критериалды бағалау: 5-сыныптағы тәжірибе", "kk", rules.Category.TEACHER_RESEARCHER, "draft"),
    ("Бастауыш сыныптағы Lesson Study", "kk", rules.Category.TEACHER_EXPERT, "school"),
    ("Зерттеу сабағы арқылы оқу сауаттылығын дамыту", "kk", rules.Category.TEACHER_RESEARCHER, "regional"),
    ("Мектептегі көшбасшылық: іс-әрекеттегі зерттеу", "kk", rules.Category.TEACHER_MASTER, "republican"),
    ("Формативное оценивание на уроках математики", "ru", rules.Category.HEAD_SECOND, "revision"),
    ("Развитие функциональной грамотности через проектную работу", "ru", rules.Category.TEACHER_RESEARCHER, "approved"),
    ("Дарынды балалармен жұмыс", "kk", rules.Category.TEACHER_RESEARCHER, "rejected"),
]


def load_workflow_demo(stdout=None):
    stdout = stdout or sys.stdout
    schools = list(
        LeadingSchoolPage.objects.filter(locale__language_code="kk").select_related("region").order_by("path")[:2]
    )
    if not schools:
        return None
    with transaction.atomic(), notifications.quietly():
        load_library()
        users = load_users(schools)
        for title, language, category, target in SUBMISSIONS:
            load_submission(users, title, language, category, target)
    stdout.write(f"Review demo logins (password for each: {PASSWORD}):\n")
    for key in ("teacher", "head", "council", "association", "republican"):
        user = users[key]
        stdout.write(f"  {user.get_username():<20} {describe(key, schools[0])}\n")
    return users


def describe(key, school):
    return {
        "teacher": f"teacher of {school.title}: the cabinet at /kk/cabinet/ (no admin access)",
        "head": f"first head of {school.title}: Reviews → Inbox",
        "council": f"regional council (ОӘК) of {school.region.title if school.region else '—'}",
        "association": "profile association (ОӘБ)",
        "republican": "republican council (РОӘК)",
    }[key]


def load_library():
    home = HomePage.objects.filter(locale__language_code="kk", depth=2).first()
    if home is None:
        return None
    library = ApprovedExperienceLibraryPage.objects.child_of(home).first()
    if library is None:
        title, slug, intro = LIBRARY["kk"]
        library = ApprovedExperienceLibraryPage(title=title, slug=slug, intro=intro)
        home.add_child(instance=library)
        library.save_revision(log_action=False).publish(log_action=False)
    for language in ("ru", "en"):
        title, slug, intro = LIBRARY[language]
        from wagtail.models import Locale

        locale = Locale.objects.filter(language_code=language).first()
        if locale and home.get_translation_or_none(locale):
            translate_page(library, locale, {"title": title, "slug": slug, "intro": intro})
    return library


def load_users(schools):
    from workflows.models import SchoolMembership

    school = schools[0]
    users = {
        "teacher": make_user(
            "teacher-demo", password=PASSWORD, group=TEACHERS_GROUP, full_name="Айгерім Бекова", language="kk"
        ),
        "head": make_user(
            "head-demo", password=PASSWORD, group=REVIEWERS_GROUP, full_name="Сәуле Әбенова", language="kk"
        ),
        "council": make_user(
            "council-demo", password=PASSWORD, group=REVIEWERS_GROUP, full_name="Марат Оспанов", language="ru"
        ),
        "association": make_user(
            "association-demo", password=PASSWORD, group=REVIEWERS_GROUP, full_name="Гүлнар Сейітова", language="kk"
        ),
        "republican": make_user(
            "republic-demo", password=PASSWORD, group=REVIEWERS_GROUP, full_name="Ерлан Жақыпов", language="ru"
        ),
    }
    SchoolMembership.objects.get_or_create(
        user=users["teacher"], defaults={"school": school, "position": "Математика мұғалімі"}
    )
    ReviewerRoleFactory(user=users["head"], role=Role.SCHOOL_HEAD, school=school)
    if school.region_id:
        ReviewerRoleFactory(user=users["council"], role=Role.REGIONAL_COUNCIL, region=school.region)
    ReviewerRoleFactory(user=users["association"], role=Role.ASSOCIATION)
    ReviewerRoleFactory(user=users["republican"], role=Role.REPUBLICAN_COUNCIL)
    return users


def _decide(submission, user, decision, **kwargs):
    task = services.open_task_of(submission)
    if rules.needs_protocol(submission.stage, decision):
        kwargs.setdefault("protocol_number", f"{submission.pk}-{submission.round}")
        kwargs.setdefault("protocol_date", timezone.localdate() - datetime.timedelta(days=1))
    services.decide(task.pk, user, decision, **kwargs)
    return Submission.objects.get(pk=submission.pk)


# What the demo's people write, in the submission's language: a Russian submission is commented in Russian.
TEXTS = {
    "kk": {
        "abstract": "Тәжірибенің қысқаша сипаттамасы: мақсаты, әдістері, нәтижелері.",
        "material": ("Тәжірибе материалдары", "tazhiribe-materialdary.pdf"),
        "act": ("Енгізу туралы акт", "engizu-turaly-akt.pdf"),
        "return": "Енгізу туралы актіге мектептің мөрін қойыңыз.",
        "reject": "Материалдар инновациялық тәжірибені көрсетпейді.",
        "endorse": "Материалдармен таныстым, қол қойылды.",
        "forward": "Материалдар РОӘК-ке жіберілсін.",
        "conclusion": "Тәжірибе облыс деңгейінде таратуға ұсынылады.",
        "dissemination": [
            (20, "№ 8 мектеп-лицейі", "Сарыарқа ауданы", "Аудан мұғалімдеріне арналған семинар."),
            (10, "№ 3 гимназия", "Алматы ауданы", "Серіктес мектептерде шеберлік сыныбы."),
        ],
    },
    "ru": {
        "abstract": "Краткое описание опыта: цель, методы, результаты.",
        "material": ("Материалы опыта", "materialy-opyta.pdf"),
        "act": ("Акт внедрения", "akt-vnedreniya.pdf"),
        "return": "Поставьте печать школы на акте внедрения.",
        "reject": "Материалы не показывают инновационного опыта.",
        "endorse": "С материалами ознакомлен(а), подписано.",
        "forward": "Направить материалы в РУМС.",
        "conclusion": "Опыт рекомендуется к распространению на уровне области.",
        "dissemination": [
            (20, "Школа-лицей № 8", "район Сарыарка", "Семинар для учителей района."),
            (10, "Гимназия № 3", "Алмалинский район", "Мастер-класс в партнёрских школах."),
        ],
    },
}


def load_submission(users, title, language, category, target):
    teacher = users["teacher"]
    if Submission.objects.filter(author=teacher, title=title).exists():
        return None
    text = TEXTS[language]
    submission = services.create_draft(
        teacher,
        teacher.school_membership,
        title=title,
        language=language,
        category=category,
        result_kind=rules.result_kinds(category)[0],
        subject="primary",
        abstract=text["abstract"],
    )
    # The files are named in the submission's language, as the teacher would name them.
    (material, material_file), (act, act_file) = text["material"], text["act"]
    services.add_file(submission, teacher, upload(f"{material}: {title}", material_file), "material")
    services.add_file(
        submission,
        teacher,
        upload(f"{act}: {title}", act_file),
        "supporting",
        rules.SupportingDocumentKind.IMPLEMENTATION_ACT,
    )
    if target == "draft":
        return submission
    services.submit(submission, teacher)
    submission = Submission.objects.get(pk=submission.pk)
    if target == "school":
        return submission
    if target == "revision":
        return _decide(submission, users["head"], rules.Decision.RETURN, comment=text["return"])
    if target == "rejected":
        return _decide(submission, users["head"], rules.Decision.REJECT, comment=text["reject"])
    submission = _decide(submission, users["head"], rules.Decision.ENDORSE, comment=text["endorse"])
    if target == "regional":
        return submission
    if target == "republican":
        return _decide(submission, users["council"], rules.Decision.FORWARD, comment=text["forward"])
    submission = _decide(submission, users["council"], rules.Decision.APPROVE, conclusion=text["conclusion"])
    for days, place, district, description in text["dissemination"]:
        services.record_dissemination(
            submission,
            teacher,
            date=timezone.localdate() - datetime.timedelta(days=days),
            place=place,
            district=district,
            description=description,
        )
    return submission
