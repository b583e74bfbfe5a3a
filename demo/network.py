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
from django.utils.text import slugify
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from attendance.services import open_desk
from demo.home import search_index_deferred
from demo.skeleton import NETWORK_PAGES, REGIONS
from network.factories import (
    BlogPostPageFactory,
    EventPageFactory,
    LeadingSchoolPageFactory,
    NetworkEventsPageFactory,
    NetworkNewsPageFactory,
    RegionPageFactory,
    ResourceLibraryPageFactory,
    ResourcePageFactory,
    TeacherFactory,
    ensure_locales,
    publish_without_log,
    translate_page,
)
from network.models import (
    BlogCategory,
    BlogIndexPage,
    BlogTag,
    CoordinationCentreTrainer,
    CreativeGroup,
    EventIndexPage,
    LeadingSchoolPage,
    NetworkEventsPage,
    NetworkNewsPage,
    PartnerSchool,
    RegionPage,
    ResourceLibraryPage,
    ResourcePortalPage,
    SchoolDirection,
)
from network.names import latin_form, person_name
from network.provisioning import provision_school
from network.vocabulary import Direction, LeaderRole, RegionKind

LANGUAGES = ("kk", "ru", "en")


SCHOOL_TYPES = {
    "lyceum": ("мектеп-лицейі", "Школа-лицей", "School-Lyceum"),
    "gymnasium": ("мектеп-гимназиясы", "Школа-гимназия", "School-Gymnasium"),
    "school": ("жалпы білім беретін мектебі", "Общеобразовательная школа", "Secondary School"),
}

# region slug, school number, type — the demo's Leading Schools
LEADING_SCHOOLS = [
    ("astana", 54, "lyceum"),
    ("almaty", 159, "gymnasium"),
    ("shymkent", 8, "school"),
    ("karaganda", 12, "gymnasium"),
    ("pavlodar", 3, "lyceum"),
    ("turkistan", 2, "school"),
    ("east-kazakhstan", 38, "gymnasium"),
    ("abai", 7, "lyceum"),
    ("ulytau", 5, "school"),
    ("mangystau", 11, "gymnasium"),
    # Every region shows at least one Leading School.
    ("akmola", 1, "gymnasium"),
    ("aktobe", 21, "lyceum"),
    ("almaty-region", 4, "school"),
    ("atyrau", 17, "gymnasium"),
    ("jambyl", 9, "lyceum"),
    ("jetisu", 6, "school"),
    ("west-kazakhstan", 33, "gymnasium"),
    ("kostanay", 14, "lyceum"),
    ("kyzylorda", 27, "school"),
    ("north-kazakhstan", 10, "gymnasium"),
]

TEACHERS = [
    "Айгүл Серікқызы",
    "Ержан Омаров",
    "Гүлнар Ахметова",
    "Мадина Жұмабаева",
    "Асхат Нұрланов",
    "Светлана Ким",
    "Ольга Петренко",
    "Дәурен Қасымов",
    "Жанар Бекова",
    "Нұрлан Төлеуов",
]

POSITIONS = (
    ("педагог-зерттеуші", "педагог-исследователь", "teacher-researcher"),
    ("педагог-шебер", "педагог-мастер", "teacher-master"),
    ("директордың оқу ісі жөніндегі орынбасары", "заместитель директора по учебной работе", "deputy head for teaching"),
    ("педагог-сарапшы", "педагог-эксперт", "teacher-expert"),
)

# A post's tags are shared by its translations and named in three languages (network.BlogTag).
TAGS = {
    "assessment": ("бағалау", "оценивание", "assessment"),
    "lesson-study": ("Lesson Study", "Lesson Study", "Lesson Study"),
    "mentoring": ("тәлімгерлік", "наставничество", "mentoring"),
    "gifted": ("дарынды балалар", "одарённые дети", "gifted children"),
    "action-research": ("іс-әрекеттегі зерттеу", "исследование действий", "action research"),
    "partners": ("серіктес мектептер", "партнёрские школы", "partner schools"),
    "open-lesson": ("ашық сабақ", "открытый урок", "open lesson"),
    "august": ("тамыз кеңесі", "августовское совещание", "August conference"),
    "literacy": ("функционалдық сауаттылық", "функциональная грамотность", "functional literacy"),
    "multilingual": ("көптілділік", "полиязычие", "multilingualism"),
}

# Each post topic: (kk, ru, en) title, excerpt and two paragraphs of body, and its tags; a school's five posts
# are five different topics, and neighbouring schools start at different topics.
POSTS = [
    {
        "title": (
            "Lesson Study: бір сабақты бірге зерттедік",
            "Lesson Study: исследовали урок вместе",
            "Lesson Study: we studied one lesson together",
        ),
        "excerpt": (
            "Үш мұғалім бір сабақты бірге жоспарлап, үш оқушының оқуын бақылады.",
            "Три учителя вместе спланировали урок и наблюдали за обучением трёх учеников.",
            "Three teachers planned one lesson together and followed the learning of three pupils.",
        ),
        "body": (
            (
                "Lesson Study тобы 7-сыныптағы математика сабағын бірлесіп жоспарлады. Сабақ барысында үш мұғалім үш "
                "оқушыны бақылап, олардың тапсырманы қалай орындағанын жазып алды.",
                "Сабақтан кейінгі талқылауда топ бөлшектерді салыстыру тапсырмасын өзгертуге келісті. Қайта өткізілген "
                "сабақта үш оқушының үшеуі де тапсырманы өз бетімен орындады.",
            ),
            (
                "Группа Lesson Study вместе спланировала урок математики в 7 классе. Во время урока три учителя "
                "наблюдали за тремя учениками и записывали, как они выполняют задание.",
                "На обсуждении после урока группа решила изменить задание на сравнение дробей. На повторном уроке все "
                "три ученика справились с ним самостоятельно.",
            ),
            (
                "Our Lesson Study group planned a Grade 7 mathematics lesson together. During the lesson three "
                "teachers each followed one pupil and noted how they worked on the task.",
                "In the discussion afterwards the group agreed to change the task on comparing fractions. When the "
                "lesson was taught again, all three pupils completed it on their own.",
            ),
        ),
        "tags": ("lesson-study", "open-lesson"),
    },
    {
        "title": (
            "Критериалды бағалау бойынша семинар өтті",
            "Прошёл семинар по критериальному оцениванию",
            "A seminar on criteria-based assessment",
        ),
        "excerpt": (
            "Серіктес мектептердің қырық мұғалімі дескрипторлар құруды үйренді.",
            "Сорок учителей партнёрских школ учились составлять дескрипторы.",
            "Forty teachers from the partner schools practised writing descriptors.",
        ),
        "body": (
            (
                "Серіктес мектептердің қырық мұғалімі критериалды бағалау семинарына қатысты. Олар бір тақырыптың оқу "
                "мақсаттарын бағалау критерийлеріне айналдырып, дескрипторлар құрастырды.",
                "Семинар соңында әр мектеп өз тапсырмаларын таныстырып, әріптестерінен кері байланыс алды. Келесі "
                "кездесу тоқсан соңында өтеді.",
            ),
            (
                "Сорок учителей партнёрских школ приняли участие в семинаре по критериальному оцениванию. Они "
                "превращали цели обучения одной темы в критерии оценивания и составляли дескрипторы.",
                "В конце семинара каждая школа представила свои задания и получила обратную связь от коллег. "
                "Следующая встреча пройдёт в конце четверти.",
            ),
            (
                "Forty teachers from the partner schools took part in a seminar on criteria-based assessment. They "
                "turned the learning objectives of one topic into assessment criteria and wrote descriptors.",
                "At the end each school presented its tasks and received feedback from colleagues. The next meeting "
                "will take place at the end of the term.",
            ),
        ),
        "tags": ("assessment", "partners"),
    },
    {
        "title": (
            "Серіктес мектептерге әдістемелік десант",
            "Методический десант в партнёрские школы",
            "A methodological landing visit to partner schools",
        ),
        "excerpt": (
            "Әдістемелік топ екі ауылдық мектепте ашық сабақтар өткізді.",
            "Методическая группа провела открытые уроки в двух сельских школах.",
            "The methods group taught open lessons in two village schools.",
        ),
        "body": (
            (
                "Мектебіміздің әдістемелік тобы екі ауылдық серіктес мектепке барды. Мұғалімдер ашық сабақтар өткізіп, "
                "сабақты жоспарлау бойынша қысқа кеңес беру сессиясын ұйымдастырды.",
                "Ауыл мектептерінің әріптестері өз сабақтарын бейнеге түсіріп, бірлескен талдауға жіберуге келісті.",
            ),
            (
                "Методическая группа нашей школы побывала в двух сельских партнёрских школах. Учителя провели открытые "
                "уроки и короткую консультативную сессию по планированию урока.",
                "Коллеги из сельских школ договорились снимать свои уроки на видео и присылать их для совместного "
                "разбора.",
            ),
            (
                "Our methods group visited two village partner schools. The teachers taught open lessons and ran a "
                "short consultation session on lesson planning.",
                "Colleagues from the village schools agreed to film their lessons and send them in for a joint "
                "discussion.",
            ),
        ),
        "tags": ("partners", "open-lesson"),
    },
    {
        "title": (
            "Тәлімгерлік: жас мұғалімдермен жұмыс",
            "Наставничество: работа с молодыми учителями",
            "Mentoring: working with young teachers",
        ),
        "excerpt": (
            "Әр жас мұғалімге тәжірибелі тәлімгер бекітіліп, ай сайын кездесу өтеді.",
            "Каждому молодому учителю назначен опытный наставник; встречи проходят ежемесячно.",
            "Every young teacher now has an experienced mentor, and they meet every month.",
        ),
        "body": (
            (
                "Биыл мектепке бес жас мұғалім келді. Әрқайсысына тәжірибелі тәлімгер бекітілді: олар бір-бірінің "
                "сабағына қатысып, ай сайын кездеседі.",
                "Бірінші тоқсанның соңында жас мұғалімдер сабақ жоспарын өздері құрып, сыныпты сенімдірек басқара "
                "бастады.",
            ),
            (
                "В этом году в школу пришли пять молодых учителей. За каждым закреплён опытный наставник: они посещают "
                "уроки друг друга и встречаются каждый месяц.",
                "К концу первой четверти молодые учителя сами составляют планы уроков и увереннее управляют классом.",
            ),
            (
                "Five young teachers joined the school this year. Each has an experienced mentor: they visit each "
                "other's lessons and meet every month.",
                "By the end of the first term the young teachers were writing their own lesson plans and managing "
                "their classes with more confidence.",
            ),
        ),
        "tags": ("mentoring",),
    },
    {
        "title": (
            "Дарынды балалармен жұмыс тәжірибесі",
            "Опыт работы с одарёнными детьми",
            "Our experience with gifted children",
        ),
        "excerpt": (
            "Олимпиадаға дайындық үйірмесі серіктес мектептердің оқушыларына да ашылды.",
            "Кружок подготовки к олимпиадам открыт и для учеников партнёрских школ.",
            "The olympiad club is now open to pupils of the partner schools too.",
        ),
        "body": (
            (
                "Олимпиадаға дайындық үйірмесі енді серіктес мектептердің оқушыларына да ашық. Сабақтар сенбі сайын "
                "онлайн және мектепте өтеді.",
                "Биыл үйірменің он екі оқушысы облыстық олимпиадаға қатысып, төртеуі жүлделі орын алды.",
            ),
            (
                "Кружок подготовки к олимпиадам теперь открыт и для учеников партнёрских школ. Занятия проходят по "
                "субботам — онлайн и в школе.",
                "В этом году двенадцать учеников кружка участвовали в областной олимпиаде, четверо стали призёрами.",
            ),
            (
                "The olympiad club is now open to pupils of the partner schools too. It meets on Saturdays, online and "
                "at the school.",
                "This year twelve of its pupils took part in the regional olympiad and four of them won prizes.",
            ),
        ),
        "tags": ("gifted",),
    },
    {
        "title": (
            "Тамыз кеңесінде тәжірибе таныстырдық",
            "Представили опыт на августовском совещании",
            "We presented our experience at the August conference",
        ),
        "excerpt": (
            "Тамыз кеңесінде мектеп командасы жиынтық бағалау тәжірибесін таныстырды.",
            "На августовском совещании команда школы представила опыт суммативного оценивания.",
            "At the August conference the school's team presented its summative assessment practice.",
        ),
        "body": (
            (
                "Тамыз кеңесінде мектеп командасы жиынтық бағалау тәжірибесін таныстырды. Баяндамадан кейін аудан "
                "мектептерінің мұғалімдері тапсырма үлгілерін сұрады.",
                "Барлық материалдар мектептің ресурс порталында жарияланды.",
            ),
            (
                "На августовском совещании команда школы представила опыт суммативного оценивания. После выступления "
                "учителя школ района попросили образцы заданий.",
                "Все материалы опубликованы на ресурсном портале школы.",
            ),
            (
                "At the August conference the school's team presented its practice of summative assessment. Afterwards "
                "teachers from the district's schools asked for sample tasks.",
                "All the materials are published on the school's resource portal.",
            ),
        ),
        "tags": ("august", "assessment"),
    },
    {
        "title": (
            "Іс-әрекеттегі зерттеу: алғашқы нәтижелер",
            "Исследование действий: первые результаты",
            "Action research: the first results",
        ),
        "excerpt": (
            "Зерттеу тобы бір тоқсан бойы оқушылардың кері байланысын жинады.",
            "Исследовательская группа целую четверть собирала обратную связь учеников.",
            "The research group collected pupils' feedback for a whole term.",
        ),
        "body": (
            (
                "Зерттеу тобы бір тоқсан бойы оқушылардың сабақтағы кері байланысын жинады. Сауалнама мен бақылау "
                "нәтижелері бойынша топ сабақ соңындағы рефлексияның уақытын ұзартты.",
                "Алғашқы нәтижелер оқушылардың сұрақты жиірек қоя бастағанын көрсетті; зерттеу келесі тоқсанда "
                "жалғасады.",
            ),
            (
                "Исследовательская группа целую четверть собирала обратную связь учеников на уроках. По итогам анкет "
                "и наблюдений группа увеличила время рефлексии в конце урока.",
                "Первые результаты показывают, что ученики стали чаще задавать вопросы; исследование продолжится в "
                "следующей четверти.",
            ),
            (
                "The research group collected pupils' feedback in lessons for a whole term. Based on questionnaires "
                "and observations, it lengthened the reflection at the end of each lesson.",
                "The first results show pupils asking questions more often; the research continues next term.",
            ),
        ),
        "tags": ("action-research",),
    },
    {
        "title": (
            "«Сәуір кездесулері» қалалық форумы",
            "Городской форум «Апрельские встречи»",
            "The “April meetings” city forum",
        ),
        "excerpt": (
            "Форумда қаланың жиырма мектебінің мұғалімдері тәжірибе алмасты.",
            "На форуме учителя двадцати школ города обменялись опытом.",
            "Teachers from twenty of the city's schools shared their practice at the forum.",
        ),
        "body": (
            (
                "«Сәуір кездесулері» қалалық форумында қаланың жиырма мектебінің мұғалімдері тәжірибе алмасты. "
                "Мектебіміз критериалды бағалау бойынша екі шеберлік сыныбын өткізді.",
                "Форумға қатысушылар келесі жылы Lesson Study бойынша бірлескен жоба бастауға шешті.",
            ),
            (
                "На городском форуме «Апрельские встречи» учителя двадцати школ города обменялись опытом. Наша школа "
                "провела два мастер-класса по критериальному оцениванию.",
                "Участники форума решили начать в следующем году совместный проект по Lesson Study.",
            ),
            (
                "At the “April meetings” city forum teachers from twenty of the city's schools shared their practice. "
                "Our school ran two master classes on criteria-based assessment.",
                "The participants decided to start a joint Lesson Study project next year.",
            ),
        ),
        "tags": ("partners", "lesson-study"),
    },
    {
        "title": (
            "Функционалдық сауаттылық: PISA үлгісіндегі тапсырмалар",
            "Функциональная грамотность: задания в формате PISA",
            "Functional literacy: working with PISA-style tasks",
        ),
        "excerpt": (
            "Оқушылар күнделікті өмірден алынған есептерді шығарып, жауабын дәлелдеуге үйренді.",
            "Ученики решали задачи из повседневной жизни и учились обосновывать ответ.",
            "Pupils solved everyday problems and learned to justify their answers.",
        ),
        "body": (
            (
                "Жаратылыстану пәндерінің мұғалімдері PISA үлгісіндегі тапсырмалар жинағын құрастырды. Әр тапсырма "
                "оқушыдан мәтінді, кестені және графикті қатар оқуды талап етеді.",
                "Тоқсан соңындағы диагностикада оқушылардың жартысынан көбі жауабын толық дәлелдей алды.",
            ),
            (
                "Учителя естественных наук составили сборник заданий в формате PISA. Каждое задание требует читать "
                "текст, таблицу и график вместе.",
                "На диагностике в конце четверти больше половины учеников смогли полностью обосновать ответ.",
            ),
            (
                "Our science teachers put together a set of PISA-style tasks. Each asks pupils to read a text, a table "
                "and a graph together.",
                "In the end-of-term check more than half of the pupils justified their answers in full.",
            ),
        ),
        "tags": ("literacy",),
    },
    {
        "title": (
            "Ата-аналарға арналған ашық есік күні",
            "День открытых дверей для родителей",
            "An open day for parents",
        ),
        "excerpt": (
            "Ата-аналар сабақтарға қатысып, критериалды бағалаудың қалай жүретінін көрді.",
            "Родители побывали на уроках и увидели, как работает критериальное оценивание.",
            "Parents sat in on lessons and saw how criteria-based assessment works.",
        ),
        "body": (
            (
                "Ашық есік күні ата-аналар бастауыш және негізгі мектептің сабақтарына қатысты. Мұғалімдер бағалау "
                "критерийлері мен дескрипторларды қалай қолданатынын түсіндірді.",
                "Ата-аналардың сұрақтары негізінде мектеп сайтында жиі қойылатын сұрақтар бөлімі ашылады.",
            ),
            (
                "В день открытых дверей родители посетили уроки в начальной и основной школе. Учителя объяснили, как "
                "используют критерии оценивания и дескрипторы.",
                "По вопросам родителей на сайте школы появится раздел часто задаваемых вопросов.",
            ),
            (
                "On the open day parents visited lessons in the primary and lower secondary school. Teachers explained "
                "how they use assessment criteria and descriptors.",
                "The parents' questions will become a frequently-asked-questions page on the school's site.",
            ),
        ),
        "tags": ("assessment", "open-lesson"),
    },
    {
        "title": (
            "Көптілді білім беру: CLIL сабақтары",
            "Полиязычное образование: уроки CLIL",
            "Multilingual education: CLIL lessons",
        ),
        "excerpt": (
            "Физика мен биология сабақтарының бір бөлігі ағылшын тілінде өтеді.",
            "Часть уроков физики и биологии проходит на английском языке.",
            "Some physics and biology lessons are now taught in English.",
        ),
        "body": (
            (
                "Жаратылыстану пәндерінің екі мұғалімі ағылшын тілі мұғалімімен бірге CLIL сабақтарын жоспарлайды. "
                "Әр сабақта пәндік мақсат пен тілдік мақсат қатар қойылады.",
                "Оқушылар жаңа терминдерді сөздік дәптерге жазып, тақырып соңында шағын жоба қорғайды.",
            ),
            (
                "Два учителя естественных наук планируют уроки CLIL вместе с учителем английского языка. В каждом "
                "уроке ставятся и предметная, и языковая цель.",
                "Ученики записывают новые термины в словарь и в конце темы защищают небольшой проект.",
            ),
            (
                "Two science teachers plan CLIL lessons together with an English teacher. Each lesson has both a "
                "subject objective and a language objective.",
                "Pupils keep a glossary of new terms and present a small project at the end of each topic.",
            ),
        ),
        "tags": ("multilingual",),
    },
    {
        "title": (
            "Жоба апталығы: оқушылар зерттеулерін қорғады",
            "Неделя проектов: ученики защитили исследования",
            "Project week: pupils presented their research",
        ),
        "excerpt": (
            "Жетінші – оныншы сынып оқушылары отыз зерттеу жобасын ұсынды.",
            "Ученики седьмых–десятых классов представили тридцать исследовательских проектов.",
            "Pupils from Grades 7 to 10 presented thirty research projects.",
        ),
        "body": (
            (
                "Жоба апталығында оқушылар экология, тарих және математика бойынша зерттеулерін қорғады. Қазылар "
                "алқасына серіктес мектептердің мұғалімдері де кірді.",
                "Үздік жобалар облыстық ғылыми жобалар байқауына жіберіледі.",
            ),
            (
                "На неделе проектов ученики защищали исследования по экологии, истории и математике. В жюри вошли и "
                "учителя партнёрских школ.",
                "Лучшие проекты будут направлены на областной конкурс научных проектов.",
            ),
            (
                "During project week pupils presented research in ecology, history and mathematics. Teachers from the "
                "partner schools sat on the jury.",
                "The best projects go on to the regional science project competition.",
            ),
        ),
        "tags": ("gifted", "partners"),
    },
]

QUOTE = (
    "Сабақты бірге зерттеу – мұғалімнің кәсіби өсуінің ең сенімді жолы.",
    "Совместное исследование урока — самый надёжный путь профессионального роста учителя.",
    "Studying a lesson together is the surest way for a teacher to grow.",
)

# The school's "about" text; {year} is the year it became a Leading School.
SCHOOL_ABOUT = (
    "Мектеп {year} жылдан бері Жетекші мектеп ретінде жұмыс істейді. Шығармашылық топтар серіктес мектептермен "
    "бірлесіп Lesson Study, критериалды бағалау және тәлімгерлік бойынша іс-шаралар өткізеді. Әр тоқсанда мектеп "
    "ашық сабақтар мен семинарлар ұйымдастырып, мұғалімдердің үздік ресурстарын ресурс порталында жариялайды.",
    "Школа работает как Ведущая с {year} года. Творческие группы вместе с партнёрскими школами проводят "
    "мероприятия по Lesson Study, критериальному оцениванию и наставничеству. Каждую четверть школа организует "
    "открытые уроки и семинары и публикует лучшие ресурсы учителей на своём ресурсном портале.",
    "The school has been a Leading School since {year}. Its creative groups run Lesson Study, criteria-based "
    "assessment and mentoring activities together with the partner schools. Every term it organises open lessons "
    "and seminars and publishes teachers' best resources on its resource portal.",
)

STREETS = [
    ("Абай даңғылы", "проспект Абая", "Abai Avenue"),
    ("Тәуелсіздік көшесі", "улица Тауелсиздик", "Tauelsizdik Street"),
    ("Сәтбаев көшесі", "улица Сатпаева", "Satpayev Street"),
    ("Бейбітшілік көшесі", "улица Бейбитшилик", "Beibitshilik Street"),
]

# kind, (kk, ru, en) title, intro, programme
EVENTS = [
    (
        "seminar",
        (
            "Критериалды бағалау: тапсырмалар мен дескрипторлар",
            "Критериальное оценивание: задания и дескрипторы",
            "Criteria-based assessment: tasks and descriptors",
        ),
        (
            "Қатысушылар бір тақырыптың оқу мақсаттарына тапсырмалар мен дескрипторлар құрастырады.",
            "Участники составят задания и дескрипторы к целям обучения одной темы.",
            "Participants will write tasks and descriptors for the learning objectives of one topic.",
        ),
        (
            "Бағдарлама: критериалды бағалаудың негіздері (30 минут), топтық жұмыс (90 минут), тапсырмаларды таныстыру "
            "және кері байланыс (60 минут). Өзіңізбен бірге бір тоқсанның оқу жоспарын алып келіңіз.",
            "Программа: основы критериального оценивания (30 минут), работа в группах (90 минут), "
            "представление заданий и обратная связь (60 минут). Возьмите с собой учебный план на одну четверть.",
            "Programme: the basics of criteria-based assessment (30 minutes), group work (90 minutes), presenting the "
            "tasks and feedback (60 minutes). Please bring one term's curriculum plan.",
        ),
    ),
    (
        "lesson_study",
        (
            "Lesson Study: математика сабағын бірлесіп жоспарлау",
            "Lesson Study: совместное планирование урока математики",
            "Lesson Study: planning a mathematics lesson together",
        ),
        (
            "Lesson Study тобы 6-сыныптағы математика сабағын бірлесіп жоспарлап, зерттеу сабағын бақылайды.",
            "Группа Lesson Study вместе спланирует урок математики в 6 классе и пронаблюдает исследовательский урок.",
            "A Lesson Study group will plan a Grade 6 mathematics lesson together and observe the research lesson.",
        ),
        (
            "Алдымен топ сабақты бірге жоспарлайды, содан кейін бір мұғалім сабақ береді, қалғандары үш оқушыны "
            "бақылайды. Соңында бақылау нәтижелері талқыланады.",
            "Сначала группа вместе планирует урок, затем один учитель проводит его, а остальные наблюдают за тремя "
            "учениками. В конце обсуждают результаты наблюдения.",
            "First the group plans the lesson together; then one teacher teaches it while the others follow three "
            "pupils. Finally the group discusses what it observed.",
        ),
    ),
    (
        "master_class",
        (
            "Қысқа мерзімді жоспар құру шеберлік сыныбы",
            "Мастер-класс по составлению краткосрочного плана",
            "Master class: writing a short-term lesson plan",
        ),
        (
            "Тәжірибелі мұғалім қысқа мерзімді жоспарды қалай құратынын көрсетеді.",
            "Опытный учитель покажет, как составить краткосрочный план урока.",
            "An experienced teacher shows how to write a short-term lesson plan.",
        ),
        (
            "Қатысушылар дайын жоспардың үлгісін талдап, өз пәні бойынша бір сабақтың жоспарын құрады. Ноутбук немесе "
            "планшет алып келуді ұсынамыз.",
            "Участники разберут образец плана и составят план одного урока по своему предмету. Рекомендуем взять "
            "ноутбук или планшет.",
            "Participants look at a sample plan and write a plan of one lesson in their own subject. Please bring a "
            "laptop or tablet.",
        ),
    ),
    (
        "consultation",
        (
            "Серіктес мектептерге кеңес беру сессиясы",
            "Консультативная сессия для партнёрских школ",
            "Consultation session for partner schools",
        ),
        (
            "Серіктес мектептердің мұғалімдері сабақ жоспарлау мен бағалау бойынша сұрақтарын қоя алады.",
            "Учителя партнёрских школ смогут задать вопросы по планированию уроков и оцениванию.",
            "Teachers of the partner schools can bring their questions on lesson planning and assessment.",
        ),
        (
            "Сұрақтарыңызды тіркелу кезінде алдын ала жазыңыз: тренерлер оларды тақырып бойынша топтап, жауап береді.",
            "Напишите вопросы заранее, при регистрации: тренеры сгруппируют их по темам и ответят.",
            "Write your questions when you register: the trainers will group them by topic and answer them.",
        ),
    ),
    (
        "action_research",
        (
            "Іс-әрекеттегі зерттеу: жобаларды қорғау",
            "Исследование действий: защита проектов",
            "Action research: project presentations",
        ),
        (
            "Мұғалімдер бір жыл бойы жүргізген іс-әрекеттегі зерттеулерінің нәтижелерін қорғайды.",
            "Учителя представят результаты исследований действий, которые вели в течение года.",
            "Teachers present the results of the action research they carried out over the year.",
        ),
        (
            "Әр жобаға он минут баяндама және бес минут сұрақ беріледі. Сарапшылар зерттеу сұрағын, дәлелдерді және "
            "қорытындыларды бағалайды.",
            "На каждый проект — десять минут доклада и пять минут вопросов. Эксперты оценивают исследовательский "
            "вопрос, доказательства и выводы.",
            "Each project has ten minutes to present and five for questions. The experts look at the research "
            "question, the evidence and the conclusions.",
        ),
    ),
    (
        "forum",
        (
            "«Рефлексия тәжірибеде» көшбасшылар форумы",
            "Форум лидеров «Рефлексия в практике»",
            "“Reflection in practice” leaders' forum",
        ),
        (
            "Жетекші және серіктес мектептердің басшылары мектептегі рефлексия тәжірибесімен бөліседі.",
            "Руководители Ведущих и партнёрских школ поделятся практикой рефлексии в школе.",
            "Heads of Leading and partner schools share how their schools practise reflection.",
        ),
        (
            "Форум пленарлық отырыстан және үш секциядан тұрады: сабақтағы рефлексия, педагогтардың кәсіби "
            "рефлексиясы, мектепті басқарудағы рефлексия.",
            "Форум состоит из пленарного заседания и трёх секций: рефлексия на уроке, профессиональная рефлексия "
            "педагогов, рефлексия в управлении школой.",
            "The forum has a plenary session and three sections: reflection in lessons, teachers' professional "
            "reflection, and reflection in running a school.",
        ),
    ),
    (
        "august_conference",
        (
            "Тамыз кеңесі: жаңартылған білім мазмұны",
            "Августовское совещание: обновлённое содержание образования",
            "August conference: the updated content of education",
        ),
        (
            "Жаңа оқу жылы алдында аудан мұғалімдері жаңартылған білім мазмұнының басымдықтарын талқылайды.",
            "Перед новым учебным годом учителя района обсудят приоритеты обновлённого содержания образования.",
            "Before the new school year the district's teachers discuss the priorities of the updated curriculum.",
        ),
        (
            "Пленарлық баяндамадан кейін пәндік секциялар жұмыс істейді. Әр секцияда Жетекші мектептің мұғалімдері "
            "өз тәжірибесін таныстырады.",
            "После пленарного доклада работают предметные секции. В каждой секции учителя Ведущей школы представляют "
            "свой опыт.",
            "After the plenary talk, subject sections meet; in each, teachers of the Leading School present their "
            "practice.",
        ),
    ),
]

# kind, subject, grades, direction, (kk, ru, en) title: fifteen, so that neighbouring schools' cards differ.
RESOURCES = [
    (
        "lesson_plan",
        "mathematics",
        5,
        6,
        "updated_content",
        (
            "Бөлшектерді қосу: қысқа мерзімді жоспар",
            "Сложение дробей: краткосрочный план",
            "Adding fractions: a short-term lesson plan",
        ),
    ),
    (
        "recommendation",
        "general",
        1,
        11,
        "criteria_assessment",
        (
            "Критериалды бағалау бойынша әдістемелік ұсыныстар",
            "Методические рекомендации по критериальному оцениванию",
            "Methodological recommendations on criteria-based assessment",
        ),
    ),
    (
        "video_lesson",
        "kazakh",
        7,
        9,
        "updated_content",
        (
            "Бейнесабақ: Абай өлеңдерін талдау",
            "Видеоурок: анализ стихотворений Абая",
            "Video lesson: reading Abai's poems",
        ),
    ),
    (
        "presentation",
        "physics",
        9,
        10,
        "lesson_study",
        ("Ньютон заңдары: презентация", "Законы Ньютона: презентация", "Newton's laws: a presentation"),
    ),
    (
        "assessment",
        "biology",
        8,
        8,
        "criteria_assessment",
        (
            "Жасуша құрылысы: жиынтық бағалау тапсырмалары",
            "Строение клетки: задания суммативного оценивания",
            "Cell structure: summative assessment tasks",
        ),
    ),
    (
        "research_report",
        "primary",
        1,
        4,
        "action_research",
        (
            "Бастауыш сыныптағы оқу сауаттылығы: зерттеу есебі",
            "Читательская грамотность в начальной школе: отчёт об исследовании",
            "Reading literacy in primary school: a research report",
        ),
    ),
    (
        "teaching_aid",
        "chemistry",
        8,
        9,
        "updated_content",
        (
            "Химиялық реакциялар: зертханалық жұмыстар жинағы",
            "Химические реакции: сборник лабораторных работ",
            "Chemical reactions: a book of laboratory work",
        ),
    ),
    (
        "lesson_plan",
        "english",
        5,
        5,
        "trilingual",
        (
            "Daily routines: ағылшын тілі сабағының жоспары",
            "Daily routines: план урока английского языка",
            "Daily routines: an English lesson plan",
        ),
    ),
    (
        "video_lesson",
        "history",
        6,
        7,
        "updated_content",
        ("Ұлы Жібек жолы: бейнесабақ", "Великий Шёлковый путь: видеоурок", "The Great Silk Road: a video lesson"),
    ),
    (
        "presentation",
        "geography",
        7,
        8,
        "updated_content",
        (
            "Қазақстанның су ресурстары: презентация",
            "Водные ресурсы Казахстана: презентация",
            "Kazakhstan's water resources: a presentation",
        ),
    ),
    (
        "programme",
        "computer_science",
        7,
        9,
        "gifted_children",
        ("Робототехника үйірмесінің бағдарламасы", "Программа кружка робототехники", "A robotics club programme"),
    ),
    (
        "recommendation",
        "general",
        1,
        11,
        "mentoring",
        (
            "Жас мұғалімге тәлімгерлік: әдістемелік ұсыныстар",
            "Наставничество молодого учителя: методические рекомендации",
            "Mentoring a young teacher: methodological recommendations",
        ),
    ),
    (
        "assessment",
        "russian",
        5,
        6,
        "criteria_assessment",
        (
            "Орыс тілі: оқылым бойынша бағалау тапсырмалары",
            "Русский язык: задания для оценивания чтения",
            "Russian: reading assessment tasks",
        ),
    ),
    (
        "research_report",
        "mathematics",
        7,
        7,
        "lesson_study",
        (
            "Lesson Study: бөлшектерді салыстыру сабағы",
            "Lesson Study: урок сравнения дробей",
            "Lesson Study: a lesson on comparing fractions",
        ),
    ),
    (
        "teaching_aid",
        "primary",
        2,
        3,
        "inclusive",
        (
            "Инклюзивті сынып: бастауыш мектепке арналған көрнекі құралдар",
            "Инклюзивный класс: наглядные пособия для начальной школы",
            "An inclusive classroom: visual aids for primary school",
        ),
    ),
]

# What a resource of each kind holds (kk, ru, en): its card's summary.
RESOURCE_INTROS = {
    "lesson_plan": (
        "Оқу мақсаттары, тапсырмалар, дескрипторлар және сабақ соңындағы рефлексия.",
        "Цели обучения, задания, дескрипторы и рефлексия в конце урока.",
        "Learning objectives, tasks, descriptors and the end-of-lesson reflection.",
    ),
    "recommendation": (
        "Мұғалімдерге арналған қадамдық ұсыныстар мен мысалдар.",
        "Пошаговые рекомендации и примеры для учителей.",
        "Step-by-step recommendations with examples for teachers.",
    ),
    "video_lesson": (
        "Сабақтың толық бейнежазбасы және мұғалімнің түсініктемесі.",
        "Полная видеозапись урока с комментарием учителя.",
        "A full recording of the lesson with the teacher's commentary.",
    ),
    "presentation": (
        "Сабақта көрсетуге дайын слайдтар және мұғалімге арналған жазбалар.",
        "Готовые к показу слайды с заметками для учителя.",
        "Slides ready to show in class, with notes for the teacher.",
    ),
    "assessment": (
        "Тапсырмалар, бағалау критерийлері, дескрипторлар және балл қою кестесі.",
        "Задания, критерии оценивания, дескрипторы и схема выставления баллов.",
        "Tasks, assessment criteria, descriptors and a marking scheme.",
    ),
    "research_report": (
        "Зерттеу сұрағы, жиналған дәлелдер, қорытындылар және келесі қадамдар.",
        "Исследовательский вопрос, собранные данные, выводы и следующие шаги.",
        "The research question, the evidence gathered, the conclusions and next steps.",
    ),
    "teaching_aid": (
        "Сабақта және үйде пайдалануға арналған оқу құралы.",
        "Учебное пособие для работы на уроке и дома.",
        "A teaching aid for use in class and at home.",
    ),
    "programme": (
        "Мақсаттар, тақырыптық жоспар және күтілетін нәтижелер.",
        "Цели, тематический план и ожидаемые результаты.",
        "Aims, a plan of topics and the expected results.",
    ),
}

CREATIVE_GROUPS = [
    (
        "primary",
        "updated_content",
        ("Бастауыш мектеп", "Начальная школа", "Primary school"),
        ("Оқу сауаттылығын дамыту", "Развитие читательской грамотности", "Developing reading literacy"),
    ),
    (
        "subject",
        "lesson_study",
        ("Жаратылыстану пәндері", "Естественные науки", "Natural sciences"),
        ("Зерттеушілік дағдылар", "Исследовательские навыки", "Inquiry skills"),
    ),
    (
        "problem",
        "criteria_assessment",
        ("Бағалау мәселелері", "Проблемы оценивания", "Assessment problems"),
        ("Кері байланыс", "Обратная связь", "Feedback"),
    ),
    (
        "research",
        "action_research",
        ("Зерттеу тобы", "Исследовательская группа", "Research group"),
        ("Іс-әрекеттегі зерттеу", "Исследование действий", "Action research"),
    ),
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
    image = get_image_model()(title=title, collection=collection)
    image.file = ImageFile(io.BytesIO(demo_picture(seed)), name=f"demo-{seed}.jpg")
    image.save()
    return image


def demo_picture(seed):
    """The JPEG bytes of demo picture number `seed`."""
    rng = random.Random(seed)
    # Seeds are school * 100 + picture: colour and motif change from one picture of a school to the next, and
    # from one school to the next for the same picture (the home page shows every school's newest post).
    school, number = divmod(seed, 100)
    colour = PALETTE[(school + number) % len(PALETTE)]
    picture = PillowImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, 675, 15):
        shade = tuple(min(255, c + step // 6) for c in colour)
        draw.rectangle([0, step, 1200, step + 15], fill=shade)
    motif = (number + school + school // len(PALETTE)) % 4
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
    return buffer.getvalue()


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
        self.tags = self.load_tags()
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

    def load_tags(self):
        """The demo's tags with their three names (the national loader finds the ones it shares by name)."""
        tags = {}
        for key, (kk, ru, en) in TAGS.items():
            tags[key], _created = BlogTag.objects.get_or_create(
                name=kk, defaults={"name_ru": ru, "name_en": en, "slug": slugify(anyascii(kk))[:50].strip("-")}
            )
        return tags

    def translate(self, page, texts, **extra):
        """ru and en translations of a kk page; `texts` maps field name to its (kk, ru, en) values."""
        for position, code in ((1, "ru"), (2, "en")):
            fields = {name: values[position] for name, values in texts.items()}
            fields.update({name: value[position] for name, value in extra.items()})
            translate_page(page, self.locales[code], fields)

    def load_network_pages(self, kk_home):
        for model, slug, titles, intros in NETWORK_PAGES:
            page = PAGE_FACTORIES[model](
                parent=kk_home,
                title=titles[0],
                slug=slug,
                intro=intros[0],
                show_in_menus=True,
                locale=self.locales["kk"],
            )
            publish_without_log(page)
            self.translate(page, {"title": titles, "intro": intros})

    def load_regions(self, kk_home, wanted=None):
        regions = {}
        for order, (slug, kind, names, centres) in enumerate(REGIONS):
            if wanted is not None and slug not in wanted:
                continue
            street = STREETS[1]
            addresses = (
                f"{centres[0]}, {street[0]}, {10 + order}",
                f"{centres[1]}, {street[1]}, {10 + order}",
                f"{10 + order} {street[2]}, {centres[2]}",
            )
            # The trainers' rows are copied to the translations as they are: their positions carry three languages.
            trainers = [
                CoordinationCentreTrainer(
                    sort_order=i,
                    name=TEACHERS[(order + i) % len(TEACHERS)],
                    position="тренер, желі көшбасшысы",
                    position_ru="тренер, лидер сети",
                    position_en="trainer, network leader",
                    email=f"trainer{i + 1}.{slug}@cpm.edu.kz",
                )
                for i in range(2)
            ]
            region = RegionPageFactory(
                parent=kk_home,
                trainers=trainers,
                title=names[0],
                slug=slug,
                kind=kind,
                centre=centres[0],
                locale=self.locales["kk"],
                coordination_centre_name=f"ПШО {centres[0]} филиалының Координациялық орталығы",
                coordination_centre_address=addresses[0],
                coordination_centre_phone=f"+7 7{order % 10}2 55 {10 + order:02d} {20 + order:02d}",
                coordination_centre_email=f"{slug}@cpm.edu.kz",
                intro=(
                    f"<p>{names[0]} Жетекші мектептері серіктес мектептермен бірлесіп желілік қоғамдастық құрады.</p>"
                ),
            )
            publish_without_log(region)
            kind_ru = "Координационный центр филиала ЦПМ" if kind == RegionKind.REGION else "Координационный центр ЦПМ"
            self.translate(
                region,
                {"title": names, "centre": centres, "coordination_centre_address": addresses},
                coordination_centre_name=(
                    region.coordination_centre_name,
                    f"{kind_ru}, {centres[1]}",
                    f"CPE Coordination Centre, {centres[2]}",
                ),
                intro=(
                    None,
                    f"<p>Ведущие школы региона «{names[1]}» вместе с партнёрскими школами строят "
                    "сетевое сообщество.</p>",
                    f"<p>The Leading Schools of {names[2]} build a network community with their partner schools.</p>",
                ),
            )
            regions[slug] = (region, names, centres)
        return regions

    def load_school(self, region_entry, index, number, kind):
        region, region_names, locality = region_entry
        titles = school_names(number, kind, locality)
        street = STREETS[index % len(STREETS)]
        addresses = (
            f"{locality[0]}, {street[0]}, {number}",
            f"{locality[1]}, {street[1]}, {number}",
            f"{number} {street[2]}, {locality[2]}",
        )
        about = tuple(text.format(year=2015 + index % 6) for text in SCHOOL_ABOUT)
        leader = TEACHERS[index % len(TEACHERS)]
        # One school is a little over the regulation's ratio, to show the warning.
        partner_total = 11 if index == 1 else 10
        directions = [
            SchoolDirection(direction=direction, sort_order=order)
            for order, direction in enumerate(
                (Direction.UPDATED_CONTENT, Direction.LESSON_STUDY, Direction.CRITERIA_ASSESSMENT, Direction.MENTORING)
            )
        ]
        # Copied to the translations as they are (inline rows): each group's name and topic carry three languages.
        creative_groups = [
            # sort_order given: rows without one come back in whatever order the database keeps them.
            CreativeGroup(
                sort_order=i,
                name=names[0],
                name_ru=names[1],
                name_en=names[2],
                kind=group_kind,
                direction=direction,
                focus_topic=focus[0],
                focus_topic_ru=focus[1],
                focus_topic_en=focus[2],
                leader=TEACHERS[(index + i) % len(TEACHERS)],
                members="\n".join(TEACHERS[(index + i + k) % len(TEACHERS)] for k in range(1, 5)),
            )
            for i, (group_kind, direction, names, focus) in enumerate(CREATIVE_GROUPS)
        ]
        partner_schools = [
            PartnerSchool(
                sort_order=p,
                name=f"№ {number * 3 + p} мектеп",
                locality=locality[0] if p % 3 else f"{locality[0]} ауданы",
                hub_school=f"№ {number * 3 + (p // 4) * 4} тірек мектебі",
                contact_person=TEACHERS[(index + p) % len(TEACHERS)],
                email=f"partner{p}.{number}@edu.kz",
            )
            for p in range(partner_total)
        ]
        school = LeadingSchoolPageFactory(
            parent=region,
            directions=directions,
            creative_groups=creative_groups,
            partner_schools=partner_schools,
            title=titles[0],
            slug=f"school-{number}",
            locale=self.locales["kk"],
            locality=locality[0],
            address=addresses[0],
            phone=f"+7 7{index}2 40 {number:02d} 11",
            email=f"school{number}@{region.slug}.edu.kz",
            intro="Он серіктес мектеппен бірлесіп жұмыс істейтін Жетекші мектеп.",
            leader_name=leader,
            leader_role=LeaderRole.DEPUTY if index % 2 else LeaderRole.DIRECTOR,
            leader_email=f"leader{number}@{region.slug}.edu.kz",
            body=rich(about[0]),
        )
        collection = provision_school(school).collection
        # provision_school added the sections: reload so the tree fields we save are current.
        school.refresh_from_db()
        school.image = make_image(titles[0], collection, seed=index * 100)
        school.save()
        publish_without_log(school)
        self.translate(
            school,
            {"title": titles, "locality": locality, "address": addresses},
            intro=(
                None,
                "Ведущая школа, которая работает вместе с десятью партнёрскими школами.",
                "A Leading School working together with ten partner schools.",
            ),
            body=(None, rich(about[1]), rich(about[2])),
            leader_name=(None, leader, latin_form(leader)),
        )
        for translated in LeadingSchoolPage.objects.filter(translation_key=school.translation_key).exclude(
            pk=school.pk
        ):
            self.translate_school_details(translated, number, locality)
            provision_school(translated)

        teachers = [
            TeacherFactory(
                full_name=TEACHERS[(index + t) % len(TEACHERS)],
                position=POSITIONS[t % len(POSITIONS)][0],
                position_ru=POSITIONS[t % len(POSITIONS)][1],
                position_en=POSITIONS[t % len(POSITIONS)][2],
                school=school,
            )
            for t in range(3)
        ]
        sections = {type(child.specific): child.specific for child in school.get_children()}
        self.load_posts(sections[BlogIndexPage], teachers, collection, index)
        self.load_events(sections[EventIndexPage], titles, index)
        self.load_resources(sections[ResourcePortalPage], teachers, collection, index)
        self.say(f"  {titles[0]}")

    def translate_school_details(self, school, number, locality):
        """The partner schools' names in the page's language (proper names, as each language writes them)."""
        position = LANGUAGES.index(school.locale.language_code)
        partner_name = ("№ {} мектеп", "Школа № {}", "School No. {}")[position]
        hub_name = ("№ {} тірек мектебі", "Опорная школа № {}", "Hub school No. {}")[position]
        for p, partner in enumerate(school.partner_schools.all()):
            partner.name = partner_name.format(number * 3 + p)
            partner.hub_school = hub_name.format(number * 3 + (p // 4) * 4)
            partner.locality = locality[position]
            partner.contact_person = person_name(partner.contact_person, language=LANGUAGES[position])
            partner.save(update_fields=["name", "hub_school", "locality", "contact_person"])
        # A new revision, so that the editor sees what visitors see.
        publish_without_log(LeadingSchoolPage.objects.get(pk=school.pk))

    def load_posts(self, blog, teachers, collection, index):
        for n in range(5):
            # Five different topics per school; schools whose posts share a date start at different topics.
            topic = POSTS[(index * 5 + n) % len(POSTS)]
            authors = teachers[: 1 + n % 2]
            bodies = [
                rich(topic["body"][position][0])
                + rich(topic["body"][position][1])
                + [
                    (
                        "quote",
                        {
                            "text": QUOTE[position],
                            "attribution": person_name(
                                teachers[0].full_name, teachers[0].latin_name, language=LANGUAGES[position]
                            ),
                        },
                    ),
                ]
                for position in range(3)
            ]
            post = BlogPostPageFactory(
                parent=blog,
                title=topic["title"][0],
                slug=f"post-{n + 1}",
                locale=self.locales["kk"],
                date=(self.now - datetime.timedelta(days=3 + n * 9 + index)).date(),
                intro=topic["excerpt"][0],
                body=bodies[0],
                image=make_image(topic["title"][0], collection, seed=index * 100 + n + 1) if n < 3 else None,
            )
            post.authors.set(authors)
            post.categories.set([self.categories[n % len(self.categories)]])
            post.tags.set([self.tags[key] for key in topic["tags"]])
            post.save()
            publish_without_log(post)
            # Most posts are translated; the last is left in Kazakh only, as happens in real life.
            for position, code in ((1, "ru"), (2, "en")):
                if n < (4 if code == "ru" else 3):
                    translate_page(
                        post,
                        self.locales[code],
                        {
                            "title": topic["title"][position],
                            "intro": topic["excerpt"][position],
                            "body": bodies[position],
                        },
                    )

    def load_events(self, events_index, school_titles, index):
        for n in range(4):
            kind, titles, intros, programmes = EVENTS[(index + n) % len(EVENTS)]
            day_offset = [-40, -12, 9, 30][n] + index
            start = timezone.localtime(self.now + datetime.timedelta(days=day_offset)).replace(
                hour=10, minute=0, second=0, microsecond=0
            )
            online = n == 3
            event = EventPageFactory(
                parent=events_index,
                title=titles[0],
                slug=f"event-{n + 1}",
                locale=self.locales["kk"],
                kind=kind,
                start=start,
                end=start + datetime.timedelta(hours=3),
                venue="" if online else f"{school_titles[0]}, акт залы",
                online_url="https://meet.example.kz/leading-schools" if online else "",
                organiser=school_titles[0],
                audience="Серіктес мектептердің мұғалімдері",
                intro=intros[0],
                body=rich(programmes[0]),
            )
            publish_without_log(event)
            self.translate(
                event,
                {"title": titles, "intro": intros},
                venue=(
                    "",
                    "" if online else f"{school_titles[1]}, актовый зал",
                    "" if online else f"{school_titles[2]}, assembly hall",
                ),
                organiser=("", school_titles[1], school_titles[2]),
                audience=("", "Учителя партнёрских школ", "Teachers of the partner schools"),
                body=("", rich(programmes[1]), rich(programmes[2])),
            )
            if day_offset > 0:
                # Upcoming events take registrations on their own page (every language shares the desk).
                open_desk(event, capacity=(30, 60, 120)[n % 3])

    def load_resources(self, portal, teachers, collection, index):
        for n in range(5):
            kind, subject, grade_from, grade_to, direction, titles = RESOURCES[(index * 5 + n) % len(RESOURCES)]
            language = ("kk", "ru", "kk", "en", "kk")[n]
            group_names = CREATIVE_GROUPS[n % len(CREATIVE_GROUPS)][2]
            resource = ResourcePageFactory(
                parent=portal,
                title=titles[0],
                slug=f"resource-{n + 1}",
                locale=self.locales["kk"],
                kind=kind,
                subject=subject,
                grade_from=grade_from,
                grade_to=grade_to,
                direction=direction,
                language=language,
                creative_group=group_names[0],
                intro=RESOURCE_INTROS[kind][0],
                document=make_document(titles[0], collection, seed=index * 100 + n),
            )
            resource.authors.set(teachers[n % len(teachers) : n % len(teachers) + 1])
            resource.save()
            publish_without_log(resource)
            if n < 4:
                self.translate(
                    resource, {"title": titles, "intro": RESOURCE_INTROS[kind], "creative_group": group_names}
                )


PAGE_FACTORIES = {
    NetworkNewsPage: NetworkNewsPageFactory,
    NetworkEventsPage: NetworkEventsPageFactory,
    ResourceLibraryPage: ResourceLibraryPageFactory,
}


def load_network(homes, stdout=None, schools=None):
    with search_index_deferred():
        return DemoNetwork(stdout=stdout, schools=schools).load(homes)
