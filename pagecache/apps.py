from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import frontend, restrictions, signals  # noqa: F401

        restrictions.install()
