import time

from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = (
        "Rebuild the site search index (PostgreSQL): every live, public page of the searched kinds and every "
        "public document, each language with its own text-search configuration, and the suggestion vocabulary."
    )

    def handle(self, *args, **options):
        if not indexing.is_supported():
            self.stdout.write("The site search index needs PostgreSQL; this database uses Wagtail's search backend.")
            return
        started = time.monotonic()
        count = indexing.rebuild(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} entries in {time.monotonic() - started:.1f} s."))
