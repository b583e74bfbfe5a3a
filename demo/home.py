"""Demo content for the home pages: Kazakh first, Russian and English translations (built by home/factories.py)."""

from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page, Site

from home.factories import HomePageFactory
from home.models import HomePage
from network.factories import ensure_locales, publish_without_log, translate_page

HOME_TEXT = {
    "kk": {
        "title": "Жетекші мектептер желісі",
        "intro": (
            "Орта білім мазмұнын жаңарту бойынша Жетекші мектептер мен серіктес мектептердің желілік қоғамдастығы."
        ),
        "body": (
            "<p>Жетекші мектеп – өңірдің желілік қоғамдастығын ұйымдастырушы. Ол Назарбаев Зияткерлік мектептерінің "
            "тәжірибесін таратады, желілік іс-шараларды жоспарлайды, өткізеді және талдайды, мұғалімдердің үздік "
            "ресурстарын жинақтайды. Бір Жетекші мектепке он серіктес мектеп бірігеді.</p>"
        ),
    },
    "ru": {
        "title": "Сеть Ведущих школ",
        "intro": "Сетевое сообщество Ведущих и партнёрских школ по обновлению содержания среднего образования.",
        "body": (
            "<p>Ведущая школа — организатор сетевого сообщества региона. Она транслирует опыт Назарбаев "
            "Интеллектуальных школ, планирует, проводит и анализирует сетевые мероприятия, накапливает лучшие "
            "ресурсы учителей. Одна Ведущая школа объединяет десять партнёрских школ.</p>"
        ),
    },
    "en": {
        "title": "Leading Schools network",
        "intro": "The network community of Leading Schools and their partner schools updating secondary education.",
        "body": (
            "<p>A Leading School organises its region's network community. It relays the experience of Nazarbayev "
            "Intellectual Schools, plans, runs and analyses network events, and gathers teachers' best resources. "
            "One Leading School works with ten partner schools.</p>"
        ),
    },
}


@contextmanager
def search_index_deferred():
    """Index each page once at the end of a bulk load, not at every save, revision and publication."""
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    call_command("update_index", verbosity=0)


def site_address():
    """(host, port) of SITE_BASE_URL: the sitemap and every full URL Wagtail makes use the site's real address."""
    address = urlsplit(settings.SITE_BASE_URL)
    return address.hostname or "localhost", address.port or (443 if address.scheme == "https" else 80)


def load_home():
    """Idempotent: the kk home page as the site root, with ru and en translations."""
    locales = ensure_locales()
    root = Page.get_first_root_node()
    kk = HOME_TEXT["kk"]
    home = HomePage.objects.filter(locale=locales["kk"], depth=2).first()
    if home is None:
        # Wagtail's initial migration leaves a "Welcome" page where our home page belongs.
        Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").update(slug="welcome-old")
        home = HomePageFactory(
            parent=root, title=kk["title"], slug="home", intro=kk["intro"], body=kk["body"], locale=locales["kk"]
        )
        publish_without_log(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, site_name=str(settings.WAGTAIL_SITE_NAME))
    site.hostname, site.port = site_address()
    site.root_page = home
    site.save()
    for page in Page.objects.filter(depth=2).exclude(pk=home.pk).exclude(content_type__model="homepage"):
        page.delete()
    homes = {"kk": home}
    for code in ("ru", "en"):
        text = HOME_TEXT[code]
        homes[code] = translate_page(
            home, locales[code], {"title": text["title"], "intro": text["intro"], "body": text["body"]}
        )
    return homes
