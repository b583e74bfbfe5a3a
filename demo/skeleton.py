"""The network's skeleton, shared by the demo (demo/network.py) and the national loader (demo/national.py):
Kazakhstan's 17 regions and 3 cities of republican significance, and the network-wide pages beside them.
"""

from network.models import NetworkEventsPage, NetworkNewsPage, ResourceLibraryPage

# slug, kind, (kk, ru, en) name, (kk, ru, en) administrative centre
REGIONS = [
    ("abai", "region", ("Абай облысы", "Абайская область", "Abai Region"), ("Семей", "Семей", "Semey")),
    (
        "akmola",
        "region",
        ("Ақмола облысы", "Акмолинская область", "Akmola Region"),
        ("Көкшетау", "Кокшетау", "Kokshetau"),
    ),
    ("aktobe", "region", ("Ақтөбе облысы", "Актюбинская область", "Aktobe Region"), ("Ақтөбе", "Актобе", "Aktobe")),
    (
        "almaty-region",
        "region",
        ("Алматы облысы", "Алматинская область", "Almaty Region"),
        ("Қонаев", "Конаев", "Konaev"),
    ),
    ("atyrau", "region", ("Атырау облысы", "Атырауская область", "Atyrau Region"), ("Атырау", "Атырау", "Atyrau")),
    (
        "east-kazakhstan",
        "region",
        ("Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"),
        ("Өскемен", "Усть-Каменогорск", "Oskemen"),
    ),
    ("jambyl", "region", ("Жамбыл облысы", "Жамбылская область", "Jambyl Region"), ("Тараз", "Тараз", "Taraz")),
    (
        "jetisu",
        "region",
        ("Жетісу облысы", "Область Жетісу", "Jetisu Region"),
        ("Талдықорған", "Талдыкорган", "Taldykorgan"),
    ),
    (
        "west-kazakhstan",
        "region",
        ("Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"),
        ("Орал", "Уральск", "Oral"),
    ),
    (
        "karaganda",
        "region",
        ("Қарағанды облысы", "Карагандинская область", "Karaganda Region"),
        ("Қарағанды", "Караганда", "Karaganda"),
    ),
    (
        "kostanay",
        "region",
        ("Қостанай облысы", "Костанайская область", "Kostanay Region"),
        ("Қостанай", "Костанай", "Kostanay"),
    ),
    (
        "kyzylorda",
        "region",
        ("Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"),
        ("Қызылорда", "Кызылорда", "Kyzylorda"),
    ),
    (
        "mangystau",
        "region",
        ("Маңғыстау облысы", "Мангистауская область", "Mangystau Region"),
        ("Ақтау", "Актау", "Aktau"),
    ),
    (
        "pavlodar",
        "region",
        ("Павлодар облысы", "Павлодарская область", "Pavlodar Region"),
        ("Павлодар", "Павлодар", "Pavlodar"),
    ),
    (
        "north-kazakhstan",
        "region",
        ("Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"),
        ("Петропавл", "Петропавловск", "Petropavl"),
    ),
    (
        "turkistan",
        "region",
        ("Түркістан облысы", "Туркестанская область", "Turkistan Region"),
        ("Түркістан", "Туркестан", "Turkistan"),
    ),
    ("ulytau", "region", ("Ұлытау облысы", "Область Ұлытау", "Ulytau Region"), ("Жезқазған", "Жезказган", "Jezkazgan")),
    ("astana", "city", ("Астана қаласы", "Город Астана", "Astana"), ("Астана", "Астана", "Astana")),
    ("almaty", "city", ("Алматы қаласы", "Город Алматы", "Almaty"), ("Алматы", "Алматы", "Almaty")),
    ("shymkent", "city", ("Шымкент қаласы", "Город Шымкент", "Shymkent"), ("Шымкент", "Шымкент", "Shymkent")),
]

# For the national scale (demo/national.py): roughly each region's share of the schools, and its towns besides
# the centre, (kk, ru, en).
NATIONAL = {
    "abai": (5, [("Аягөз", "Аягоз", "Ayagoz"), ("Курчатов", "Курчатов", "Kurchatov")]),
    "akmola": (6, [("Степногорск", "Степногорск", "Stepnogorsk"), ("Щучинск", "Щучинск", "Shchuchinsk")]),
    "aktobe": (5, [("Хромтау", "Хромтау", "Khromtau"), ("Шалқар", "Шалкар", "Shalkar")]),
    "almaty-region": (7, [("Қаскелең", "Каскелен", "Kaskelen"), ("Есік", "Есик", "Yesik")]),
    "atyrau": (3, [("Құлсары", "Кульсары", "Kulsary")]),
    "west-kazakhstan": (4, [("Ақсай", "Аксай", "Aksay")]),
    "jambyl": (5, [("Қаратау", "Каратау", "Karatau"), ("Шу", "Шу", "Shu")]),
    "jetisu": (4, [("Жаркент", "Жаркент", "Zharkent"), ("Текелі", "Текели", "Tekeli")]),
    "karaganda": (6, [("Теміртау", "Темиртау", "Temirtau"), ("Балқаш", "Балхаш", "Balkhash")]),
    "kostanay": (5, [("Рудный", "Рудный", "Rudny"), ("Лисаков", "Лисаковск", "Lisakovsk")]),
    "kyzylorda": (4, [("Арал", "Аральск", "Aral"), ("Байқоңыр", "Байконыр", "Baikonyr")]),
    "mangystau": (3, [("Жаңаөзен", "Жанаозен", "Zhanaozen")]),
    "pavlodar": (5, [("Екібастұз", "Экибастуз", "Ekibastuz"), ("Ақсу", "Аксу", "Aksu")]),
    "north-kazakhstan": (4, [("Тайынша", "Тайынша", "Tayynsha")]),
    "turkistan": (10, [("Кентау", "Кентау", "Kentau"), ("Сарыағаш", "Сарыагаш", "Saryagash")]),
    "ulytau": (2, [("Сәтбаев", "Сатпаев", "Satbayev")]),
    "east-kazakhstan": (5, [("Риддер", "Риддер", "Ridder"), ("Зайсан", "Зайсан", "Zaisan")]),
    "astana": (5, []),
    "almaty": (6, []),
    "shymkent": (5, []),
}

# model, slug, (kk, ru, en) title, (kk, ru, en) introduction
NETWORK_PAGES = [
    (
        NetworkNewsPage,
        "news",
        ("Жаңалықтар", "Новости", "News"),
        (
            "Желінің барлық Жетекші мектептерінің блогтарынан жаңалықтар.",
            "Новости из блогов всех Ведущих школ сети.",
            "News from the blogs of every Leading School in the network.",
        ),
    ),
    (
        NetworkEventsPage,
        "events",
        ("Іс-шаралар", "Мероприятия", "Events"),
        (
            "Желінің семинарлары, шеберлік сыныптары, Lesson Study және конференциялары.",
            "Семинары, мастер-классы, Lesson Study и конференции сети.",
            "Seminars, master classes, Lesson Study and conferences across the network.",
        ),
    ),
    (
        ResourceLibraryPage,
        "resources",
        ("Ресурс кітапханасы", "Библиотека ресурсов", "Resource library"),
        (
            "Мұғалімдер әзірлеген сабақ жоспарлары, ұсыныстар, бейнесабақтар мен бағалау материалдары.",
            "Планы уроков, рекомендации, видеоуроки и материалы оценивания, созданные учителями.",
            "Lesson plans, recommendations, video lessons and assessment materials made by teachers.",
        ),
    ),
]
