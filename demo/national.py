"""The national scale, for benchmarks: 750 Leading Schools, 7,500 partner schools, 100,000 blog posts,
50,000 events and 100,000 resources, in Kazakh, with Russian and English translations for a share of them.

Wagtail's ``add_child`` costs several queries per page (treebeard locks and re-reads the parent, Wagtail
saves a revision, signals fire); at this scale that is hours. Here the tree is written in bulk instead:

* every page gets its treebeard materialised path computed in Python (``Page.steplen`` characters per level
  in ``Page.alphabet``), its ``depth``, ``url_path``, ``content_type``, ``locale``, ``translation_key``,
  publication fields and ``draft_title``, exactly what ``add_child`` + ``publish`` would have written;
* Django's ``bulk_create`` refuses multi-table inheritance, so each batch is inserted the way Django's own
  ``Model.save`` does it for one object, only many rows at a time: the ``wagtailcore_page`` rows first
  (``_insert`` with ``RETURNING id``), then the specific table's rows with ``page_ptr_id`` set to those ids;
* the parents' ``numchild`` are raised at the end, grouped by increment (a handful of UPDATEs).

Translations are what wagtail-localize's "Translate" would have made: pages in the ru/en trees, under the
translated parents, with the same ``translation_key`` and slug, their own ``locale``, and ``school``/``region``
pointing at the pages of their own language. No revisions are written (a page without revisions is served
from its own row, and the admin edits it as its latest state), no reference index and no search index.

Afterwards, to make the data searchable (left out here because it takes longer than the whole load):
``python manage.py rebuild_search_index`` (the public search, ``search/``), ``python manage.py update_index``
(Wagtail's backend, used by the admin's page search), and for the admin's usage counts
``python manage.py rebuild_references_index``. Creating a school through the admin also
provisions its workspace (``network.provisioning.provision_school``); bulk-loaded schools are not provisioned,
so their editor groups, collections and workflows do not exist (the public site does not need them).

Measured on the development machine (2 cores, PostgreSQL 15): see bench/README.md.
"""

import datetime
import random
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from anyascii import anyascii
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.db.models import Case, F, IntegerField, When
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

from demo.skeleton import NATIONAL, NETWORK_PAGES, REGIONS
from home.models import HomePage
from network.models import (
    BlogCategory,
    BlogIndexPage,
    BlogPostPage,
    BlogPostTag,
    BlogTag,
    CoordinationCentreTrainer,
    CreativeGroup,
    EventIndexPage,
    EventPage,
    LeadingSchoolPage,
    PartnerSchool,
    RegionPage,
    ResourcePage,
    ResourcePortalPage,
    SchoolDirection,
    Teacher,
)
from network.names import latin_form
from network.vocabulary import CreativeGroupKind, Direction, EventKind, LeaderRole, Licence, ResourceKind, Subject

NATIONAL_SCALE = {"schools": 750, "partners_per_school": 10, "posts": 100_000, "events": 50_000, "resources": 100_000}
LANGUAGES = ("kk", "ru", "en")
TRANSLATED = ("ru", "en")
# The marker that tells a national school's slug from a hand-made one: "<locality>-<type>-<number>-ls<nnnn>".
SCHOOL_SLUG_MARK = "-ls"
SCHOOL_SLUG_PATTERN = r"-ls[0-9]{4}$"


class AlreadyLoaded(Exception):
    """The database already holds (part of) the national data."""


# --- Vocabulary, in kk / ru / en -------------------------------------------------------------------------------------


SCHOOL_TYPES = [
    # kk, ru, en, slug
    ("жалпы білім беретін мектеп", "общеобразовательная школа", "Secondary School", "school"),
    ("мектеп-гимназия", "школа-гимназия", "School-Gymnasium", "gymnasium"),
    ("мектеп-лицей", "школа-лицей", "School-Lyceum", "lyceum"),
    ("IT-мектеп-лицей", "IT-школа-лицей", "IT School-Lyceum", "it-lyceum"),
]

VILLAGES = [
    ("Ақжар", "Акжар", "Akzhar"),
    ("Жаңатұрмыс", "Жанатурмыс", "Zhanaturmys"),
    ("Қызылту", "Кызылту", "Kyzyltu"),
    ("Бірлік", "Бирлик", "Birlik"),
    ("Қарасу", "Карасу", "Karasu"),
    ("Көктерек", "Коктерек", "Kokterek"),
    ("Талапты", "Талапты", "Talapty"),
    ("Сарыөзек", "Сарыозек", "Saryozek"),
    ("Тассай", "Тассай", "Tassai"),
    ("Ақкөл", "Акколь", "Akkol"),
    ("Шұғыла", "Шугыла", "Shugyla"),
    ("Қайнар", "Кайнар", "Kainar"),
    ("Береке", "Береке", "Bereke"),
    ("Достық", "Достык", "Dostyk"),
    ("Ынтымақ", "Ынтымак", "Yntymak"),
    ("Алғабас", "Алгабас", "Algabas"),
    ("Жібек жолы", "Жибек жолы", "Zhibek Zholy"),
    ("Көкжар", "Кокжар", "Kokzhar"),
]

SUBJECTS = {
    Subject.PRIMARY: ("бастауыш білім", "начальное образование", "primary education"),
    Subject.KAZAKH_LANGUAGE: (
        "қазақ тілі мен әдебиеті",
        "казахский язык и литература",
        "Kazakh language and literature",
    ),
    Subject.RUSSIAN_LANGUAGE: (
        "орыс тілі мен әдебиеті",
        "русский язык и литература",
        "Russian language and literature",
    ),
    Subject.ENGLISH_LANGUAGE: ("ағылшын тілі", "английский язык", "English language"),
    Subject.MATHEMATICS: ("математика", "математика", "mathematics"),
    Subject.COMPUTER_SCIENCE: ("информатика", "информатика", "computer science"),
    Subject.PHYSICS: ("физика", "физика", "physics"),
    Subject.CHEMISTRY: ("химия", "химия", "chemistry"),
    Subject.BIOLOGY: ("биология", "биология", "biology"),
    Subject.GEOGRAPHY: ("география", "география", "geography"),
    Subject.HISTORY: ("Қазақстан тарихы", "история Казахстана", "history of Kazakhstan"),
    Subject.ARTS: ("көркем еңбек және музыка", "искусство и музыка", "arts and music"),
    Subject.PHYSICAL_EDUCATION: ("дене шынықтыру", "физическая культура", "physical education"),
    Subject.GENERAL: ("барлық пәндер", "все предметы", "all subjects"),
}

TOPICS = [
    ("критериалды бағалау", "критериальное оценивание", "criteria-based assessment"),
    ("формативті бағалау", "формативное оценивание", "formative assessment"),
    ("сабақты зерттеу (Lesson Study)", "исследование урока (Lesson Study)", "Lesson Study"),
    ("іс-әрекеттегі зерттеу", "исследование в действии", "action research"),
    ("оқушылардың функционалдық сауаттылығы", "функциональная грамотность учащихся", "students' functional literacy"),
    ("сыни тұрғыдан ойлау", "критическое мышление", "critical thinking"),
    ("диалогтік оқыту", "диалоговое обучение", "dialogic teaching"),
    ("саралап оқыту", "дифференцированное обучение", "differentiated instruction"),
    ("қысқа мерзімді жоспарлау", "краткосрочное планирование", "short-term planning"),
    ("көптілді білім беру", "полиязычное образование", "multilingual education"),
    ("дарынды балалармен жұмыс", "работа с одарёнными детьми", "work with gifted children"),
    ("инклюзивті білім беру", "инклюзивное образование", "inclusive education"),
    ("цифрлық білім беру ресурстары", "цифровые образовательные ресурсы", "digital learning resources"),
    ("STEM-білім беру", "STEM-образование", "STEM education"),
    ("тәлімгерлік", "наставничество", "mentoring"),
    ("оқудағы көшбасшылық", "лидерство в обучении", "leadership in learning"),
    ("кері байланыс", "обратная связь", "feedback"),
    ("топтық жұмыс", "групповая работа", "group work"),
    ("оқушылардың зерттеу дағдылары", "исследовательские навыки учащихся", "students' research skills"),
    ("CLIL әдістемесі", "методика CLIL", "CLIL methodology"),
    ("жобалық оқыту", "проектное обучение", "project-based learning"),
    ("оқу мақсаттарын анықтау", "определение целей обучения", "setting learning objectives"),
]

POST_TITLES = [
    ("Ашық сабақ: {topic} ({subject})", "Открытый урок: {topic} ({subject})", "Open lesson: {topic} ({subject})"),
    ("Семинар қорытындысы: {topic}", "Итоги семинара: {topic}", "Seminar outcomes: {topic}"),
    ("Шеберлік сыныбы: {topic}", "Мастер-класс: {topic}", "Master class: {topic}"),
    ("Lesson Study циклі: {subject}", "Цикл Lesson Study: {subject}", "A Lesson Study cycle: {subject}"),
    (
        "Серіктес мектепке әдістемелік десант: {topic}",
        "Методический десант в партнёрскую школу: {topic}",
        "A methodological visit to a partner school: {topic}",
    ),
    ("Тәлімгер мен тәлімгерлік алушы: {topic}", "Наставник и наставляемый: {topic}", "Mentor and mentee: {topic}"),
    (
        "Іс-әрекеттегі зерттеу нәтижелері: {topic}",
        "Результаты исследования в действии: {topic}",
        "Action research results: {topic}",
    ),
    ("Шығармашылық топ отырысы: {topic}", "Заседание творческой группы: {topic}", "Creative group meeting: {topic}"),
    ("Әріптестерге кеңес: {topic}", "Советы коллегам: {topic}", "Tips for colleagues: {topic}"),
    (
        "«Тәжірибедегі рефлексия» форумы: {topic}",
        "Форум «Рефлексия в практике»: {topic}",
        "“Reflection in practice” forum: {topic}",
    ),
]

POST_INTROS = (
    "{school} мұғалімдері тәжірибесімен бөліседі: {topic}.",
    "Учителя школы «{school}» делятся опытом: {topic}.",
    "Teachers of {school} share their experience: {topic}.",
)

SENTENCES = [
    (
        "Сабақта оқушылар {topic} тәсілдерін топта талқылады.",
        "На уроке учащиеся обсуждали в группах приёмы темы «{topic}».",
        "In the lesson, students discussed {topic} techniques in groups.",
    ),
    (
        "Мұғалімдер {subject} пәні бойынша оқу мақсаттарын бірлесіп жоспарлады.",
        "Учителя совместно спланировали цели обучения по предмету «{subject}».",
        "Teachers planned the learning objectives for {subject} together.",
    ),
    (
        "Серіктес мектептердің әріптестері сабаққа қатысып, кері байланыс берді.",
        "Коллеги из партнёрских школ посетили урок и дали обратную связь.",
        "Colleagues from partner schools attended the lesson and gave feedback.",
    ),
    (
        "Бақылау нәтижелері шығармашылық топ отырысында талданды.",
        "Результаты наблюдения проанализированы на заседании творческой группы.",
        "The observation results were analysed at the creative group's meeting.",
    ),
    (
        "Келесі кездесуде {topic} бойынша жаңа ресурстар ұсынылады.",
        "На следующей встрече будут представлены новые ресурсы по теме «{topic}».",
        "New resources on {topic} will be presented at the next meeting.",
    ),
    (
        "Тәжірибе Назарбаев Зияткерлік мектептерінің бағдарламасына негізделген.",
        "Опыт основан на программе Назарбаев Интеллектуальных школ.",
        "The experience builds on the Nazarbayev Intellectual Schools programme.",
    ),
    (
        "Оқушылардың жұмыстары критерийлер бойынша бағаланды.",
        "Работы учащихся оценены по критериям.",
        "Students' work was assessed against criteria.",
    ),
]

HEADINGS = [
    ("Не істедік", "Что мы сделали", "What we did"),
    ("Нәтижелер", "Результаты", "Results"),
    ("Келесі қадамдар", "Следующие шаги", "Next steps"),
]

QUOTES = [
    (
        "Бір-бірімізден үйренгенде ғана өсеміз.",
        "Мы растём, только когда учимся друг у друга.",
        "We grow only when we learn from each other.",
    ),
    (
        "Жақсы сабақ – оқушының сұрағынан басталады.",
        "Хороший урок начинается с вопроса ученика.",
        "A good lesson begins with a student's question.",
    ),
]

EVENT_KINDS = {
    EventKind.SEMINAR: ("Семинар", "Семинар", "Seminar"),
    EventKind.ACTION_RESEARCH: ("Іс-әрекеттегі зерттеу", "Исследование в действии", "Action research"),
    EventKind.LESSON_STUDY: ("Lesson Study", "Lesson Study", "Lesson Study"),
    EventKind.MASTER_CLASS: ("Шеберлік сыныбы", "Мастер-класс", "Master class"),
    EventKind.CONFERENCE: ("Конференция", "Конференция", "Conference"),
    EventKind.FORUM: ("Форум", "Форум", "Forum"),
    EventKind.AUGUST_CONFERENCE: ("Тамыз кеңесі", "Августовская конференция", "August conference"),
    EventKind.CONSULTATION: ("Кеңес беру", "Консультация", "Consultation session"),
    EventKind.ROUND_TABLE: ("Дөңгелек үстел", "Круглый стол", "Round table"),
    EventKind.TRAINING: ("Тренинг", "Тренинг", "Training"),
}
EVENT_KIND_WEIGHTS = [20, 8, 10, 16, 5, 4, 2, 12, 8, 15]

RESOURCE_KINDS = {
    ResourceKind.LESSON_PLAN: ("Қысқа мерзімді сабақ жоспары", "Краткосрочный план урока", "Short-term lesson plan"),
    ResourceKind.METHODOLOGICAL_RECOMMENDATION: (
        "Әдістемелік ұсыным",
        "Методическая рекомендация",
        "Methodological recommendation",
    ),
    ResourceKind.VIDEO_LESSON: ("Бейнесабақ", "Видеоурок", "Video lesson"),
    ResourceKind.PRESENTATION: ("Презентация", "Презентация", "Presentation"),
    ResourceKind.ASSESSMENT: ("Бағалау материалдары", "Материалы для оценивания", "Assessment materials"),
    ResourceKind.RESEARCH_REPORT: ("Зерттеу есебі", "Отчёт об исследовании", "Research report"),
    ResourceKind.TEACHING_AID: ("Оқу құралы", "Учебное пособие", "Teaching aid"),
    ResourceKind.PROGRAMME: ("Бағдарлама", "Программа", "Programme"),
}
RESOURCE_KIND_WEIGHTS = [35, 12, 10, 14, 14, 5, 6, 4]

SECTIONS = [
    (BlogIndexPage, "blog", ("Блог", "Блог", "Blog")),
    (EventIndexPage, "events", ("Іс-шаралар", "Мероприятия", "Events")),
    (ResourcePortalPage, "resources", ("Ресурстық портал", "Ресурсный портал", "Resource portal")),
]


CATEGORIES = [
    ("lessons", "Сабақтар", "Уроки", "Lessons"),
    ("seminars", "Семинарлар", "Семинары", "Seminars"),
    ("mentoring", "Тәлімгерлік", "Наставничество", "Mentoring"),
    ("research", "Зерттеулер", "Исследования", "Research"),
    ("partner-schools", "Серіктес мектептер", "Партнёрские школы", "Partner schools"),
    ("news", "Жаңалықтар", "Новости", "News"),
]
# (kk, ru, en): a post's tags are shared by its translations and named in the page's language.
TAGS = [
    ("бағалау", "оценивание", "assessment"),
    ("Lesson Study", "Lesson Study", "Lesson Study"),
    ("тәлімгерлік", "наставничество", "mentoring"),
    ("STEM", "STEM", "STEM"),
    ("функционалдық сауаттылық", "функциональная грамотность", "functional literacy"),
    ("инклюзия", "инклюзия", "inclusion"),
    ("көптілділік", "полиязычие", "multilingualism"),
    ("дарынды балалар", "одарённые дети", "gifted children"),
    ("ашық сабақ", "открытый урок", "open lesson"),
    ("шеберлік сыныбы", "мастер-класс", "master class"),
    ("рефлексия", "рефлексия", "reflection"),
    ("жоспарлау", "планирование", "planning"),
    ("CLIL", "CLIL", "CLIL"),
    ("цифрлық ресурстар", "цифровые ресурсы", "digital resources"),
]

SURNAMES = [
    "Ахмет",
    "Жұмабай",
    "Сейіт",
    "Омар",
    "Нұрлан",
    "Қасым",
    "Әбдірахман",
    "Серік",
    "Тоқтар",
    "Байжан",
    "Оспан",
    "Есен",
    "Мұқан",
    "Сәрсен",
    "Ержан",
]
MALE_NAMES = ["Ерлан", "Асқар", "Нұрлан", "Дәурен", "Бауыржан", "Ержан", "Айбек", "Мұрат", "Самат", "Талғат"]
FEMALE_NAMES = [
    "Айгүл",
    "Гүлнар",
    "Әсем",
    "Динара",
    "Жанар",
    "Сәуле",
    "Мадина",
    "Ләззат",
    "Айжан",
    "Ботагөз",
    "Гүлмира",
    "Назерке",
]
FATHERS = ["Сәкен", "Бекболат", "Қайрат", "Болат", "Жақсылық", "Амангелді", "Серік", "Нұржан"]

EN_DASH = "–"


def pick_name(rng):
    surname, father = rng.choice(SURNAMES), rng.choice(FATHERS)
    if rng.random() < 0.7:  # most teachers are women
        return f"{surname}ова {rng.choice(FEMALE_NAMES)} {father}қызы"
    return f"{surname}ов {rng.choice(MALE_NAMES)} {father}ұлы"


def ascii_slug(text, limit=60):
    return slugify(anyascii(text))[:limit].strip("-") or "page"


def grades_label(grade_from, grade_to):
    if grade_from == grade_to:
        return (f"{grade_from}-сынып", f"{grade_from} класс", f"grade {grade_from}")
    span = f"{grade_from}{EN_DASH}{grade_to}"
    return (f"{span} сынып", f"{span} класс", f"grades {span}")


# --- Writing the tree in bulk -----------------------------------------------------------------------------------------


class TreeWriter:
    """Places pages in the tree (path, depth, url_path) and inserts them in batches, as add_child + publish would."""

    def __init__(self, using):
        self.using = using
        self.connection = connections[using]
        if not self.connection.features.can_return_rows_from_bulk_insert:
            raise RuntimeError("The database cannot return ids from a bulk INSERT (SQLite 3.35+ or PostgreSQL needed).")
        self.next_step = {}  # parent path -> the step number of its next child
        self.added = Counter()  # parent path -> how many children were placed under it
        self.page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        self.content_types = {}
        self.inserted = Counter()

    def content_type_id(self, model):
        if model not in self.content_types:
            self.content_types[model] = ContentType.objects.db_manager(self.using).get_for_model(model).pk
        return self.content_types[model]

    def _first_free_step(self, parent):
        # Only for parents that existed before this run; pages created here start at step 1.
        last = (
            Page.objects.using(self.using)
            .filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        return Page._str2int(last[-Page.steplen :]) + 1 if last else 1

    def place(self, page, parent):
        """Give `page` (an unsaved specific instance with its slug set) the next position under `parent`."""
        step = self.next_step.get(parent.path)
        if step is None:
            step = self._first_free_step(parent)
        self.next_step[parent.path] = step + 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.numchild = 0
        page.content_type_id = self.content_type_id(type(page))
        self.next_step[page.path] = 1
        self.added[parent.path] += 1
        return page

    def batch_size(self, fields):
        # SQLite limits the number of parameters of a statement; PostgreSQL does not, but huge statements cost memory.
        return max(1, min(1000, self.connection.ops.bulk_batch_size(fields, [None] * 1000)))

    def insert(self, pages):
        """INSERT the pages (all of one specific model): wagtailcore_page rows with RETURNING id, then the
        specific rows with page_ptr_id, which is what Model.save does for one object."""
        if not pages:
            return pages
        model = type(pages[0])
        specific_fields = list(model._meta.local_concrete_fields)
        page_manager = Page._base_manager.db_manager(self.using)
        specific_manager = model._base_manager.db_manager(self.using)
        for start in range(0, len(pages), self.batch_size(self.page_fields)):
            batch = pages[start : start + self.batch_size(self.page_fields)]
            rows = page_manager._insert(
                batch, fields=self.page_fields, returning_fields=[Page._meta.pk], using=self.using
            )
            for page, (pk,) in zip(batch, rows, strict=True):
                page.id = page.page_ptr_id = pk
                page._state.adding = False
                page._state.db = self.using
        for start in range(0, len(pages), self.batch_size(specific_fields)):
            batch = pages[start : start + self.batch_size(specific_fields)]
            specific_manager._insert(batch, fields=specific_fields, using=self.using)
        self.inserted[model] += len(pages)
        return pages

    def update_numchild(self):
        """Raise every parent's numchild by the number of children placed under it: one UPDATE per 500 parents,
        so the number of statements follows the number of parents, never the number of pages."""
        manager = Page._base_manager.db_manager(self.using)
        parents = sorted(self.added.items())
        for start in range(0, len(parents), 500):
            batch = parents[start : start + 500]
            manager.filter(path__in=[path for path, _count in batch]).update(
                numchild=Case(
                    *[When(path=path, then=F("numchild") + count) for path, count in batch],
                    output_field=IntegerField(),
                )
            )


def new_page(model, *, title, slug, locale, translation_key, published_at, **fields):
    if hasattr(model, "published_at"):  # a listing's own copy of the date (ResourcePage.save is not called here)
        fields["published_at"] = published_at
    if hasattr(model, "listing_live"):  # the listings' copy of locale and live (ListingCopyMixin.save is not called)
        fields.update(listing_locale_id=locale.pk, listing_live=True)
    return model(
        title=title,
        draft_title=title,
        slug=slug,
        locale_id=locale.pk,
        translation_key=translation_key,
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
        show_in_menus=fields.pop("show_in_menus", False),
        **fields,
    )


@dataclass
class SchoolPlan:
    number: int
    region: dict  # language -> RegionPage
    names: tuple  # kk, ru, en
    locality: tuple
    slug: str
    translation_key: uuid.UUID
    pages: dict = field(default_factory=dict)  # language -> LeadingSchoolPage
    sections: dict = field(default_factory=dict)  # (language, model) -> index page
    teachers: list = field(default_factory=list)
    group_names: list = field(default_factory=list)


class NationalLoader:
    def __init__(
        self,
        *,
        schools,
        partners_per_school,
        posts,
        events,
        resources,
        ru_share,
        en_share,
        seed,
        stdout,
        chunk_schools=25,
    ):
        self.counts = {
            "schools": schools,
            "partners_per_school": partners_per_school,
            "posts": posts,
            "events": events,
            "resources": resources,
        }
        self.shares = {"ru": ru_share, "en": en_share}
        self.rng = random.Random(seed)
        self.stdout = stdout
        self.chunk_schools = chunk_schools
        self.using = router.db_for_write(Page)
        self.writer = TreeWriter(self.using)
        self.now = timezone.now()
        self.tz = timezone.get_default_timezone()
        self.started = time.monotonic()
        self.summary = Counter()

    # -- helpers --

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(f"[{time.monotonic() - self.started:7.1f}s] {message}\n")

    def uuid(self):
        # Truly random: translation keys must never collide with those of another run or of hand-made pages.
        return uuid.uuid4()

    def past(self, days):
        return self.now - datetime.timedelta(seconds=self.rng.randrange(int(days * 86400)))

    def translations_of(self, page_class, source_pages):
        """{translation_key: {language: page}} for the given kk pages' translations that exist already."""
        keys = [page.translation_key for page in source_pages]
        found = defaultdict(dict)
        for page in page_class.objects.using(self.using).filter(translation_key__in=keys).select_related("locale"):
            found[page.translation_key][page.locale.language_code] = page
        return found

    # -- the run --

    def run(self):
        self.locales = {
            code: Locale.objects.using(self.using).get_or_create(language_code=code)[0] for code in LANGUAGES
        }
        self.refuse_if_loaded()
        self.homes = self.ensure_homes()
        plans = self.plan_schools(self.ensure_regions())
        self.ensure_network_pages()
        self.create_schools(plans)
        self.create_school_details(plans)
        self.create_teachers(plans)
        self.categories = self.ensure_categories()
        self.tags = self.ensure_tags()
        self.create_content(plans)
        self.writer.update_numchild()
        self.say("numchild of the parents updated")
        self.summary.update({f"pages:{model.__name__}": n for model, n in self.writer.inserted.items()})
        return self.summary

    def ensure_homes(self):
        from demo.home import load_home

        home = HomePage.objects.using(self.using).filter(locale=self.locales["kk"], depth=2).first()
        if home is None:
            load_home()
            home = HomePage.objects.using(self.using).get(locale=self.locales["kk"], depth=2)
        homes = {"kk": home}
        for code in TRANSLATED:
            homes[code] = home.get_translation_or_none(self.locales[code])
            if homes[code] is None:
                raise RuntimeError(f"The home page has no {code} translation: run `manage.py load_demo` first.")
        return homes

    def ensure_regions(self):
        """The regions of every language: reused when they exist (e.g. from the small demo), created otherwise."""
        kk_regions = list(RegionPage.objects.using(self.using).child_of(self.homes["kk"]).order_by("path"))
        if not kk_regions:
            kk_regions = self.create_regions()
        translations = self.translations_of(RegionPage, kk_regions)
        missing = defaultdict(list)
        regions = []
        for kk in kk_regions:
            versions = {"kk": kk, **{code: translations[kk.translation_key].get(code) for code in TRANSLATED}}
            data = next((row for row in REGIONS if row[0] == kk.slug), None)
            for code in TRANSLATED:
                if versions[code] is None:
                    index = LANGUAGES.index(code)
                    copy = new_page(
                        RegionPage,
                        title=data[2][index] if data else kk.title,
                        slug=kk.slug,
                        locale=self.locales[code],
                        translation_key=kk.translation_key,
                        published_at=kk.first_published_at or self.now,
                        kind=kk.kind,
                        centre=data[3][index] if data else kk.centre,
                        coordination_centre_name=kk.coordination_centre_name,
                        coordination_centre_address=kk.coordination_centre_address,
                        coordination_centre_phone=kk.coordination_centre_phone,
                        coordination_centre_email=kk.coordination_centre_email,
                    )
                    missing[code].append(self.writer.place(copy, self.homes[code]))
                    versions[code] = copy
            weight, towns = NATIONAL.get(kk.slug, (4, []))
            towns = (
                [data[3]] + towns
                if data
                else [tuple((versions[code].centre or versions[code].title) for code in LANGUAGES)]
            )
            regions.append({"pages": versions, "weight": weight, "towns": towns})
        for code, pages in missing.items():
            self.writer.insert(pages)
            self.say(f"{len(pages)} missing {code} regions created")
        return regions

    def create_regions(self):
        created = {code: [] for code in LANGUAGES}
        published = self.now - datetime.timedelta(days=3 * 365)
        for slug, kind, names, centre in REGIONS:
            key = self.uuid()
            for index, code in enumerate(LANGUAGES):
                centre_name = (
                    "Педагогикалық шеберлік орталығының {} филиалы",
                    "Филиал Центра педагогического мастерства, {}",
                    "Centre of Pedagogical Excellence, {} branch",
                )[index].format(centre[index])
                page = new_page(
                    RegionPage,
                    title=names[index],
                    slug=slug,
                    locale=self.locales[code],
                    translation_key=key,
                    published_at=published,
                    kind=kind,
                    centre=centre[index],
                    coordination_centre_name=centre_name,
                    coordination_centre_address=centre[index],
                    coordination_centre_phone="+7 7172 00 00 00",
                    coordination_centre_email=f"{slug}@cpm.nis.edu.kz",
                )
                created[code].append(self.writer.place(page, self.homes[code]))
        for code in LANGUAGES:
            self.writer.insert(created[code])
        trainers = []
        for kk in created["kk"]:
            for order in range(3):
                trainers.append(
                    CoordinationCentreTrainer(
                        region_id=kk.pk,
                        sort_order=order,
                        name=pick_name(self.rng),
                        position="тренер",
                        position_ru="тренер",
                        position_en="trainer",
                        email=f"trainer{order + 1}.{kk.slug}@cpm.nis.edu.kz",
                    )
                )
        CoordinationCentreTrainer.objects.using(self.using).bulk_create(trainers)
        self.say(f"{len(REGIONS)} regions created in kk, ru and en")
        return created["kk"]

    def ensure_network_pages(self):
        for model, slug, titles, _intros in NETWORK_PAGES:
            kk = model.objects.using(self.using).child_of(self.homes["kk"]).first()
            if kk is None:
                kk = new_page(
                    model,
                    title=titles[0],
                    slug=slug,
                    locale=self.locales["kk"],
                    translation_key=self.uuid(),
                    published_at=self.now - datetime.timedelta(days=3 * 365),
                    show_in_menus=True,
                )
                self.writer.insert([self.writer.place(kk, self.homes["kk"])])
            for code in TRANSLATED:
                if kk.get_translation_or_none(self.locales[code]) is None:
                    copy = new_page(
                        model,
                        title=titles[LANGUAGES.index(code)],
                        slug=kk.slug,
                        locale=self.locales[code],
                        translation_key=kk.translation_key,
                        published_at=kk.first_published_at,
                        show_in_menus=kk.show_in_menus,
                    )
                    self.writer.insert([self.writer.place(copy, self.homes[code])])

    def plan_schools(self, regions):
        total = self.counts["schools"]
        # Largest remainder: exact total, proportional to the regions' weights, at least one each when possible.
        weights = [region["weight"] for region in regions]
        quotas = [total * w / sum(weights) for w in weights]
        shares = [int(q) for q in quotas]
        for index in sorted(range(len(regions)), key=lambda i: quotas[i] - shares[i], reverse=True)[
            : total - sum(shares)
        ]:
            shares[index] += 1
        plans = []
        for region, share in zip(regions, shares, strict=True):
            used = set()
            for _ in range(share):
                town = self.rng.choice(region["towns"])
                kind = self.rng.choices(SCHOOL_TYPES, weights=[6, 2, 2, 1])[0]
                number = self.rng.randrange(1, 180)
                while (town, number) in used:
                    number = self.rng.randrange(1, 400)
                used.add((town, number))
                names = (
                    f"№{number} {kind[0]} ({town[0]})",
                    f"{kind[1][0].upper()}{kind[1][1:]} №{number} ({town[1]})",
                    f"{kind[2]} No. {number} ({town[2]})",
                )
                plans.append(
                    SchoolPlan(
                        number=len(plans) + 1,
                        region=region["pages"],
                        names=names,
                        locality=town,
                        slug=f"{ascii_slug(town[2], 30)}-{kind[3]}-{number}{SCHOOL_SLUG_MARK}{len(plans) + 1:04d}",
                        translation_key=self.uuid(),
                    )
                )
        return plans

    def refuse_if_loaded(self):
        existing = (
            LeadingSchoolPage.objects.using(self.using)
            .filter(locale=self.locales["kk"], slug__regex=SCHOOL_SLUG_PATTERN)
            .count()
        )
        if existing:
            raise AlreadyLoaded(
                f"The national data is already loaded ({existing} of its Leading Schools exist): nothing was "
                "changed. Load it into a fresh database (or flush this one) to load it again."
            )

    def create_schools(self, plans):
        published = self.now - datetime.timedelta(days=3 * 365)
        for index, code in enumerate(LANGUAGES):
            schools = []
            for plan in plans:
                region = plan.region[code]
                school = new_page(
                    LeadingSchoolPage,
                    title=plan.names[index],
                    slug=plan.slug,
                    locale=self.locales[code],
                    translation_key=plan.translation_key,
                    published_at=published,
                    region_id=region.pk,
                    locality=plan.locality[index],
                    address=(
                        f"{plan.locality[0]}, Абай көшесі, {plan.number % 90 + 1}",
                        f"{plan.locality[1]}, ул. Абая, {plan.number % 90 + 1}",
                        f"{plan.number % 90 + 1} Abai Street, {plan.locality[2]}",
                    )[index],
                    phone=f"+7 7{self.rng.randrange(10, 99)} {self.rng.randrange(100, 999)} "
                    f"{self.rng.randrange(10, 99)} {self.rng.randrange(10, 99)}",
                    email=f"{plan.slug}@edu.kz",
                    intro=POST_INTROS[index].format(
                        school=plan.names[index], topic=TOPICS[plan.number % len(TOPICS)][index]
                    ),
                    leader_name=pick_name(random.Random(plan.number)),
                    leader_role=(LeaderRole.DIRECTOR, LeaderRole.DEPUTY, LeaderRole.TRAINED_TEACHER)[plan.number % 3],
                    body=self.body(index, TOPICS[plan.number % len(TOPICS)], SUBJECTS[Subject.GENERAL], paragraphs=2),
                )
                plan.pages[code] = self.writer.place(school, region)
                schools.append(school)
            self.writer.insert(schools)
            sections = []
            for plan in plans:
                for model, slug, titles in SECTIONS:
                    key = plan.sections.get(("kk", model))
                    section = new_page(
                        model,
                        title=titles[index],
                        slug=slug,
                        locale=self.locales[code],
                        translation_key=key.translation_key if key else self.uuid(),
                        published_at=published,
                        show_in_menus=True,
                    )
                    plan.sections[(code, model)] = self.writer.place(section, plan.pages[code])
                    sections.append(section)
            for model, _slug, _titles in SECTIONS:
                self.writer.insert([page for page in sections if type(page) is model])
            self.say(f"{len(plans)} {code} Leading Schools with their blog, events and resource portal")

    def create_school_details(self, plans):
        partners, groups, directions = [], [], []
        per_school = self.counts["partners_per_school"]
        group_kinds = list(CreativeGroupKind)
        for plan in plans:
            villages = self.rng.sample(VILLAGES, k=min(len(VILLAGES), per_school)) if per_school else []
            villages += [self.rng.choice(VILLAGES) for _ in range(per_school - len(villages))]
            numbers = [self.rng.randrange(1, 60) for _ in villages]
            chosen_directions = self.rng.sample(list(Direction), k=3)
            topics = self.rng.sample(TOPICS, k=3)
            plan.group_names = [
                (
                    f"{SUBJECTS[s][0]} шығармашылық тобы",
                    f"Творческая группа: {SUBJECTS[s][1]}",
                    f"Creative group: {SUBJECTS[s][2]}",
                )
                for s in self.rng.sample(list(SUBJECTS), k=3)
            ]
            for index, code in enumerate(LANGUAGES):
                school = plan.pages[code]
                hub = None
                for order, (village, number) in enumerate(zip(villages, numbers, strict=True)):
                    name = (
                        f"№{number} жалпы білім беретін мектеп ({village[0]} ауылы)",
                        f"Общеобразовательная школа №{number} (село {village[1]})",
                        f"Secondary School No. {number} ({village[2]} village)",
                    )[index]
                    if order % 5 == 0:
                        hub = name  # every fifth partner is the hub (resource) school of the next ones
                    partners.append(
                        PartnerSchool(
                            leading_school_id=school.pk,
                            sort_order=order,
                            name=name,
                            locality=(f"{village[0]} ауылы", f"село {village[1]}", f"{village[2]} village")[index],
                            hub_school="" if order % 5 == 0 else hub,
                            contact_person=pick_name(self.rng),
                            phone=f"+7 7{self.rng.randrange(10, 99)} {self.rng.randrange(100, 999)} 00 {order:02d}",
                            email=f"school{number}.{ascii_slug(village[2], 20)}@edu.kz",
                        )
                    )
                # Three groups a school: the first three of the four kinds (strict=False: zip stops at the three).
                for order, (kind, topic, direction) in enumerate(
                    zip(group_kinds, topics, chosen_directions, strict=False)
                ):
                    groups.append(
                        CreativeGroup(
                            # Every language's row carries the three names, as wagtail-localize's copy of the
                            # Kazakh page's rows would.
                            school_id=school.pk,
                            sort_order=order,
                            name=plan.group_names[order % 3][0],
                            name_ru=plan.group_names[order % 3][1],
                            name_en=plan.group_names[order % 3][2],
                            kind=kind,
                            direction=direction,
                            focus_topic=topic[0],
                            focus_topic_ru=topic[1],
                            focus_topic_en=topic[2],
                            leader=pick_name(self.rng),
                            members="\n".join(pick_name(self.rng) for _ in range(4)),
                        )
                    )
                for order, direction in enumerate(chosen_directions):
                    directions.append(
                        SchoolDirection(
                            school_id=school.pk, sort_order=order, direction=direction, description=topics[order][index]
                        )
                    )
        for model, rows in ((PartnerSchool, partners), (CreativeGroup, groups), (SchoolDirection, directions)):
            model.objects.using(self.using).bulk_create(rows, batch_size=1000)
        self.summary.update({"partner schools (kk)": len(partners) // 3, "creative groups": len(groups)})
        self.say(f"{len(partners)} partner schools (all languages), {len(groups)} creative groups")

    def create_teachers(self, plans):
        teachers = []
        for plan in plans:
            for _ in range(8):
                subject = self.rng.choice(list(SUBJECTS))
                name = pick_name(self.rng)
                # bulk_create skips Teacher.save, which would fill the Latin form.
                teachers.append(
                    Teacher(
                        full_name=name,
                        latin_name=latin_form(name),
                        position=f"{SUBJECTS[subject][0]} мұғалімі",
                        position_ru=f"учитель ({SUBJECTS[subject][1]})",
                        position_en=f"{SUBJECTS[subject][2]} teacher",
                        school_id=plan.pages["kk"].pk,
                    )
                )
        Teacher.objects.using(self.using).bulk_create(teachers, batch_size=1000)
        for index, plan in enumerate(plans):
            plan.teachers = [teacher.pk for teacher in teachers[index * 8 : (index + 1) * 8]]
        self.say(f"{len(teachers)} teachers")

    def ensure_categories(self):
        categories = []
        for slug, kk, ru, en in CATEGORIES:
            category, _created = BlogCategory.objects.using(self.using).get_or_create(
                slug=slug, defaults={"name_kk": kk, "name_ru": ru, "name_en": en}
            )
            categories.append(category.pk)
        return categories

    def ensure_tags(self):
        tags = []
        for name, name_ru, name_en in TAGS:
            tag = BlogTag.objects.using(self.using).filter(name=name).first()
            if tag is None:
                tag = BlogTag.objects.using(self.using).create(
                    name=name, name_ru=name_ru, name_en=name_en, slug=ascii_slug(name, 50)
                )
            tags.append(tag.pk)
        return tags

    # -- content --

    def body(self, index, topic, subject, paragraphs=3, quote=False):
        blocks = [{"type": "heading", "value": self.rng.choice(HEADINGS)[index], "id": str(self.uuid())}]
        for _ in range(paragraphs):
            text = " ".join(sentence[index] for sentence in self.rng.sample(SENTENCES, k=3))
            blocks.append(
                {
                    "type": "paragraph",
                    "id": str(self.uuid()),
                    "value": f"<p>{text.format(topic=topic[index], subject=subject[index])}</p>",
                }
            )
        if quote:
            blocks.append(
                {
                    "type": "quote",
                    "id": str(self.uuid()),
                    "value": {"text": self.rng.choice(QUOTES)[index], "attribution": ""},
                }
            )
        return blocks

    def allocate(self, total, plans):
        """How many items each school gets: uneven (some schools write a lot), summing exactly to `total`."""
        activity = [self.rng.paretovariate(2.5) for _ in plans]
        counts = Counter(self.rng.choices(range(len(plans)), weights=activity, k=total))
        return [counts[i] for i in range(len(plans))]

    def translated_to(self):
        return [code for code in TRANSLATED if self.rng.random() < self.shares[code]]

    def create_content(self, plans):
        allocations = {kind: self.allocate(self.counts[kind], plans) for kind in ("posts", "events", "resources")}
        for start in range(0, len(plans), self.chunk_schools):
            chunk = list(enumerate(plans))[start : start + self.chunk_schools]
            self.create_posts([(plan, allocations["posts"][i]) for i, plan in chunk])
            self.create_events([(plan, allocations["events"][i]) for i, plan in chunk])
            self.create_resources([(plan, allocations["resources"][i]) for i, plan in chunk])
            done = min(start + self.chunk_schools, len(plans))
            if done % 100 < self.chunk_schools or done == len(plans):
                self.say(
                    f"content of {done}/{len(plans)} schools: {self.summary['posts']} posts, "
                    f"{self.summary['events']} events, {self.summary['resources']} resources (kk)"
                )

    def place_item(self, model, plan, code, index_model, **fields):
        index = plan.sections[(code, index_model)]
        page = new_page(
            model, locale=self.locales[code], school_id=plan.pages[code].pk, region_id=plan.region[code].pk, **fields
        )
        return self.writer.place(page, index)

    def create_posts(self, work):
        pages, authors, categories, tags = [], [], [], []
        for plan, count in work:
            for number in range(1, count + 1):
                topic, subject = self.rng.choice(TOPICS), SUBJECTS[self.rng.choice(list(SUBJECTS))]
                pattern = self.rng.choice(POST_TITLES)
                published = self.past(3 * 365)
                key = self.uuid()
                slug = f"{ascii_slug(pattern[0].format(topic=topic[0], subject=subject[0]), 50)}-{number}"
                post_authors = self.rng.sample(plan.teachers, k=self.rng.choice((1, 1, 2)))
                post_categories = self.rng.sample(self.categories, k=self.rng.choice((1, 1, 2)))
                post_tags = self.rng.sample(self.tags, k=self.rng.randrange(0, 4))
                for code in ("kk", *self.translated_to()):
                    index = LANGUAGES.index(code)
                    when = published if code == "kk" else min(self.now, published + datetime.timedelta(days=3))
                    page = self.place_item(
                        BlogPostPage,
                        plan,
                        code,
                        BlogIndexPage,
                        title=pattern[index].format(topic=topic[index], subject=subject[index]),
                        slug=slug,
                        translation_key=key,
                        published_at=when,
                        date=timezone.localtime(published, self.tz).date(),
                        intro=POST_INTROS[index].format(school=plan.names[index], topic=topic[index]),
                        body=self.body(index, topic, subject, quote=self.rng.random() < 0.3),
                    )
                    pages.append(page)
                    authors.append((page, post_authors))
                    categories.append((page, post_categories))
                    tags.append((page, post_tags))
                self.summary["posts"] += 1
        self.insert_by_model(pages)
        Authors, Categories = BlogPostPage.authors.through, BlogPostPage.categories.through
        Authors.objects.using(self.using).bulk_create(
            [Authors(blogpostpage_id=page.pk, teacher_id=t) for page, ts in authors for t in ts], batch_size=2000
        )
        Categories.objects.using(self.using).bulk_create(
            [Categories(blogpostpage_id=page.pk, blogcategory_id=c) for page, cs in categories for c in cs],
            batch_size=2000,
        )
        BlogPostTag.objects.using(self.using).bulk_create(
            [BlogPostTag(content_object_id=page.pk, tag_id=t) for page, ts in tags for t in ts], batch_size=2000
        )
        self.summary["post translations"] += len(pages) - sum(count for _plan, count in work)

    def create_events(self, work):
        pages = []
        kinds = list(EVENT_KINDS)
        for plan, count in work:
            for number in range(1, count + 1):
                kind = self.rng.choices(kinds, weights=EVENT_KIND_WEIGHTS)[0]
                topic, subject = self.rng.choice(TOPICS), SUBJECTS[self.rng.choice(list(SUBJECTS))]
                # Two years back to half a year ahead: about a fifth of the events are still to come.
                day = (self.now + datetime.timedelta(days=self.rng.randrange(-730, 183))).astimezone(self.tz).date()
                start = datetime.datetime.combine(day, datetime.time(self.rng.randrange(9, 17)), tzinfo=self.tz)
                days = 1 if kind in (EventKind.CONFERENCE, EventKind.FORUM) and self.rng.random() < 0.4 else 0
                end = start + datetime.timedelta(days=days, hours=self.rng.choice((1, 2, 2, 3, 4)))
                published = min(self.now, start - datetime.timedelta(days=self.rng.randrange(7, 45)))
                online = self.rng.random() < 0.35
                key = self.uuid()
                slug = f"{ascii_slug(EVENT_KINDS[kind][0] + ' ' + topic[0], 50)}-{number}"
                is_past = end < self.now
                for code in ("kk", *self.translated_to()):
                    index = LANGUAGES.index(code)
                    audience = (
                        "серіктес мектептердің мұғалімдері ({})",
                        "учителя партнёрских школ ({})",
                        "teachers of partner schools ({})",
                    )[index].format(subject[index])
                    venue = ("{}, мәжіліс залы", "{}, актовый зал", "{}, assembly hall")[index].format(
                        plan.names[index]
                    )
                    pages.append(
                        self.place_item(
                            EventPage,
                            plan,
                            code,
                            EventIndexPage,
                            title=f"{EVENT_KINDS[kind][index]}: {topic[index]}",
                            slug=slug,
                            translation_key=key,
                            published_at=published,
                            kind=kind,
                            start=start,
                            end=end,
                            venue="" if online and self.rng.random() < 0.5 else venue,
                            online_url=f"https://online.leading-schools.kz/{plan.slug}/{number}" if online else "",
                            organiser=plan.names[index],
                            audience=audience,
                            registration_url=""
                            if is_past
                            else f"https://leading-schools.kz/register/{plan.slug}/{number}",
                            is_cancelled=self.rng.random() < 0.02,
                            intro=POST_INTROS[index].format(school=plan.names[index], topic=topic[index]),
                            body=self.body(index, topic, subject, paragraphs=1),
                            materials=self.body(index, topic, subject, paragraphs=1) if is_past else [],
                        )
                    )
                self.summary["events"] += 1
                self.summary["upcoming events"] += not is_past
        self.insert_by_model(pages)
        self.summary["event translations"] += len(pages) - sum(count for _plan, count in work)

    def create_resources(self, work):
        pages, authors = [], []
        kinds, subjects, directions = list(RESOURCE_KINDS), list(SUBJECTS), list(Direction)
        licences = list(Licence)
        for plan, count in work:
            for number in range(1, count + 1):
                kind = self.rng.choices(kinds, weights=RESOURCE_KIND_WEIGHTS)[0]
                subject_code = self.rng.choice(subjects)
                subject, topic = SUBJECTS[subject_code], self.rng.choice(TOPICS)
                if subject_code == Subject.PRIMARY:
                    grade_from = self.rng.randrange(0, 5)
                    grade_to = min(4, grade_from + self.rng.choice((0, 0, 1)))
                else:
                    grade_from = self.rng.randrange(5, 12)
                    grade_to = min(11, grade_from + self.rng.choice((0, 0, 1, 2)))
                grades = grades_label(grade_from, grade_to)
                published = self.past(3 * 365)
                key = self.uuid()
                slug = f"{ascii_slug(RESOURCE_KINDS[kind][0] + ' ' + topic[0], 50)}-{number}"
                direction = self.rng.choice(directions) if self.rng.random() < 0.85 else ""
                group = self.rng.randrange(3)
                language = self.rng.choices(("kk", "ru", "en"), weights=(55, 35, 10))[0]
                licence = self.rng.choices(licences, weights=(60, 20, 15, 5))[0]
                downloads = int(self.rng.expovariate(1 / 40))
                resource_authors = self.rng.sample(plan.teachers, k=self.rng.choice((1, 1, 2, 3)))
                for code in ("kk", *self.translated_to()):
                    index = LANGUAGES.index(code)
                    when = published if code == "kk" else min(self.now, published + datetime.timedelta(days=5))
                    page = self.place_item(
                        ResourcePage,
                        plan,
                        code,
                        ResourcePortalPage,
                        title=f"{RESOURCE_KINDS[kind][index]}: {topic[index]} ({subject[index]}, {grades[index]})",
                        slug=slug,
                        translation_key=key,
                        published_at=when,
                        kind=kind,
                        direction=direction,
                        creative_group=plan.group_names[group][index],
                        subject=subject_code,
                        grade_from=grade_from,
                        grade_to=grade_to,
                        language=language,
                        licence=licence,
                        intro=POST_INTROS[index].format(school=plan.names[index], topic=topic[index]),
                        body=self.body(index, topic, subject, paragraphs=1),
                        download_count=downloads,
                    )
                    pages.append(page)
                    authors.append((page, resource_authors))
                self.summary["resources"] += 1
        self.insert_by_model(pages)
        Authors = ResourcePage.authors.through
        Authors.objects.using(self.using).bulk_create(
            [Authors(resourcepage_id=page.pk, teacher_id=t) for page, ts in authors for t in ts], batch_size=2000
        )
        self.summary["resource translations"] += len(pages) - sum(count for _plan, count in work)

    def insert_by_model(self, pages):
        self.writer.insert(pages)


def load_national(
    stdout=None,
    *,
    schools=750,
    partners_per_school=10,
    posts=100_000,
    events=50_000,
    resources=100_000,
    ru_share=0.3,
    en_share=0.15,
    seed=2026,
):
    """Generate the national network in one transaction; returns a Counter of what was created.

    Raises AlreadyLoaded (and changes nothing) when the national schools are already there. `stdout`, if given,
    receives progress lines (a management command's self.stdout or any file-like object).
    """
    loader = NationalLoader(
        schools=schools,
        partners_per_school=partners_per_school,
        posts=posts,
        events=events,
        resources=resources,
        ru_share=ru_share,
        en_share=en_share,
        seed=seed,
        stdout=stdout,
    )
    with transaction.atomic(using=loader.using):
        summary = loader.run()
    if connections[loader.using].vendor == "postgresql":
        # The planner's statistics of tables that grew a hundredfold: without them it expects a hundred kk pages
        # where there are 250,000 and picks plans that read everything. Autovacuum would get there in its own
        # time, and is off on some machines (this development machine's PostgreSQL among them).
        with connections[loader.using].cursor() as cursor:
            cursor.execute("ANALYZE")
    seconds = time.monotonic() - loader.started
    summary["seconds"] = round(seconds, 1)
    loader.say(
        f"National network loaded in {seconds:.0f} s: {schools} Leading Schools, {summary['posts']} posts, "
        f"{summary['events']} events, {summary['resources']} resources in Kazakh; translations: "
        f"{summary['post translations']} posts, {summary['event translations']} events, "
        f"{summary['resource translations']} resources (ru and en). Search index not built: run "
        "`manage.py rebuild_search_index` for the public search."
    )
    return summary


def check_tree(using="default"):
    """The tree's consistency in a few set-based queries (treebeard's find_problems makes two queries per page,
    which at 400,000 pages takes many minutes). Returns {problem: [page ids]} with only the problems found."""
    problems = {}
    with connections[using].cursor() as cursor:
        checks = {
            "wrong depth": "SELECT id FROM wagtailcore_page WHERE depth * %s != LENGTH(path)",
            "orphans": (
                "SELECT c.id FROM wagtailcore_page c LEFT JOIN wagtailcore_page p "
                "ON p.path = SUBSTR(c.path, 1, LENGTH(c.path) - %s) WHERE c.depth > 1 AND p.id IS NULL"
            ),
            "wrong numchild": (
                "SELECT p.id FROM wagtailcore_page p LEFT JOIN (SELECT SUBSTR(path, 1, LENGTH(path) - %s) AS parent, "
                "COUNT(*) AS n FROM wagtailcore_page WHERE depth > 1 GROUP BY SUBSTR(path, 1, LENGTH(path) - %s)) c "
                "ON c.parent = p.path WHERE p.numchild != COALESCE(c.n, 0)"
            ),
            "wrong url_path": (
                "SELECT c.id FROM wagtailcore_page c JOIN wagtailcore_page p "
                "ON p.path = SUBSTR(c.path, 1, LENGTH(c.path) - %s) WHERE c.url_path != p.url_path || c.slug || '/'"
            ),
            "duplicate sibling slugs": (
                "SELECT MIN(id) FROM wagtailcore_page GROUP BY SUBSTR(path, 1, LENGTH(path) - %s), slug "
                "HAVING COUNT(*) > 1"
            ),
        }
        for name, sql in checks.items():
            cursor.execute(sql, [Page.steplen] * sql.count("%s"))
            ids = [row[0] for row in cursor.fetchall()]
            if ids:
                problems[name] = ids
    return problems
