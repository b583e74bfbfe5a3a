from django.core.management.base import BaseCommand

from follow.tasks import enqueue_due_digests


class Command(BaseCommand):
    help = (
        "Enqueue the e-mail digests that are due (daily, weekly) and any left unsent by a failed send. "
        "Run it from cron, e.g. hourly; a digest is never sent twice for the same item."
    )

    def handle(self, *args, **options):
        count = enqueue_due_digests()
        self.stdout.write(f"{count} digest(s) enqueued")
