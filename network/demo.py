"""A believable demo network: every region with its Coordination Centre, Leading Schools with partner
schools and creative groups, and each school's posts, events and resources — in Kazakh, most of them
translated into Russian and English. Images and documents are generated here; nothing is downloaded.
"""

import datetime
import io
import random

from anyascii import anyascii
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PillowImage, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from home.demo import ensure_locales, publish, search_index_deferred, translate_page
from network.models import (
    BlogCategory, BlogIndexPage, BlogPostPage, CoordinationCentreTrainer, CreativeGroup, EventIndexPage, EventPage,
    LeadingSchoolPage, NetworkEventsPage, NetworkNewsPage, PartnerSchool, RegionPage, ResourceLibraryPage,
    ResourcePage, ResourcePortalPage, SchoolDirection, Teacher,
)
from network.provisioning import provision_school
from network.vocabulary import Direction, LeaderRole, RegionKind

LANGUAGES = ("kk", "ru", "en")

# slug, kind, (kk, ru, en) name, (kk, ru, en) administrative centre
REGIONS = [
    ("abai", "region", ("Абай облысы", "Абайская область", "Abai Region"), ("Семей", "Семей", "Semey")),
    ("akmola", "region", ("Ақмола облысы", "Акмолинская область", "Akmola Region"), ("Көкшетау", "Кокшетау", "Kokshetau")),
    ("aktobe", "region", ("Ақтөбе облысы", "Актюбинская область", "Aktobe Region"), ("Ақтөбе", "Актобе", "Aktobe")),
    ("almaty-region", "region", ("Алматы облысы", "Алматинская область", "Almaty Region"), ("Қонаев", "Конаев", "Konaev")),
    ("atyrau", "region", ("Атырау облысы", "Атырауская область", "Atyrau Region"), ("Атырау", "Атырау", "Atyrau")),
    ("east-kazakhstan", "region", ("Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"), ("Өскемен", "Усть-Каменогорск", "Oskemen")),
    ("jambyl", "region", ("Жамбыл облысы", "Жамбылская область", "Jambyl Region"), ("Тараз", "Тараз", "Taraz")),
    ("jetisu", "region", ("Жетісу облысы", "Область Жетісу", "Jetisu Region"), ("Талдықорған", "Талдыкорган", "Taldykorgan")),
    ("west-kazakhstan", "region", ("Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"), ("Орал", "Уральск", "Oral")),
    ("karaganda", "region", ("Қарағанды облысы", "Карагандинская область", "Karaganda Region"), ("Қарағанды", "Караганда", "Karaganda")),
    ("kostanay", "region", ("Қостанай облысы", "Костанайская область", "Kostanay Region"), ("Қостанай", "Костанай", "Kostanay")),
    ("kyzylorda", "region", ("Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"), ("Қызылорда", "Кызылорда", "Kyzylorda")),
    ("mangystau", "region", ("Маңғыстау облысы", "Мангистауская область", "Mangystau Region"), ("Ақтау", "Актау", "Aktau")),
    ("pavlodar", "region", ("Павлодар облысы", "Павлодарская область", "Pavlodar Region"), ("Павлодар", "Павлодар", "Pavlodar")),
    ("north-kazakhstan", "region", ("Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"), ("Петропавл", "Петропавловск", "Petropavl")),
    ("turkistan", "region", ("Түркістан облысы", "Туркестанская область", "Turkistan Region"), ("Түркістан", "Туркестан", "Turkistan")),
    ("ulytau", "region", ("Ұлытау облысы", "Область Ұлытау", "Ulytau Region"), ("Жезқазған", "Жезказган", "Jezkazgan")),
    ("astana", "city", ("Астана қаласы", "Город Астана", "Astana"), ("Астана", "Астана", "Astana")),
    ("almaty", "city", ("Алматы қаласы", "Город Алматы", "Almaty"), ("Алматы", "Алматы", "Almaty")),
    ("shymkent", "city", ("Шымкент қаласы", "Город Шымкент", "Shymkent"), ("Шымкент", "Шымкент", "Shymkent")),
]

SCHOOL_TYPES = {
    "lyceum": ("мектеп-лицейі", "Школа-лицей", "School-Lyceum"),
    "gymnasium": ("мектеп-гимназиясы", "Школа-гимназия", "School-Gymnasium"),
    "school": ("жалпы білім беретін мектебі", "Общеобразовательная школа", "Secondary School"),
}

# region slug, school number, type — the demo's Leading Schools
LEADING_SCHOOLS = [
    ("astana", 54, "lyceum"), ("almaty", 159, "gymnasium"), ("shymkent", 8, "school"), ("karaganda", 12, "gymnasium"),
    ("pavlodar", 3, "lyceum"), ("turkistan", 2, "school"), ("east-kazakhstan", 38, "gymnasium"), ("abai", 7, "lyceum"),
    ("ulytau", 5, "school"), ("mangystau", 11, "gymnasium"),
    # Every region shows at least one Leading School.
    ("akmola", 1, "gymnasium"), ("aktobe", 21, "lyceum"), ("almaty-region", 4, "school"), ("atyrau", 17, "gymnasium"),
    ("jambyl", 9, "lyceum"), ("jetisu", 6, "school"), ("west-kazakhstan", 33, "gymnasium"), ("kostanay", 14, "lyceum"),
    ("kyzylorda", 27, "school"), ("north-kazakhstan", 10, "gymnasium"),
]

TEACHERS = [
    "Айгүл Серікқызы", "Ержан Омаров", "Гүлнар Ахметова", "Мадина Жұмабаева", "Асхат Нұрланов",
    "Светлана Ким", "Ольга Петренко", "Дәурен Қасымов", "Жанар Бекова", "Нұрлан Төлеуов",
]

POSITIONS = (
    ("педагог-зерттеуші", "педагог-исследователь", "teacher-researcher"),
    ("педагог-шебер", "педагог-мастер", "teacher-master"),
    ("директордың оқу ісі жөніндегі орынбасары", "заместитель директора по учебной работе",
     "deputy head for teaching"),
    ("педагог-сарапшы", "педагог-эксперт", "teacher-expert"),
)

POST_TOPICS = [
    ("Lesson Study: бір сабақты бірге зерттедік", "Lesson Study: исследовали урок вместе", "Lesson Study: we studied one lesson together"),
    ("Критериалды бағалау бойынша семинар өтті", "Прошёл семинар по критериальному оцениванию", "A seminar on criteria-based assessment"),
    ("Серіктес мектептерге әдістемелік десант", "Методический десант в партнёрские школы", "A methodological landing visit to partner schools"),
    ("Тәлімгерлік: жас мұғалімдермен жұмыс", "Наставничество: работа с молодыми учителями", "Mentoring: working with young teachers"),
    ("Дарынды балалармен жұмыс тәжірибесі", "Опыт работы с одарёнными детьми", "Our experience with gifted children"),
    ("Тамыз кеңесінде тәжірибе таныстырдық", "Представили опыт на августовском совещании", "We presented our experience at the August conference"),
    ("Іс-әрекеттегі зерттеу: алғашқы нәтижелер", "Исследование действий: первые результаты", "Action research: the first results"),
    ("«Сәуір кездесулері» қалалық форумы", "Городской форум «Апрельские встречи»", "The “April meetings” city forum"),
]

# One excerpt per topic (kk, ru, en), so that a listing's cards do not repeat one sentence.
POST_EXCERPTS = [
    ("Үш мұғалім бір сабақты бірге жоспарлап, үш оқушының оқуын бақылады.",
     "Три учителя вместе спланировали урок и наблюдали за обучением трёх учеников.",
     "Three teachers planned one lesson together and followed the learning of three pupils."),
    ("Серіктес мектептердің қырық мұғалімі дескрипторлар құруды үйренді.",
     "Сорок учителей партнёрских школ учились составлять дескрипторы.",
     "Forty teachers from the partner schools practised writing descriptors."),
    ("Әдістемелік топ екі ауылдық мектепте ашық сабақтар өткізді.",
     "Методическая группа провела открытые уроки в двух сельских школах.",
     "The methods group taught open lessons in two village schools."),
    ("Әр жас мұғалімге тәжірибелі тәлімгер бекітіліп, ай сайын кездесу өтеді.",
     "Каждому молодому учителю назначен опытный наставник; встречи проходят ежемесячно.",
     "Every young teacher now has an experienced mentor, and they meet every month."),
    ("Олимпиадаға дайындық үйірмесі серіктес мектептердің оқушыларына да ашылды.",
     "Кружок подготовки к олимпиадам открыт и для учеников партнёрских школ.",
     "The olympiad club is now open to pupils of the partner schools too."),
    ("Тамыз кеңесінде мектеп командасы жиынтық бағалау тәжірибесін таныстырды.",
     "На августовском совещании команда школы представила опыт суммативного оценивания.",
     "At the August conference the school's team presented its summative assessment practice."),
    ("Зерттеу тобы бір тоқсан бойы оқушылардың кері байланысын жинады.",
     "Исследовательская группа целую четверть собирала обратную связь учеников.",
     "The research group collected pupils' feedback for a whole term."),
    ("Форумда қаланың жиырма мектебінің мұғалімдері тәжірибе алмасты.",
     "На форуме учителя двадцати школ города обменялись опытом.",
     "Teachers from twenty of the city's schools shared their practice at the forum."),
]

POST_BODY = (
    "{school} мұғалімдері серіктес мектептердің әріптестерімен бірге сабақты жоспарлап, бақылап, талдады. "
    "Оқушылардың оқуы туралы дәлелдер жинап, келесі қадамдарды келісті.",
    "Учителя школы «{school}» вместе с коллегами из партнёрских школ спланировали, пронаблюдали и "
    "проанализировали урок. Собрали свидетельства обучения учеников и договорились о следующих шагах.",
    "Teachers of {school} planned, observed and analysed a lesson together with colleagues from the partner "
    "schools. They gathered evidence of the pupils' learning and agreed on the next steps.",
)

EVENTS = [
    ("seminar", ("Критериалды бағалау: тапсырмалар мен дескрипторлар", "Критериальное оценивание: задания и дескрипторы", "Criteria-based assessment: tasks and descriptors")),
    ("lesson_study", ("Lesson Study: математика сабағын бірлесіп жоспарлау", "Lesson Study: совместное планирование урока математики", "Lesson Study: planning a mathematics lesson together")),
    ("master_class", ("Қысқа мерзімді жоспар құру шеберлік сыныбы", "Мастер-класс по составлению краткосрочного плана", "Master class: writing a short-term lesson plan")),
    ("consultation", ("Серіктес мектептерге кеңес беру сессиясы", "Консультативная сессия для партнёрских школ", "Consultation session for partner schools")),
    ("action_research", ("Іс-әрекеттегі зерттеу: жобаларды қорғау", "Исследование действий: защита проектов", "Action research: project presentations")),
    ("forum", ("«Рефлексия тәжірибеде» көшбасшылар форумы", "Форум лидеров «Рефлексия в практике»", "“Reflection in practice” leaders' forum")),
    ("august_conference", ("Тамыз кеңесі: жаңартылған білім мазмұны", "Августовское совещание: обновлённое содержание образования", "August conference: the updated content of education")),
]

RESOURCES = [
    ("lesson_plan", "mathematics", 5, 6, "updated_content", ("Бөлшектерді қосу: қысқа мерзімді жоспар", "Сложение дробей: краткосрочный план", "Adding fractions: a short-term lesson plan")),
    ("recommendation", "general", 1, 11, "criteria_assessment", ("Критериалды бағалау бойынша әдістемелік ұсыныстар", "Методические рекомендации по критериальному оцениванию", "Methodological recommendations on criteria-based assessment")),
    ("video_lesson", "kazakh", 7, 9, "updated_content", ("Бейнесабақ: Абай өлеңдерін талдау", "Видеоурок: анализ стихотворений Абая", "Video lesson: reading Abai's poems")),
    ("presentation", "physics", 9, 10, "lesson_study", ("Ньютон заңдары: презентация", "Законы Ньютона: презентация", "Newton's laws: a presentation")),
    ("assessment", "biology", 8, 8, "criteria_assessment", ("Жасуша құрылысы: жиынтық бағалау тапсырмалары", "Строение клетки: задания суммативного оценивания", "Cell structure: summative assessment tasks")),
    ("research_report", "primary", 1, 4, "action_research", ("Бастауыш сыныптағы оқу сауаттылығы: зерттеу есебі", "Читательская грамотность в начальной школе: отчёт об исследовании", "Reading literacy in primary school: a research report")),
]

CREATIVE_GROUPS = [
    ("primary", "updated_content", ("Бастауыш мектеп", "Начальная школа", "Primary school"), ("Оқу сауаттылығын дамыту", "Развитие читательской грамотности", "Developing reading literacy")),
    ("subject", "lesson_study", ("Жаратылыстану пәндері", "Естественные науки", "Natural sciences"), ("Зерттеушілік дағдылар", "Исследовательские навыки", "Inquiry skills")),
    ("problem", "criteria_assessment", ("Бағалау мәселелері", "Проблемы оценивания", "Assessment problems"), ("Кері байланыс", "Обратная связь", "Feedback")),
    ("research", "action_research", ("Зерттеу тобы", "Исследовательская группа", "Research group"), ("Іс-әрекеттегі зерттеу", "Исследование действий", "Action research")),
]

NETWORK_PAGES = [
    (NetworkNewsPage, "news", ("Жаңалықтар", "Новости", "News"),
     ("Желінің барлық Жетекші мектептерінің блогтарынан жаңалықтар.", "Новости из блогов всех Ведущих школ сети.", "News from the blogs of every Leading School in the network.")),
    (NetworkEventsPage, "events", ("Іс-шаралар", "Мероприятия", "Events"),
     ("Желінің семинарлары, шеберлік сыныптары, Lesson Study және конференциялары.", "Семинары, мастер-классы, Lesson Study и конференции сети.", "Seminars, master classes, Lesson Study and conferences across the network.")),
    (ResourceLibraryPage, "resources", ("Ресурс кітапханасы", "Библиотека ресурсов", "Resource library"),
     ("Мұғалімдер әзірлеген сабақ жоспарлары, ұсыныстар, бейнесабақтар мен бағалау материалдары.", "Планы уроков, рекомендации, видеоуроки и материалы оценивания, созданные учителями.", "Lesson plans, recommendations, video lessons and assessment materials made by teachers.")),
]

CATEGORIES = [
    ("network-events", "Желілік іс-шаралар", "Сетевые мероприятия", "Network events"),
    ("practice", "Тәжірибе", "Практика", "Practice"),
    ("mentoring", "Тәлімгерлік", "Наставничество", "Mentoring"),
]

PALETTE = [(0, 103, 127), (181, 129, 0), (64, 112, 64), (120, 60, 120), (160, 70, 40), (40, 80, 150)]


def school_names(number, kind, locality):
    kk_type, ru_type, en_type = SCHOOL_TYPES[kind]
    return (
        f"{locality[0]} қаласының № {number} {kk_type}",
        f"{ru_type} № {number}, {locality[1]}",
        f"{en_type} No. {number}, {locality[2]}",
    )


def make_image(title, collection, seed):
    """A generated landscape picture (no downloads), stored as a Wagtail image."""
    rng = random.Random(seed)
    colour = PALETTE[seed % len(PALETTE)]
    picture = PillowImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, 675, 15):
        shade = tuple(min(255, c + step // 6) for c in colour)
        draw.rectangle([0, step, 1200, step + 15], fill=shade)
    # One of four motifs, chosen by the seed beside the colour, so that neighbouring cards look different.
    motif = (seed // len(PALETTE)) % 4
    for _ in range(14):
        x, y, r = rng.randint(0, 1200), rng.randint(0, 675), rng.randint(30, 140)
        if motif == 0:
            draw.ellipse([x - r, y - r, x + r, y + r], outline=(255, 255, 255), width=4)
        elif motif == 1:
            draw.rectangle([x - r, y - r // 2, x + r, y + r // 2], fill=tuple(max(0, c - 40) for c in colour))
        elif motif == 2:
            draw.polygon([(x, y - r), (x + r, y + r), (x - r, y + r)], outline=(255, 255, 255), width=5)
        else:
            draw.line([(x - r * 2, y + r), (x + r * 2, y - r)], fill=(255, 255, 255), width=10)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    image = get_image_model()(title=title, collection=collection)
    image.file = ImageFile(buffer, name=f"demo-{seed}.jpg")
    image.save()
    return image


def make_document(title, collection, seed):
    """A one-page PDF (Pillow writes PDF), stored as a Wagtail document."""
    page = PillowImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((100, 120), anyascii(title), fill="black")
    draw.text((100, 180), "Leading Schools network - demo material", fill=(80, 80, 80))
    buffer = io.BytesIO()
    page.save(buffer, "PDF")
    document = get_document_model()(title=title, collection=collection)
    document.file = SimpleUploadedFile(f"resource-{seed}.pdf", buffer.getvalue(), content_type="application/pdf")
    document.save()
    return document


def rich(paragraph):
    return [("paragraph", RichText(f"<p>{paragraph}</p>"))]


class DemoNetwork:
    def __init__(self, stdout=None, schools=None):
        self.stdout = stdout
        self.school_count = len(LEADING_SCHOOLS) if schools is None else schools
        self.locales = ensure_locales()
        self.rng = random.Random(2026)
        self.now = timezone.now()

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def load(self, homes):
        kk_home = homes["kk"]
        if RegionPage.objects.child_of(kk_home).exists():
            self.say("Demo network already loaded.")
            return False
        self.categories = self.load_categories()
        self.load_network_pages(kk_home)
        schools = LEADING_SCHOOLS[: self.school_count]
        # A partial demo (tests) only needs the regions of its schools.
        wanted = None if self.school_count == len(LEADING_SCHOOLS) else {slug for slug, _n, _k in schools}
        regions = self.load_regions(kk_home, wanted)
        for index, (region_slug, number, kind) in enumerate(schools):
            self.load_school(regions[region_slug], index, number, kind)
        self.say(f"Demo network: {len(regions)} regions, {self.school_count} Leading Schools.")
        return True

    def load_categories(self):
        categories = []
        for slug, kk, ru, en in CATEGORIES:
            category, _created = BlogCategory.objects.get_or_create(
                slug=slug, defaults={"name_kk": kk, "name_ru": ru, "name_en": en}
            )
            categories.append(category)
        return categories

    def translate(self, page, texts, **extra):
        """ru and en translations of a kk page; `texts` maps field name to its (kk, ru, en) values."""
        for position, code in ((1, "ru"), (2, "en")):
            fields = {name: values[position] for name, values in texts.items()}
            fields.update({name: value[position] for name, value in extra.items()})
            translate_page(page, self.locales[code], fields)

    def load_network_pages(self, kk_home):
        for model, slug, titles, intros in NETWORK_PAGES:
            page = model(title=titles[0], slug=slug, intro=intros[0], show_in_menus=True, locale=self.locales["kk"])
            kk_home.add_child(instance=page)
            publish(page)
            self.translate(page, {"title": titles, "intro": intros})

    def load_regions(self, kk_home, wanted=None):
        regions = {}
        for order, (slug, kind, names, centres) in enumerate(REGIONS):
            if wanted is not None and slug not in wanted:
                continue
            region = RegionPage(
                title=names[0], slug=slug, kind=kind, centre=centres[0], locale=self.locales["kk"],
                coordination_centre_name=f"ПШО {centres[0]} филиалының Координациялық орталығы",
                coordination_centre_address=f"{centres[0]}, Тәуелсіздік көшесі, {10 + order}",
                coordination_centre_phone=f"+7 7{order % 10}2 55 {10 + order:02d} {20 + order:02d}",
                coordination_centre_email=f"{slug}@cpm.edu.kz",
                intro=f"<p>{names[0]} Жетекші мектептері серіктес мектептермен бірлесіп желілік қоғамдастық құрады.</p>",
            )
            region.trainers = [
                CoordinationCentreTrainer(name=TEACHERS[(order + i) % len(TEACHERS)], position="тренер, желі жетекшісі",
                                          email=f"trainer{i + 1}.{slug}@cpm.edu.kz")
                for i in range(2)
            ]
            kk_home.add_child(instance=region)
            publish(region)
            kind_ru = "Координационный центр филиала ЦПМ" if kind == RegionKind.REGION else "Координационный центр ЦПМ"
            self.translate(
                region,
                {"title": names, "centre": centres},
                coordination_centre_name=(region.coordination_centre_name, f"{kind_ru}, {centres[1]}",
                                          f"CPE Coordination Centre, {centres[2]}"),
                intro=(None, f"<p>Ведущие школы региона «{names[1]}» вместе с партнёрскими школами строят "
                             "сетевое сообщество.</p>",
                       f"<p>The Leading Schools of {names[2]} build a network community with their partner schools.</p>"),
            )
            for translated in RegionPage.objects.filter(translation_key=region.translation_key).exclude(pk=region.pk):
                position = LANGUAGES.index(translated.locale.language_code)
                translated.trainers.update(position=("", "тренер, сетевой лидер", "trainer, network leader")[position])
                publish(RegionPage.objects.get(pk=translated.pk))
            regions[slug] = (region, names, centres)
        return regions

    def load_school(self, region_entry, index, number, kind):
        region, region_names, locality = region_entry
        titles = school_names(number, kind, locality)
        # One school is a little over the regulation's ratio, to show the warning.
        partner_total = 11 if index == 1 else 10
        school = LeadingSchoolPage(
            title=titles[0], slug=f"school-{number}", locale=self.locales["kk"], locality=locality[0],
            address=f"{locality[0]}, Абай даңғылы, {number}", phone=f"+7 7{index}2 40 {number:02d} 11",
            email=f"school{number}@{region.slug}.edu.kz",
            intro=f"{titles[0]} — {region_names[0]} жетекші мектебі: он серіктес мектеппен бірлесіп жұмыс істейді.",
            leader_name=TEACHERS[index % len(TEACHERS)], leader_role=LeaderRole.DEPUTY if index % 2 else LeaderRole.DIRECTOR,
            leader_email=f"leader{number}@{region.slug}.edu.kz",
            body=rich(POST_BODY[0].format(school=titles[0])),
        )
        school.directions = [
            SchoolDirection(direction=direction) for direction in
            (Direction.UPDATED_CONTENT, Direction.LESSON_STUDY, Direction.CRITERIA_ASSESSMENT, Direction.MENTORING)
        ]
        school.creative_groups = [
            CreativeGroup(name=names[0], kind=group_kind, direction=direction, focus_topic=focus[0],
                          leader=TEACHERS[(index + i) % len(TEACHERS)],
                          members="\n".join(TEACHERS[(index + i + k) % len(TEACHERS)] for k in range(1, 5)))
            for i, (group_kind, direction, names, focus) in enumerate(CREATIVE_GROUPS)
        ]
        school.partner_schools = [
            PartnerSchool(
                name=f"№ {number * 3 + p} мектеп", locality=locality[0] if p % 3 else f"{locality[0]} ауданы",
                hub_school=f"№ {number * 3 + (p // 4) * 4} тірек мектебі",
                contact_person=TEACHERS[(index + p) % len(TEACHERS)], email=f"partner{p}.{number}@edu.kz",
            )
            for p in range(partner_total)
        ]
        region.add_child(instance=school)
        collection = provision_school(school).collection
        # provision_school added the sections: reload so the tree fields we save are current.
        school.refresh_from_db()
        school.image = make_image(titles[0], collection, seed=index * 100)
        school.save()
        publish(school)
        self.translate(
            school,
            {"title": titles, "locality": locality},
            intro=(None, f"{titles[1]} — Ведущая школа, работающая вместе с десятью партнёрскими школами.",
                   f"{titles[2]} is a Leading School working together with ten partner schools."),
            body=(None, rich(POST_BODY[1].format(school=titles[1])), rich(POST_BODY[2].format(school=titles[2]))),
        )
        for translated in LeadingSchoolPage.objects.filter(translation_key=school.translation_key).exclude(pk=school.pk):
            self.translate_school_details(translated, number, locality)
            provision_school(translated)

        teachers = [
            Teacher.objects.create(full_name=TEACHERS[(index + t) % len(TEACHERS)],
                                   position=POSITIONS[t % len(POSITIONS)][0],
                                   position_ru=POSITIONS[t % len(POSITIONS)][1],
                                   position_en=POSITIONS[t % len(POSITIONS)][2], school=school)
            for t in range(3)
        ]
        sections = {type(child.specific): child.specific for child in school.get_children()}
        self.load_posts(sections[BlogIndexPage], titles, teachers, collection, index)
        self.load_events(sections[EventIndexPage], titles, locality, index)
        self.load_resources(sections[ResourcePortalPage], teachers, collection, index)
        self.say(f"  {titles[0]}")

    def translate_school_details(self, school, number, locality):
        """The creative groups and partner schools copied with the page, in the page's language."""
        position = LANGUAGES.index(school.locale.language_code)
        for group, (_kind, _direction, names, focus) in zip(school.creative_groups.all(), CREATIVE_GROUPS):
            group.name, group.focus_topic = names[position], focus[position]
            group.save(update_fields=["name", "focus_topic"])
        partner_name = ("№ {} мектеп", "Школа № {}", "School No. {}")[position]
        hub_name = ("№ {} тірек мектебі", "Опорная школа № {}", "Hub school No. {}")[position]
        for p, partner in enumerate(school.partner_schools.all()):
            partner.name = partner_name.format(number * 3 + p)
            partner.hub_school = hub_name.format(number * 3 + (p // 4) * 4)
            partner.locality = locality[position]
            partner.save(update_fields=["name", "hub_school", "locality"])
        # A new revision, so that the editor sees what visitors see.
        publish(LeadingSchoolPage.objects.get(pk=school.pk))

    def load_posts(self, blog, school_titles, teachers, collection, index):
        for n in range(5):
            topic = POST_TOPICS[(index + n) % len(POST_TOPICS)]
            excerpt = POST_EXCERPTS[(index + n) % len(POST_EXCERPTS)]
            post = BlogPostPage(
                title=topic[0], slug=f"post-{n + 1}", locale=self.locales["kk"],
                date=(self.now - datetime.timedelta(days=3 + n * 9 + index)).date(),
                intro=excerpt[0],
                body=rich(POST_BODY[0].format(school=school_titles[0])) + [
                    ("quote", {"text": "Сабақты бірге зерттеу – мұғалімнің кәсіби өсуінің ең сенімді жолы.",
                               "attribution": teachers[0].full_name}),
                ],
                image=make_image(topic[0], collection, seed=index * 100 + n + 1) if n < 3 else None,
            )
            blog.add_child(instance=post)
            post.authors.set(teachers[: 1 + n % 2])
            post.categories.set([self.categories[n % len(self.categories)]])
            post.tags.add("Lesson Study" if n % 2 else "бағалау")
            post.save()
            publish(post)
            # Most posts are translated; the last is left in Kazakh only, as happens in real life.
            if n < 4:
                translate_page(post, self.locales["ru"], {
                    "title": topic[1], "intro": excerpt[1],
                    "body": rich(POST_BODY[1].format(school=school_titles[1]))})
            if n < 3:
                translate_page(post, self.locales["en"], {
                    "title": topic[2], "intro": excerpt[2],
                    "body": rich(POST_BODY[2].format(school=school_titles[2]))})

    def load_events(self, events_index, school_titles, locality, index):
        for n in range(4):
            kind, titles = EVENTS[(index + n) % len(EVENTS)]
            day_offset = [-40, -12, 9, 30][n] + index
            start = timezone.localtime(self.now + datetime.timedelta(days=day_offset)).replace(
                hour=10, minute=0, second=0, microsecond=0)
            online = n == 3
            event = EventPage(
                title=titles[0], slug=f"event-{n + 1}", locale=self.locales["kk"], kind=kind, start=start,
                end=start + datetime.timedelta(hours=3), venue="" if online else f"{school_titles[0]}, акт залы",
                online_url="https://meet.example.kz/leading-schools" if online else "",
                organiser=school_titles[0], audience="Серіктес мектептердің мұғалімдері",
                registration_url="https://forms.example.kz/register" if day_offset > 0 else "",
                intro=f"{titles[0]}: серіктес мектептердің мұғалімдеріне арналған желілік іс-шара.",
                body=rich("Іс-шара бағдарламасы: кіріспе, тәжірибе алмасу, рефлексия."),
            )
            events_index.add_child(instance=event)
            publish(event)
            self.translate(
                event, {"title": titles},
                venue=("", "" if online else f"{school_titles[1]}, актовый зал", "" if online else f"{school_titles[2]}, assembly hall"),
                organiser=("", school_titles[1], school_titles[2]),
                audience=("", "Учителя партнёрских школ", "Teachers of the partner schools"),
                intro=("", f"{titles[1]}: сетевое мероприятие для учителей партнёрских школ.",
                       f"{titles[2]}: a network event for teachers of the partner schools."),
                body=("", rich("Программа: вступление, обмен опытом, рефлексия."),
                      rich("Programme: introduction, sharing practice, reflection.")),
            )

    def load_resources(self, portal, teachers, collection, index):
        for n in range(5):
            kind, subject, grade_from, grade_to, direction, titles = RESOURCES[(index + n) % len(RESOURCES)]
            language = ("kk", "ru", "kk", "en", "kk")[n]
            resource = ResourcePage(
                title=titles[0], slug=f"resource-{n + 1}", locale=self.locales["kk"], kind=kind, subject=subject,
                grade_from=grade_from, grade_to=grade_to, direction=direction, language=language,
                creative_group=CREATIVE_GROUPS[n % len(CREATIVE_GROUPS)][2][0],
                intro=f"{titles[0]} — мұғалімдерге арналған дайын материал.",
                document=make_document(titles[0], collection, seed=index * 100 + n),
            )
            portal.add_child(instance=resource)
            resource.authors.set(teachers[n % len(teachers): n % len(teachers) + 1])
            resource.save()
            publish(resource)
            if n < 4:
                self.translate(
                    resource, {"title": titles},
                    intro=("", f"{titles[1]} — готовый материал для учителей.", f"{titles[2]}: ready-to-use material for teachers."),
                )


def load_network(homes, stdout=None, schools=None):
    with search_index_deferred():
        return DemoNetwork(stdout=stdout, schools=schools).load(homes)
